import type { IDataObject } from 'n8n-workflow';

import { apiError, errorFieldsOf, jsonBodyOf } from './errors';
import { sendWithCredential } from './http';
import type { ApiRequest, HttpAnswer, ProviderTransport, RequestContext, RequestPolicy } from './types';

export const NHN_CREDENTIAL_TYPE = 'nhnCloudNotificationHubApi';

export const NHN_API_PREFIX = '/attachment/v1.0';

const HINTS: Record<string, string> = {
	'401': 'The app key or access token was refused. A token issued from a User Access Key is renewed automatically; a fixed access token must be replaced when it expires.',
	'429': 'NHN Cloud allows 300 requests per second; lower the concurrency or try again later.',
	'404202': 'The attachment does not exist or has expired: attachments are kept for 7 days.',
	'400612': 'The file is over the size limit of one of the requested file types.',
	'400613': 'The file format is not accepted for one of the requested file types.',
};

/** A header failure (`isSuccessful: false`) is a failure whatever the HTTP status, X-NC-ALWAYS-200-OK included. */
export function isNhnSuccess(answer: HttpAnswer, body: unknown): boolean {
	const header = (body as { header?: { isSuccessful?: unknown } } | undefined)?.header;
	return answer.status >= 200 && answer.status < 300 && header?.isSuccessful === true;
}

export function nhnFailure(ctx: RequestContext, itemIndex: number, answer: HttpAnswer, body: unknown) {
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

/** Sends and returns the raw answer with its parsed body, for operations that read failures as data. */
export async function nhnExchange(
	ctx: RequestContext,
	request: ApiRequest,
	itemIndex: number,
	policy: RequestPolicy,
): Promise<{ answer: HttpAnswer; body: unknown }> {
	const answer = await sendWithCredential(ctx, 'nhn', NHN_CREDENTIAL_TYPE, request, itemIndex, policy, true);
	return { answer, body: jsonBodyOf(answer.body) };
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

export const nhnTransport: ProviderTransport = {
	provider: 'nhn',
	credentialType: NHN_CREDENTIAL_TYPE,
	async call(ctx: RequestContext, request: ApiRequest, itemIndex: number, policy: RequestPolicy) {
		const { answer, body } = await nhnExchange(ctx, request, itemIndex, policy);
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
	},
};
