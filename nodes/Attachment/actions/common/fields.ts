import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY } from '../../helpers/parameters';

export const MESSAGE_CHANNEL_OPTIONS: INodePropertyOptions[] = [
	{ name: 'AlimTalk', value: 'ALIMTALK' },
	{ name: 'Email', value: 'EMAIL' },
	{ name: 'Push', value: 'PUSH' },
	{ name: 'RCS', value: 'RCS' },
	{ name: 'SMS', value: 'SMS' },
];

/** Upload's file input, the same for both providers: one field, several separated by commas, or `*` for all. */
export function binaryPropertyField(): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data',
		hint: 'One binary field (data), several separated by commas (data, data_1), or * for every binary field of the item',
		description:
			'The binary fields holding the files to upload. An item with several files (for instance from Aggregate with Include Binaries) uploads them all with * or their names.',
	};
}

/** Validate Before Upload checks one file: one binary field. */
export function singleBinaryPropertyField(): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to check',
		description: 'The binary field holding the file to check',
	};
}

const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 120000,
	description: 'Milliseconds to wait for each answer before giving up (0 waits without limit)',
};

const retriesOption: INodeProperties = {
	displayName: 'Retries',
	name: 'retries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10 },
	default: 3,
	description:
		"How many times this node retries one request refused for throttling (429) or a refused connection, and a read or validation after 502, 503, 504, a reset or a timeout; uploads and deletes are never retried where they may have been applied. n8n's Retry On Fail (node Settings) works on top: it runs the whole node again after it failed, retries included, so the attempts multiply. Leave Retry On Fail off for uploads and deletes.",
};

const maxRetryWaitOption: INodeProperties = {
	displayName: 'Max Retry Wait',
	name: 'maxRetryWaitMs',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 30000,
	description: 'Milliseconds all waits between retries of one request may add up to (Retry-After is honoured within it)',
};

const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: DEFAULT_CONCURRENCY,
	description:
		'How many items are processed at once (and, for List with Return All, how many pages are fetched at once). Outputs keep the input order. Whatever its value, at most 250 requests per second start per credential, and large files are sent a few at a time (32 MiB of files in flight).',
};

const keepInputBinaryOption: INodeProperties = {
	displayName: 'Keep Input Binary Data',
	name: 'keepInputBinary',
	type: 'boolean',
	default: false,
	description: 'Whether to pass the input item\'s binary data on to the output item, for a later step such as an email send',
};

/** The Options collection every operation has; `extra` adds operation-specific options. */
export function optionsField(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...extra, concurrencyOption, keepInputBinaryOption, maxRetryWaitOption, retriesOption, timeoutOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
