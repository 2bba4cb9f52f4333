/**
 * The operations the fuzz suite runs and the node parameters of each: every value an operation can read
 * through an expression is read from the item's JSON (`={{ $json.x }}`), so that random items drive them.
 */
import type { INodeParameters } from 'n8n-workflow';

export type OperationKey =
	| 'ncp.upload'
	| 'ncp.get'
	| 'ncp.delete'
	| 'nhn.upload'
	| 'nhn.list'
	| 'nhn.get'
	| 'nhn.validateBeforeUpload'
	| 'nhn.validateUploaded'
	| 'nhn.updateFileTypes'
	| 'nhn.listFileTypes';
export const OPERATION_KEYS: OperationKey[] = [
	'ncp.upload', 'ncp.get', 'ncp.delete', 'nhn.upload', 'nhn.list', 'nhn.get', 'nhn.validateBeforeUpload',
	'nhn.validateUploaded', 'nhn.updateFileTypes', 'nhn.listFileTypes',
];

/** What cannot be an expression (or is node-wide), chosen per run. */
export interface Variant {
	returnAll: boolean;
	download: boolean;
	perFile: boolean;
	failOnInvalid: boolean;
	concurrency: number;
}

const X = (field: string) => `={{ $json.${field} }}`;

export function parametersFor(key: OperationKey, variant: Variant): INodeParameters {
	const [resource, operation] = key.split('.');
	const options: INodeParameters = {
		timeout: X('timeout'),
		retries: X('retries'),
		maxRetryWaitMs: X('maxRetryWaitMs'),
		keepInputBinary: X('keep'),
		concurrency: variant.concurrency,
	};
	const base: INodeParameters = { resource, operation, options };
	const withFailOnInvalid: INodeParameters = { ...options, failOnInvalid: variant.failOnInvalid };
	switch (key) {
		case 'ncp.upload':
			return { ...base, binaryPropertyName: X('bp'), requestMode: variant.perFile ? 'perFile' : 'single' };
		case 'ncp.get':
		case 'ncp.delete':
			return { ...base, tempRequestId: X('id') };
		case 'nhn.upload':
			return { ...base, binaryPropertyName: X('bp'), fileName: X('fileName'), fileTypes: X('fileTypes') };
		case 'nhn.validateBeforeUpload':
			return { ...base, binaryPropertyName: X('bp'), fileName: X('fileName'), fileTypes: X('fileTypes'), options: withFailOnInvalid };
		case 'nhn.list':
			return {
				...base,
				returnAll: variant.returnAll,
				limit: X('limit'),
				filters: { fileName: X('filterName'), fileType: X('fileType'), messageChannel: X('channel'), expiringWithinHours: X('hours') },
			};
		case 'nhn.get':
			return { ...base, attachmentId: X('id'), download: variant.download, binaryPropertyName: X('bp') };
		case 'nhn.validateUploaded':
			return { ...base, attachmentId: X('id'), fileTypes: X('fileTypes'), options: withFailOnInvalid };
		case 'nhn.updateFileTypes':
			return { ...base, attachmentId: X('id'), fileTypes: X('fileTypes') };
		case 'nhn.listFileTypes':
			return { ...base, messageChannel: X('channel') };
	}
}
