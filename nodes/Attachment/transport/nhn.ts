import type { IDataObject } from 'n8n-workflow';

import { NhnTokenError } from '../../../credentials/nhn/token-request';
import { nhnTokenCache } from '../../../credentials/nhn/token-cache';
import { UnsafeUrlError } from '../../../credentials/shared/safe-url';
import { apiError, errorFieldsOf, type ApiFailure, type ErrorContext } from './errors';
import { sendRequest, type ApiRequest, type HttpAnswer, type ProviderSpec, type RequestContext } from './request';

export const NHN_CREDENTIAL_TYPE = 'nhnCloudNotificationHubApi';

export const NHN_API_PREFIX = '/attachment/v1.0';

const HINTS: Record<string, string> = {
	'401': 'The app key or access token was refused. A token issued from a User Access Key is renewed automatically; a fixed access token must be replaced when it expires.',
	'429': 'NHN Cloud allows 300 requests per second; lower the concurrency or try again later.',
	'404202': 'The attachment does not exist or has expired: attachments are kept for 7 days.',
	'400612': 'The file is over the size limit of one of the requested file types.',
	'400613': 'The file format is not accepted for one of the requested file types.',
	'400610': 'The attachment has expired (attachments are kept for 7 days): upload the file again.',
	'400611': 'The media type of the file is not accepted for this file type: check its format against the file type.',
	'400614': 'The file is empty: check the binary data the previous step produced.',
	'400456': 'The image could not be read (an encoding error): re-save it as a standard JPEG or PNG.',
	'400102': 'Authentication-purpose (AUTH) email cannot carry attachments: send it as NORMAL or AD.',
	'400002':
		'A sending rule was broken (the message says which): for instance an AUTH email with attachments, an AD subject without its label, or a send time in the past or more than 60 days ahead.',
};

/** A header failure (`isSuccessful: false`) is a failure whatever the HTTP status, X-NC-ALWAYS-200-OK included. */
export function isNhnSuccess(answer: HttpAnswer, body: unknown): boolean {
	const header = (body as { header?: { isSuccessful?: unknown } } | undefined)?.header;
	return answer.status >= 200 && answer.status < 300 && header?.isSuccessful === true;
}

export function nhnFailure(ctx: ErrorContext, itemIndex: number, answer: HttpAnswer, body: unknown) {
	const isObject = body !== null && typeof body === 'object';
	const fields = isObject ? errorFieldsOf(body) : {};
	let message = fields.message;
	if (!message) {
		if (!isObject) message = 'The answer is not the JSON object the API documents';
		else if (answer.status < 300) message = 'The answer carries no successful header';
		else message = 'The request failed';
	}
	return apiError(ctx, itemIndex, {
		provider: 'nhn',
		status: answer.status,
		code: fields.code,
		message,
		hint: HINTS[fields.code ?? ''] ?? HINTS[String(answer.status)],
		attempts: answer.attempts,
		notRetriedWrite: answer.notRetriedWrite,
	});
}

interface ResultEntry {
	isSuccessful?: boolean;
	resultCode?: number | string;
	resultMessage?: string;
}

/** The first failed entry of a multi-target answer's `results[]`: a partial failure must not look like success. */
export function firstFailedResult(body: unknown): ResultEntry | undefined {
	const results = (body as { results?: unknown } | undefined)?.results;
	if (!Array.isArray(results)) return undefined;
	return (results as ResultEntry[]).find((entry) => entry?.isSuccessful === false);
}

/** The body of a successful answer, or the NodeApiError that says why it is not one. */
export function nhnResult(ctx: ErrorContext, itemIndex: number, answer: HttpAnswer): IDataObject {
	const { body } = answer;
	if (!isNhnSuccess(answer, body)) throw nhnFailure(ctx, itemIndex, answer, body);
	const failed = firstFailedResult(body);
	if (failed) {
		const error = nhnFailure(ctx, itemIndex, answer, {
			header: { resultCode: failed.resultCode, resultMessage: `Partial failure: ${failed.resultMessage ?? 'a target failed'}` },
		});
		const stored = (body as IDataObject).attachmentId;
		if (typeof stored === 'string' && stored) {
			error.description = `${error.description ?? ''} The file was stored as attachment ${stored} for the file types that passed.`.trim();
		}
		throw error;
	}
	return body as IDataObject;
}

function tokenFailureOf(error: unknown): ApiFailure | undefined {
	const cause = (error as { cause?: unknown }).cause ?? error;
	if (cause instanceof UnsafeUrlError) return { provider: 'nhn', message: cause.message };
	if (!(cause instanceof NhnTokenError)) return undefined;
	return {
		provider: 'nhn',
		status: cause.httpStatus,
		code: cause.apiCode,
		message: cause.reason,
		hint: cause.hint ?? 'The access token could not be issued.',
	};
}

