import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { NhnTokenError } from '../../../credentials/nhn/token-request';
import { apiError } from './errors';
import { backoffMs, DEFAULT_RETRY, isRetryable, retryAfterMs, type AttemptFailure } from './retry';
import type { ApiRequest, HttpAnswer, ProviderId, RequestContext, RequestPolicy } from './types';

interface ClientError {
	code?: string;
	message?: string;
	response?: { status: number; data: unknown; headers?: IDataObject };
	cause?: ClientError;
}

/** The HTTP client's error under n8n's NodeApiError wrapper, if any. */
function clientErrorOf(error: unknown): ClientError | undefined {
	const wrapped = error as ClientError;
	return wrapped?.cause ?? wrapped;
}

function transportFailureMessage(code: string | undefined): string {
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return 'The request timed out';
	if (code === 'ECONNRESET') return 'The connection was reset before an answer arrived';
	if (code === 'ECONNREFUSED') return 'The connection was refused';
	return code ? `The request failed (${code})` : 'The request failed before an answer arrived';
}

type Attempt = { answer: HttpAnswer } | { transportCode: string | undefined };

async function attemptOnce(
	ctx: RequestContext,
	provider: ProviderId,
	credentialType: string,
	request: ApiRequest,
	itemIndex: number,
	policy: RequestPolicy,
	renewOn401: boolean,
): Promise<Attempt> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: renewOn401 ? { ignore: true, except: [401] } : true,
		timeout: policy.timeoutMs,
	};
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			credentialType,
			options,
		)) as IN8nHttpFullResponse;
		return { answer: { status: response.statusCode, body: response.body, headers: response.headers } };
	} catch (error) {
		const clientError = clientErrorOf(error);
		if (clientError instanceof NhnTokenError) {
			throw apiError(ctx, itemIndex, {
				provider,
				status: clientError.httpStatus,
				code: clientError.apiCode,
				message: clientError.message,
				hint: 'The access token could not be issued. Check the User Access Key ID, Secret Access Key and token endpoint.',
			});
		}
		if (clientError?.response) {
			const { status, data, headers } = clientError.response;
			return { answer: { status, body: data, headers: headers ?? {} } };
		}
		return { transportCode: clientError?.code };
	}
}

function failureOf(attempt: Attempt): AttemptFailure | undefined {
	if ('transportCode' in attempt) return { code: attempt.transportCode };
	if (attempt.answer.status < 400) return undefined;
	const retryAfter = attempt.answer.headers['retry-after'];
	return { status: attempt.answer.status, retryAfter: retryAfter === undefined ? undefined : String(retryAfter) };
}

/**
 * Sends one request through the credential (which signs or authorises it) and returns the answer whatever its
 * status, so that each provider maps its own error shapes; only a transport failure throws here. Retries follow
 * `retry.ts`. `renewOn401` lets n8n renew an expirable credential and resend once when the answer is 401.
 */
export async function sendWithCredential(
	ctx: RequestContext,
	provider: ProviderId,
	credentialType: string,
	request: ApiRequest,
	itemIndex: number,
	policy: RequestPolicy,
	renewOn401: boolean,
): Promise<HttpAnswer> {
	const retry = policy.retry ?? DEFAULT_RETRY;
	const idempotent = request.idempotent ?? request.method === 'GET';
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		const outcome = await attemptOnce(ctx, provider, credentialType, request, itemIndex, policy, renewOn401);
		const failure = failureOf(outcome);
		let delayMs: number | undefined;
		if (failure && attempt < retry.maxAttempts && isRetryable(failure, idempotent)) {
			delayMs = backoffMs(attempt, retryAfterMs(failure.retryAfter, Date.now()), Math.random());
			if (waitedMs + delayMs > retry.maxWaitMs) delayMs = undefined;
		}
		if (delayMs === undefined) {
			const notRetriedWrite = !!failure && !idempotent && isRetryable(failure, true) && !isRetryable(failure, false);
			if ('answer' in outcome) return { ...outcome.answer, attempts: attempt, notRetriedWrite };
			throw apiError(ctx, itemIndex, {
				provider,
				message: transportFailureMessage(outcome.transportCode),
				attempts: attempt,
				notRetriedWrite,
			});
		}
		await sleep(delayMs);
		waitedMs += delayMs;
	}
}
