/**
 * What the bad-input cases are made of: the case type, input items with a file, parameters of each
 * operation, and the two kinds of case (refused by the node before any request, or by the service).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Emulator, FixtureItem } from '../support';

export const KB = 1024;
export const MB = 1024 * KB;

export interface BadCase {
	name: string;
	parameters: INodeParameters;
	/** Input items (default one item with `json`). */
	items?: FixtureItem[];
	/** `$json` of the single input item, for expressions such as `={{ $json.v }}`. */
	json?: IDataObject;
	detected: 'local' | 'service';
	/** What the message must name (the parameter or property, the value). */
	mentions: RegExp[];
	/** Service cases: the service's code in `context.apiCode`. */
	apiCode?: string;
	/** Prepares the emulator; returns fields merged into the item's json. */
	seed?: (emulator: Emulator) => IDataObject;
}

/** The input of a case besides its parameters. */
export type CaseInput = Pick<BadCase, 'items' | 'json' | 'seed'>;

export const fileItem = (fileName: string, spec: { text?: string; size?: number; mode?: 'inline' | 'filesystem' } = {}): FixtureItem[] => [
	{
		json: {},
		binary: {
			data: {
				...(spec.size !== undefined ? { size: spec.size, fill: 'x' } : { text: spec.text ?? 'some bytes' }),
				fileName,
				mimeType: 'application/octet-stream',
				mode: spec.mode ?? 'filesystem',
			},
		},
	},
];

export const ncpUpload = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data', ...extra });
export const nhnUpload = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'nhn', operation: 'upload', binaryPropertyName: 'data', ...extra });
export const ncpGet = (tempRequestId: string): INodeParameters => ({ resource: 'ncp', operation: 'get', tempRequestId });
export const ncpDelete = (tempRequestId: string): INodeParameters => ({ resource: 'ncp', operation: 'delete', tempRequestId });
export const nhnGet = (attachmentId: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'nhn', operation: 'get', attachmentId, ...extra });
export const nhnList = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'nhn', operation: 'list', returnAll: false, limit: 10, ...extra });
export const validateUploaded = (attachmentId: string, fileTypes: unknown = ['EMAIL_DEFAULT']): INodeParameters => ({
	resource: 'nhn',
	operation: 'validateUploaded',
	attachmentId,
	fileTypes: fileTypes as string[],
});
export const validateBeforeUpload = (fileTypes: string[]): INodeParameters => ({
	resource: 'nhn',
	operation: 'validateBeforeUpload',
	binaryPropertyName: 'data',
	fileTypes,
});
export const updateFileTypes = (attachmentId: string, fileTypes: unknown): INodeParameters => ({
	resource: 'nhn',
	operation: 'updateFileTypes',
	attachmentId,
	fileTypes: fileTypes as string[],
});
export const listFileTypes = (messageChannel: string): INodeParameters => ({ resource: 'nhn', operation: 'listFileTypes', messageChannel });

/** A parameter read from the item's `v`. */
export const V = '={{ $json.v }}';
export const ITEM_0 = /\b[Ii]tem 0\b/;
export const DATA_PROPERTY = /binary property "data"/;

/** Wrong-type expression results, as a previous node's JSON could carry them. */
export const WRONG_TYPES: Array<[string, unknown]> = [
	['an object', { id: 'x' }],
	['an array', ['a', 'b']],
	['null', null],
	['a boolean', true],
];

/** A case the node must refuse before any request, with a message naming item 0 and each of `mentions`. */
export const refusedLocally = (name: string, parameters: INodeParameters, mentions: RegExp[], input: CaseInput = {}): BadCase => ({
	name,
	parameters,
	...input,
	detected: 'local',
	mentions: [ITEM_0, ...mentions],
});

/** A case only the service can judge: its HTTP status and code, and the offending value, in the message. */
export const refusedByService = (
	name: string,
	parameters: INodeParameters,
	answer: { status: number; apiCode: string },
	value: RegExp,
	input: CaseInput = {},
): BadCase => ({
	name,
	parameters,
	...input,
	detected: 'service',
	apiCode: answer.apiCode,
	mentions: [new RegExp(`HTTP ${answer.status}, code ${answer.apiCode}`), value],
});

/** The item's `v`, for a case whose parameter is `V`. */
export const valued = (value: unknown): CaseInput => ({ json: { v: value as IDataObject } });
