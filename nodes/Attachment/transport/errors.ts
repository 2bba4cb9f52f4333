import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export type ProviderId = 'ncp' | 'nhn';

/** All an error needs of where it happened. */
export interface ErrorContext {
	getNode(): INode;
}

export const PROVIDER_LABELS: Record<ProviderId, string> = {
	ncp: 'NAVER Cloud Outbound Mailer',
	nhn: 'NHN Cloud Notification Hub',
};

export interface ApiFailure {
	provider: ProviderId;
	status?: number;
	code?: string;
	/** How the code is named in the message: `code` unless it is not the service's own (NAVER's API gateway). */
	codeLabel?: string;
	message: string;
	hint?: string;
	/** Attempts made; more than one is said in the description. */
	attempts?: number;
	/** A write that was not retried because it may have been applied: said in the description. */
	notRetriedWrite?: boolean;
}

export const NOT_RETRIED_WRITE =
	'Not retried: the service may have applied this request (stored or deleted a file, or accepted a mail) before the answer was lost. Check before trying again.';

/** `Provider: HTTP 400, code 77103: message`: the one wording every API failure of this node uses. */
export function failureMessage(failure: ApiFailure): string {
	const parts = [failure.status !== undefined ? `HTTP ${failure.status}` : undefined];
	if (failure.code !== undefined && failure.code !== '') parts.push(`${failure.codeLabel ?? 'code'} ${failure.code}`);
	const where = parts.filter(Boolean).join(', ');
	return `${PROVIDER_LABELS[failure.provider]}: ${where ? `${where}: ` : ''}${failure.message}`;
}

/** Built from extracted fields only, so no request option, header or secret can ride along. */
export function apiError(ctx: ErrorContext, itemIndex: number, failure: ApiFailure): NodeApiError {
	const message = failureMessage(failure);
	const httpCode = failure.status !== undefined ? String(failure.status) : undefined;
	const tries = failure.attempts && failure.attempts > 1 ? `Gave up after ${failure.attempts} attempts.` : undefined;
	const notRetried = failure.notRetriedWrite ? NOT_RETRIED_WRITE : undefined;
	const description = [failure.hint, tries, notRetried].filter(Boolean).join(' ') || undefined;
	const error = new NodeApiError(ctx.getNode(), { message, httpCode: httpCode ?? null } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
	error.context.provider = PROVIDER_LABELS[failure.provider];
	if (failure.code !== undefined) error.context.apiCode = failure.code;
	return error;
}

function pick(source: unknown, path: string[]): unknown {
	let value: unknown = source;
	for (const key of path) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function firstString(source: unknown, paths: string[][]): string | undefined {
	for (const path of paths) {
		const value = pick(source, path);
		if (typeof value === 'string' && value !== '') return value;
		if (typeof value === 'number') return String(value);
	}
	return undefined;
}

/** The code and message of an error body, whichever of the services' shapes it has. */
export function errorFieldsOf(body: unknown): { code?: string; message?: string; details?: string } {
	return {
		code: firstString(body, [['error', 'errorCode'], ['header', 'resultCode'], ['errorCode'], ['code'], ['error', 'code']]),
		message: firstString(body, [
			['error', 'message'],
			['header', 'resultMessage'],
			['message'],
			['errorMessage'],
			['error_description'],
			['error'],
		]),
		details: firstString(body, [['error', 'details'], ['details']]),
	};
}

/** JSON bodies arrive parsed; a body that is text is parsed here, and `undefined` means it is not JSON. */
export function jsonBodyOf(body: unknown): unknown {
	if (typeof body !== 'string') return Buffer.isBuffer(body) ? jsonBodyOf(body.toString('utf8')) : body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return undefined;
	}
}
