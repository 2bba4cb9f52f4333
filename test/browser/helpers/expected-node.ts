// The node as the n8n editor should show it: its name, the demo credentials' names, the Provider labels, the Operation
// options of each provider, and the actions the node creator lists.

export const NODE_NAME = 'Attachment (NCP / NHN Cloud)';

/** The package's other node, which the same search finds. */
export const SEND_EMAIL_NODE_NAME = 'Send Email (NCP / NHN Cloud)';

export const CREDENTIAL_NAMES = { ncp: 'NAVER Cloud Outbound Mailer (demo)', nhn: 'NHN Cloud Notification Hub (demo)' };

/** The Provider select's text for each provider. */
export const PROVIDER_LABELS = { ncp: 'NAVER Cloud Outbound Mailer (NCP)', nhn: 'NHN Cloud Notification Hub' };

export const OPERATIONS = {
	ncp: ['Delete', 'Get', 'Upload'],
	nhn: ['Get', 'List', 'List File Types', 'Update File Types', 'Upload', 'Validate Before Upload', 'Validate Uploaded'],
};

/** The `action` of every operation option, as the node creator should list them. */
export const ACTIONS = [
	'Delete temporary files',
	'Get temporary files',
	'Upload files',
	'Get an attachment',
	'List attachments',
	'List file types',
	'Update file types of an attachment',
	'Upload an attachment',
	'Validate a file before upload',
	'Validate an uploaded attachment',
];
