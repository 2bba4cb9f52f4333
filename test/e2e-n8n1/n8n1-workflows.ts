// The workflows of the n8n 1.x suite: NHN upload, get with download and list; NCP upload and get; an upload run
// again after the token expired; a long run in which the token expires; one error of each provider.
import { SAMPLE_FILE } from '../../tools/n8n-harness/fixtures';
import { NCP_UPLOAD_DATA, NHN_UPLOAD_DATA } from '../e2e/helpers/upload-parameters';
import { chain } from '../e2e/helpers/workflow-edges';
import { attachmentNode, codeNode, manualTrigger, readFromDisk, START, workflow } from '../e2e/helpers/workflows';

export const WF = {
	nhn: 'n1NhnOperations',
	ncp: 'n1NcpOperations',
	upload: 'n1NhnUpload',
	longRun: 'n1NhnLongRun',
	errors: 'n1Errors',
};

/** A second NHN credential, holding no token until the long run issues one (under a short token lifetime). */
export const FRESH_NHN = { id: 'n1NhnFreshCredential', name: 'NHN Cloud Notification Hub (fresh, n8n 1.x)' };

/** Items of the long run, one request each, one at a time. */
export const LONG_RUN_ITEMS = 30;

const onError = { onError: 'continueRegularOutput' };

export const N8N1_WORKFLOWS = [
	workflow(
		WF.nhn,
		'n8n 1.x: NHN upload, get with download, list (Return All)',
		[
			manualTrigger(),
			readFromDisk('Read', SAMPLE_FILE),
			attachmentNode('Upload', 'nhn', 'upload', { ...NHN_UPLOAD_DATA, options: {} }),
			attachmentNode('Get', 'nhn', 'get', { attachmentId: '={{ $json.attachmentId }}', download: true, binaryPropertyName: 'file', options: {} }),
			attachmentNode('List', 'nhn', 'list', { returnAll: true, filters: {}, options: {} }),
		],
		chain(START, 'Read', 'Upload', 'Get', 'List'),
	),
	workflow(
		WF.ncp,
		'n8n 1.x: NCP upload and get',
		[
			manualTrigger(),
			readFromDisk('Read', SAMPLE_FILE),
			attachmentNode('Upload', 'ncp', 'upload', { ...NCP_UPLOAD_DATA, options: {} }),
			attachmentNode('Get', 'ncp', 'get', { tempRequestId: '={{ $json.tempRequestId }}', options: {} }),
		],
		chain(START, 'Read', 'Upload', 'Get'),
	),
	workflow(
		WF.upload,
		'n8n 1.x: NHN upload',
		[manualTrigger(), readFromDisk('Read', SAMPLE_FILE), attachmentNode('Upload', 'nhn', 'upload', { ...NHN_UPLOAD_DATA, options: {} })],
		chain(START, 'Read', 'Upload'),
	),
	workflow(
		WF.longRun,
		'n8n 1.x: NHN list file types, one item at a time',
		[
			manualTrigger(),
			codeNode('Items', `return Array.from({ length: ${LONG_RUN_ITEMS} }, (_, i) => ({ json: { i } }));`),
			attachmentNode(
				'File types',
				'nhn',
				'listFileTypes',
				{ messageChannel: 'EMAIL', options: { concurrency: 1 } },
				{ credentials: { nhnCloudNotificationHubApi: FRESH_NHN } },
			),
		],
		chain(START, 'Items', 'File types'),
	),
	workflow(
		WF.errors,
		'n8n 1.x: an NHN and an NCP error (Continue On Fail)',
		[
			manualTrigger(),
			attachmentNode('NHN get', 'nhn', 'get', { attachmentId: 'no-such-attachment', download: false, options: {} }, onError),
			attachmentNode('NCP get', 'ncp', 'get', { tempRequestId: 'no-such-temp-request-id', options: {} }, onError),
		],
		[
			[START, 'NHN get'],
			[START, 'NCP get'],
		],
	),
];
