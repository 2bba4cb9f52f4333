import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_RETRY, type RetrySettings } from '../transport/retry';
import { binaryPropertiesOf } from './binary-input';

export const DEFAULT_TIMEOUT_MS = 120_000;

/** The longest delay a timer can hold (about 24.8 days); above it Node fires after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const FILE_TYPE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** A required ID: a non-empty string (a number is taken as its digits) that is not made of dots only. */
export function idParameter(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		fail(ctx, itemIndex, `${label} of item ${itemIndex} must be text, but the expression gave ${raw === null ? 'null' : typeof raw}`);
	}
	const id = String(raw).trim();
	if (!id) fail(ctx, itemIndex, `${label} of item ${itemIndex} is empty`);
	if (/^\.+$/.test(id)) fail(ctx, itemIndex, `${label} of item ${itemIndex} ("${id}") is not a valid ID`);
	return id;
}

/** File types from the multi-select, or from an expression giving an array or a comma-separated text. */
export function fileTypesParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	required: boolean,
): string[] {
	const raw = ctx.getNodeParameter(name, itemIndex, []) as unknown;
	let values: unknown[];
	if (Array.isArray(raw)) values = raw;
	else if (typeof raw === 'string') values = raw.split(',');
	else if (raw === null || raw === undefined) values = [];
	else fail(ctx, itemIndex, `File Types of item ${itemIndex} must be a list of file types, but the expression gave ${typeof raw}`);
	const fileTypes = values.map((value) => (typeof value === 'string' ? value.trim() : value)).filter((value) => value !== '');
	for (const fileType of fileTypes) {
		if (typeof fileType !== 'string' || !FILE_TYPE_PATTERN.test(fileType)) {
			fail(
				ctx,
				itemIndex,
				`File type ${JSON.stringify(fileType)} of item ${itemIndex} is not a file type name`,
				'File types are upper-case names such as EMAIL_DEFAULT or SMS_DEFAULT; pick them from the list.',
			);
		}
	}
	if (required && fileTypes.length === 0) fail(ctx, itemIndex, `Item ${itemIndex} needs at least one file type`);
	return [...new Set(fileTypes as string[])];
}

/** Written in Input Binary Field, stands for every binary property of the item. */
export const ALL_BINARY_PROPERTIES = '*';

/** A binary property name, several separated by commas, or `*` for all of the item's (in the item's order). */
export function binaryPropertiesParameter(ctx: IExecuteFunctions, itemIndex: number, name: string): string[] {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') fail(ctx, itemIndex, `Input Binary Field of item ${itemIndex} must be text`);
	const properties = raw.split(',').map((property) => property.trim()).filter(Boolean);
	if (properties.length === 0) fail(ctx, itemIndex, `Input Binary Field of item ${itemIndex} is empty`);
	if (properties.includes(ALL_BINARY_PROPERTIES)) {
		const all = binaryPropertiesOf(ctx, itemIndex);
		if (all.length === 0) {
			fail(
				ctx,
				itemIndex,
				`Item ${itemIndex} has no binary data ("${ALL_BINARY_PROPERTIES}" takes every binary property of the item)`,
				'The node before this one must output a file (for instance Read/Write Files from Disk or HTTP Request).',
			);
		}
		return all;
	}
	return [...new Set(properties)];
}

/**
 * One ID or several: a text (IDs separated by commas), a number, or an array of them (what an expression such as
 * `{{ $json.tempRequestIds }}` gives). Each is checked as `idParameter` checks one; duplicates are dropped.
 */
export function idListParameter(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string[] {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	const values: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
	const ids: string[] = [];
	for (const value of values) {
		if (typeof value !== 'string' && typeof value !== 'number') {
			fail(ctx, itemIndex, `${label} of item ${itemIndex} must be text or a list of IDs, but the expression gave ${value === null ? 'null' : typeof value}`);
		}
		const id = String(value).trim();
		if (!id) continue;
		if (/^\.+$/.test(id)) fail(ctx, itemIndex, `${label} of item ${itemIndex} ("${id}") is not a valid ID`);
		ids.push(id);
	}
	if (ids.length === 0) fail(ctx, itemIndex, `${label} of item ${itemIndex} is empty`);
	return [...new Set(ids)];
}

function numberOption(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string, fallback: number): number {
	const value = ctx.getNodeParameter(`options.${name}`, itemIndex, fallback) as unknown;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
		fail(ctx, itemIndex, `${label} of item ${itemIndex} must be a number from 0 to ${MAX_TIMER_MS}`);
	}
	return value;
}

/** Per-request settings taken from the node's options. */
export interface RequestPolicy {
	/** A deadline for each attempt's whole exchange, body included; undefined waits without limit. */
	timeoutMs?: number;
	retry?: RetrySettings;
}

export function requestPolicy(ctx: IExecuteFunctions, itemIndex: number): RequestPolicy {
	const timeout = numberOption(ctx, itemIndex, 'timeout', 'Timeout', DEFAULT_TIMEOUT_MS);
	const retries = numberOption(ctx, itemIndex, 'retries', 'Retries', DEFAULT_RETRY.maxAttempts - 1);
	if (!Number.isInteger(retries) || retries > 10) fail(ctx, itemIndex, `Retries of item ${itemIndex} must be a whole number from 0 to 10`);
	const maxWaitMs = numberOption(ctx, itemIndex, 'maxRetryWaitMs', 'Max Retry Wait', DEFAULT_RETRY.maxWaitMs);
	return { timeoutMs: timeout > 0 ? timeout : undefined, retry: { maxAttempts: retries + 1, maxWaitMs } };
}

/**
 * 50 items at once keep 200 small uploads faster than n8n's HTTP Request node at 200 ms round trips (10 were 1.13x
 * to 1.32x slower); the rate gate keeps them under NHN's 300 requests per second, the byte budget bounds large files' memory.
 */
export const DEFAULT_CONCURRENCY = 50;

/** Items processed at once (and list pages fetched at once): one value for the whole node, read from item 0. */
export function concurrencyOf(ctx: IExecuteFunctions): number {
	const value = ctx.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY) as unknown;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 50) {
		fail(ctx, 0, 'Concurrency must be a whole number from 1 to 50 (it is read from item 0 and applies to every item)');
	}
	return value;
}