const NHN: ProviderSpec = {
	provider: 'nhn',
	credentialType: NHN_CREDENTIAL_TYPE,
	renewsOn401: true,
	authFailureOf: tokenFailureOf,
	authPending: () => nhnTokenCache.whenIdle(),
	secretsOf(credentials) {
		const id = String(credentials.userAccessKeyId ?? '');
		const secret = String(credentials.secretAccessKey ?? '');
		return [
			String(credentials.appKey ?? ''),
			secret,
			id && secret ? `${id}:${secret}` : '',
			String(credentials.accessToken ?? ''),
			String(credentials.issuedAccessToken ?? ''),
			...nhnTokenCache.issuedTokens(),
		];
	},
};

/** The answer as `map` reads it, after telling the token cache whether the token was accepted. */
function readingToken<T>(map: (answer: HttpAnswer) => T): (answer: HttpAnswer) => T {
	return (answer) => {
		if (answer.status !== 401) nhnTokenCache.tokensAccepted();
		return map(answer);
	};
}

/** One Notification Hub call, authorised by the credential: the parsed success body, or a NodeApiError. */
export async function nhnRequest(this: RequestContext, itemIndex: number, request: ApiRequest): Promise<IDataObject> {
	return await sendRequest(this, itemIndex, NHN, request, readingToken((answer) => nhnResult(this, itemIndex, answer)));
}

export interface ValidationVerdict extends IDataObject {
	valid: boolean;
	fileTypes: string[];
	results: Array<{ fileType: string | null; valid: boolean; code: string | null; message: string | null }>;
}

/** A refusal of the file itself (HTTP 400 family) is a verdict; auth, missing attachment or server errors are not. */
function isFileVerdict(answer: HttpAnswer, body: unknown): boolean {
	const code = String((body as { header?: { resultCode?: unknown } }).header?.resultCode ?? '');
	return answer.status === 400 || (answer.status >= 200 && answer.status < 300 && code.startsWith('400'));
}

/**
 * Reads a validation answer as data: valid or not, per file type, with the API's code and message. Throws
 * the usual API error when the answer is not about the file (401, 404202, 5xx, malformed).
 */
export function validationVerdict(
	ctx: ErrorContext,
	itemIndex: number,
	fileTypes: string[],
	answer: HttpAnswer,
	body: unknown = answer.body,
): ValidationVerdict {
	const isObject = body !== null && typeof body === 'object';
	const headerOk = isObject && isNhnSuccess(answer, body);
	if (!headerOk && !(isObject && isFileVerdict(answer, body))) throw nhnFailure(ctx, itemIndex, answer, body);

	const header = ((body as IDataObject).header ?? {}) as ResultEntry;
	const entries = Array.isArray((body as IDataObject).results) ? ((body as IDataObject).results as ResultEntry[]) : [];
	const results: ValidationVerdict['results'] = entries.map((entry, index) => ({
		fileType: fileTypes[index] ?? null,
		valid: entry?.isSuccessful === true,
		code: entry?.resultCode === undefined ? null : String(entry.resultCode),
		message: entry?.resultMessage ?? null,
	}));
	if (!headerOk && results.every((result) => result.valid)) {
		results.push({
			fileType: null,
			valid: false,
			code: header.resultCode === undefined ? null : String(header.resultCode),
			message: header.resultMessage ?? null,
		});
	}
	return { valid: headerOk && results.every((result) => result.valid), fileTypes, results };
}

/** With Fail on Invalid, an invalid verdict becomes an error naming the first failing file type. */
export function failIfInvalid(ctx: ErrorContext, itemIndex: number, verdict: ValidationVerdict, status: number): void {
	const failed = verdict.results.find((result) => !result.valid);
	if (verdict.valid || !failed) return;
	throw apiError(ctx, itemIndex, {
		provider: 'nhn',
		status,
		code: failed.code ?? undefined,
		message: `Validation failed${failed.fileType ? ` for ${failed.fileType}` : ''}: ${failed.message ?? 'invalid'}`,
	});
}

/**
 * A validation call, read as data: the service's refusal of the file is a verdict (`valid: false` with the codes),
 * while authentication, a missing attachment, throttling and server errors stay errors.
 */
export async function nhnValidation(
	this: RequestContext,
	itemIndex: number,
	request: ApiRequest,
	fileTypes: string[],
): Promise<{ verdict: ValidationVerdict; status: number }> {
	return await sendRequest(
		this,
		itemIndex,
		NHN,
		request,
		readingToken((answer) => ({ verdict: validationVerdict(this, itemIndex, fileTypes, answer), status: answer.status })),
	);
}
