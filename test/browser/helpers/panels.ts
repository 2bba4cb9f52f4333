// One node per provider × operation, every required field filled, and what its panel must show when it opens.

const ATTACHMENT_ID = '20230131070811m2fDe1rXx80';

export interface Panel {
	name: string;
	resource: 'ncp' | 'nhn';
	operation: string;
	/** The Operation select's text. */
	label: string;
	parameters: Record<string, unknown>;
	/** The parameter inputs the panel shows (Provider and Operation included), in order. */
	fields: string[];
	/** A collection shown by label only. */
	collection: string;
	fileTypes?: string[];
}

/** One node per provider × operation, every required field filled: each panel must open with no issue. */
export const PANELS: Panel[] = [
	{ name: 'NCP upload', resource: 'ncp', operation: 'upload', label: 'Upload', parameters: { binaryPropertyName: 'data', requestMode: 'perFile', options: {} }, fields: ['resource', 'operation', 'binaryPropertyName', 'requestMode'], collection: 'Options' },
	{ name: 'NCP get', resource: 'ncp', operation: 'get', label: 'Get', parameters: { tempRequestId: 'temp-request-1', options: {} }, fields: ['resource', 'operation', 'tempRequestId'], collection: 'Options' },
	{ name: 'NCP delete', resource: 'ncp', operation: 'delete', label: 'Delete', parameters: { tempRequestId: 'temp-request-1', options: {} }, fields: ['resource', 'operation', 'tempRequestId'], collection: 'Options' },
	{
		name: 'NHN upload',
		resource: 'nhn',
		operation: 'upload',
		label: 'Upload',
		parameters: { binaryPropertyName: 'data', fileTypeChannel: 'EMAIL', emailFileTypes: ['EMAIL_DEFAULT'], options: {} },
		fields: ['resource', 'operation', 'binaryPropertyName', 'fileName', 'fileTypeChannel', 'emailFileTypes'],
		collection: 'Options',
		fileTypes: ['EMAIL_DEFAULT'],
	},
	{ name: 'NHN list', resource: 'nhn', operation: 'list', label: 'List', parameters: { returnAll: false, limit: 50, filters: {}, options: {} }, fields: ['resource', 'operation', 'returnAll', 'limit'], collection: 'Filters' },
	{
		name: 'NHN get',
		resource: 'nhn',
		operation: 'get',
		label: 'Get',
		parameters: { attachmentId: ATTACHMENT_ID, download: true, binaryPropertyName: 'file', options: {} },
		fields: ['resource', 'operation', 'attachmentId', 'download', 'binaryPropertyName'],
		collection: 'Options',
	},
	{
		name: 'NHN validate before upload',
		resource: 'nhn',
		operation: 'validateBeforeUpload',
		label: 'Validate Before Upload',
		parameters: { binaryPropertyName: 'data', fileTypeChannel: '', fileTypes: ['EMAIL_DEFAULT', 'SMS_DEFAULT'], options: {} },
		fields: ['resource', 'operation', 'binaryPropertyName', 'fileName', 'fileTypeChannel', 'fileTypes'],
		collection: 'Options',
		fileTypes: ['EMAIL_DEFAULT', 'SMS_DEFAULT'],
	},
	{
		name: 'NHN validate uploaded',
		resource: 'nhn',
		operation: 'validateUploaded',
		label: 'Validate Uploaded',
		parameters: { attachmentId: ATTACHMENT_ID, fileTypeChannel: 'SMS', smsFileTypes: ['SMS_DEFAULT'], options: {} },
		fields: ['resource', 'operation', 'attachmentId', 'fileTypeChannel', 'smsFileTypes'],
		collection: 'Options',
		fileTypes: ['SMS_DEFAULT'],
	},
	{
		name: 'NHN update file types',
		resource: 'nhn',
		operation: 'updateFileTypes',
		label: 'Update File Types',
		parameters: { attachmentId: ATTACHMENT_ID, fileTypeChannel: 'EMAIL', emailFileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'], options: {} },
		fields: ['resource', 'operation', 'attachmentId', 'fileTypeChannel', 'emailFileTypes'],
		collection: 'Options',
		fileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'],
	},
	{ name: 'NHN list file types', resource: 'nhn', operation: 'listFileTypes', label: 'List File Types', parameters: { messageChannel: 'SMS', options: {} }, fields: ['resource', 'operation', 'messageChannel'], collection: 'Options' },
];
