// The workflows of the e2e operation tests: every operation of both providers, binary data from disk and from a
// Code node, an NHN upload run again after the token expired, and Continue On Fail.
import { SAMPLE_FILE } from '../../../tools/n8n-harness/fixtures';
import { INLINE, INVOICE, LETTERS, NOTES, PHOTO, TOOL } from './operation-files';
import { NCP_UPLOAD_DATA, NHN_UPLOAD_DATA } from './upload-parameters';
import { chain } from './workflow-edges';
import { attachmentNode, codeNode, codeWithFiles, manualTrigger, readFromDisk, START, workflow } from './workflows';

export const WF = {
	ncp: 'e2eNcpOperations',
	nhn: 'e2eNhnOperations',
	list: 'e2eNhnList',
	sources: 'e2eBinarySources',
	token: 'e2eNhnToken',
	continueOnFail: 'e2eContinueOnFail',
};

const ncpUpload = (name: string) => attachmentNode(name, 'ncp', 'upload', { ...NCP_UPLOAD_DATA, options: {} });
const nhnUpload = (name: string) => attachmentNode(name, 'nhn', 'upload', { ...NHN_UPLOAD_DATA, options: {} });
const ncpByTempRequestId = (name: string, operation: 'get' | 'delete', extra: Record<string, unknown> = {}) =>
	attachmentNode(name, 'ncp', operation, { tempRequestId: '={{ $json.tempRequestId }}', options: {} }, extra);
/** An NHN operation on the attachment the node "Upload" made, for these file types (no channel). */
const onUploaded = (name: string, operation: 'validateUploaded' | 'updateFileTypes', fileTypes: string[]) =>
	attachmentNode(name, 'nhn', operation, { attachmentId: "={{ $('Upload').item.json.attachmentId }}", fileTypeChannel: '', fileTypes, options: {} });
const nhnList = (name: string, parameters: Record<string, unknown>) => attachmentNode(name, 'nhn', 'list', { ...parameters, options: {} });

export const OPERATION_WORKFLOWS = [
	workflow(
		WF.ncp,
		'e2e: NCP upload (one request, per file), get, delete',
		[
			manualTrigger(),
			codeWithFiles('Two files', [{ json: { order: 1 }, binary: { invoice: INVOICE, notes: NOTES } }]),
			attachmentNode('Upload in one request', 'ncp', 'upload', { binaryPropertyName: 'invoice, notes', requestMode: 'single', options: {} }),
			ncpByTempRequestId('Get', 'get'),
			ncpByTempRequestId('Delete', 'delete'),
			attachmentNode('Upload per file', 'ncp', 'upload', { binaryPropertyName: 'invoice,notes', requestMode: 'perFile', options: {} }),
		],
		[...chain(START, 'Two files', 'Upload in one request', 'Get', 'Delete'), ['Two files', 'Upload per file']],
	),
	workflow(
		WF.nhn,
		'e2e: NHN upload, get, validate, update, file types',
		[
			manualTrigger(),
			codeWithFiles('Photo', [{ json: {}, binary: { data: PHOTO } }]),
			nhnUpload('Upload'),
			attachmentNode('Get and download', 'nhn', 'get', { attachmentId: '={{ $json.attachmentId }}', download: true, binaryPropertyName: 'file', options: {} }),
			onUploaded('Validate uploaded', 'validateUploaded', ['SMS_DEFAULT', 'RCS_DEFAULT']),
			onUploaded('Update file types', 'updateFileTypes', ['EMAIL_DEFAULT', 'SMS_DEFAULT', 'RCS_DEFAULT']),
			attachmentNode('List file types', 'nhn', 'listFileTypes', { messageChannel: 'SMS', options: {} }),
			codeWithFiles('Candidates', [{ json: { candidate: 'photo' }, binary: { data: PHOTO } }, { json: { candidate: 'tool' }, binary: { data: TOOL } }]),
			attachmentNode('Validate before upload', 'nhn', 'validateBeforeUpload', {
				binaryPropertyName: 'data',
				fileTypeChannel: '',
				fileTypes: ['EMAIL_DEFAULT', 'SMS_DEFAULT'],
				options: {},
			}),
		],
		[
			...chain(START, 'Photo', 'Upload', 'Get and download', 'Validate uploaded', 'Update file types', 'List file types'),
			...chain(START, 'Candidates', 'Validate before upload'),
		],
	),
	workflow(
		WF.list,
		'e2e: NHN list (limit, return all, filter)',
		[
			manualTrigger(),
			nhnList('List 7', { returnAll: false, limit: 7, filters: {} }),
			nhnList('List all', { returnAll: true, filters: {} }),
			nhnList('List SMS', { returnAll: true, filters: { messageChannel: 'SMS' } }),
		],
		[
			[START, 'List 7'],
			[START, 'List all'],
			[START, 'List SMS'],
		],
	),
	workflow(
		WF.sources,
		'e2e: binary from disk and from a Code node',
		[
			manualTrigger(),
			readFromDisk('Read from disk', SAMPLE_FILE),
			ncpUpload('NCP from disk'),
			nhnUpload('NHN from disk'),
			codeWithFiles('Inline file', [{ json: {}, binary: { data: INLINE } }]),
			ncpUpload('NCP inline'),
			nhnUpload('NHN inline'),
		],
		[
			...chain(START, 'Read from disk', 'NCP from disk'),
			['Read from disk', 'NHN from disk'],
			...chain(START, 'Inline file', 'NCP inline'),
			['Inline file', 'NHN inline'],
		],
	),
	workflow(
		WF.token,
		'e2e: NHN token renewal (multipart upload)',
		[manualTrigger(), codeWithFiles('Photo', [{ json: {}, binary: { data: PHOTO } }]), nhnUpload('Upload')],
		chain(START, 'Photo', 'Upload'),
	),
	workflow(
		WF.continueOnFail,
		'e2e: Continue On Fail',
		[
			manualTrigger(),
			codeWithFiles('Three files', LETTERS.map((file) => ({ json: { name: file.fileName }, binary: { data: file } }))),
			ncpUpload('Upload'),
			codeNode(
				'Break the middle one',
				"return $input.all().map((item, i) => ({ json: { tempRequestId: i === 1 ? 'no-such-temp-request-id' : item.json.tempRequestId } }));",
			),
			ncpByTempRequestId('Get', 'get', { onError: 'continueRegularOutput' }),
		],
		chain(START, 'Three files', 'Upload', 'Break the middle one', 'Get'),
	),
];
