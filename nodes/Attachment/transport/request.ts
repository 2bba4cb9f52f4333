import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { scrubSecrets } from '../../../credentials/shared/secrets';
import { requestPolicy, type RequestPolicy } from '../helpers/parameters';
import { readBounded, rejectOnAbort, TransferAbortedError, transferSignals, type TransferSignals } from './bounded-body';
import { apiError, jsonBodyOf, type ApiFailure, type ProviderId } from './errors';
import { MultipartForm } from './multipart';
import { requestRateGate } from './rate-gate';
import { backoffMs, DEFAULT_RETRY, isRetryable, retryAfterMs } from './retry';

/** Where requests are made from: an execution, or the editor loading a list of options. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

/** One API call, described independently of how a provider authenticates or reports errors. */
export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Relative to the credential's base URL; path segments already encoded with `pathOf`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | FormData;
	/** Safe to repeat even if a first attempt may have been applied; GET requests always are. */
	idempotent?: boolean;
}

/** What came back over HTTP, whatever the status, with the body read (bounded) and parsed when it is JSON. */
export interface HttpAnswer {
	status: number;
	body: unknown;
	headers: IDataObject;
	/** How many attempts it took (1 without retries). */
	attempts?: number;
	/** The failure would have been retried had the request been safe to repeat: it may have been applied. */
	notRetriedWrite?: boolean;
}

/** What the shared sender needs to know of a provider. */
export interface ProviderSpec {
	provider: ProviderId;
	credentialType: string;
	/** Whether a 401 means "renew the credential's token and send once more" (NHN) or is final (NCP's signature). */
	renewsOn401: boolean;
	/** Turns an error thrown while authenticating (a token that could not be issued) into an API failure. */
	authFailureOf(error: unknown): ApiFailure | undefined;
	/** The values of the credential that must never appear in an error. */
	secretsOf(credentials: IDataObject): string[];
	/** While the credential issues a token (with its own timeout), the request's deadline waits: undefined when idle. */
	authPending?(): Promise<unknown> | undefined;
}

/** The most an API answer may weigh: a full page of 1,000 attachments is well under 1 MiB. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** The editor's option lists have no Options collection: they get this deadline and the default retries. */
const LOAD_OPTIONS_POLICY: RequestPolicy = { timeoutMs: 30_000 };

function policyOf(ctx: RequestContext, itemIndex: number): RequestPolicy {
	return 'getInputData' in ctx ? requestPolicy(ctx, itemIndex) : LOAD_OPTIONS_POLICY;
}

interface ClientError {
	code?: string;
	message?: string;
	httpCode?: string | null;
	response?: { status: number; data: unknown; headers?: IDataObject };
	context?: { data?: unknown };
	cause?: ClientError;
}

function transportFailureMessage(code: string | undefined): string {
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return 'The request timed out';
	if (code === 'ECANCELED') return 'The execution was stopped before an answer arrived';
	if (code === 'ECONNRESET') return 'The connection was reset before an answer arrived';
	if (code === 'ECONNREFUSED') return 'The connection was refused';
	return code ? `The request failed (${code})` : 'The request failed before an answer arrived';
}

/** The HTTP answer inside a thrown error: n8n 2.x keeps the client's error as `cause`, 1.x keeps status and body. */
function thrownAnswerOf(error: ClientError): { status: number; data: unknown; headers: IDataObject } | undefined {
	const client = error.cause?.response ? error.cause : error;
	if (client.response) return { status: client.response.status, data: client.response.data, headers: client.response.headers ?? {} };
	const status = Number(error.httpCode);
	if (Number.isInteger(status) && status >= 100 && status < 600) return { status, data: error.context?.data, headers: {} };
	return undefined;
}

type Attempt = { answer: HttpAnswer; renewedByN8n: boolean } | { transportCode: string | undefined };

function signalsFor(ctx: RequestContext, spec: ProviderSpec, policy: RequestPolicy): TransferSignals {
	const cancel = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	return transferSignals(cancel, policy.timeoutMs, spec.authPending);
}

async function bodyOf(data: unknown, signals: TransferSignals): Promise<unknown> {
	if (data !== null && typeof data === 'object' && !Buffer.isBuffer(data) && !(Symbol.asyncIterator in data)) return data;
	const bytes = await readBounded(data, MAX_ANSWER_BYTES, signals.either, signals.abortError);
	if (bytes.length === 0) return undefined;
	const text = bytes.toString('utf8');
	return jsonBodyOf(text) ?? text;
}

/**
 * One attempt. Redirects are never followed (a 3xx comes back as an answer); every status is accepted except 401
 * when the provider renews on it, so that n8n (2.x) renews the token and resends once. n8n 1.x accepts every
 * status whatever is asked: a 401 it let through is sent once more with 401 refused, which makes it renew too.
 */
async function attemptOnce(
	ctx: RequestContext,
	itemIndex: number,
	spec: ProviderSpec,
	request: ApiRequest,
	policy: RequestPolicy,
	renewalAsked: boolean,
): Promise<Attempt> {
	await requestRateGate.enter(`${spec.credentialType}:${ctx.getNode().credentials?.[spec.credentialType]?.id ?? ''}`);
	const signals = signalsFor(ctx, spec, policy);
	if (request.body instanceof MultipartForm) request.body.abortOn(signals.either);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.qs,
		body: request.body,
		json: true,
		encoding: 'stream',
		returnFullResponse: true,
		disableFollowRedirect: true,
		ignoreHttpStatusErrors: renewalAsked ? false : spec.renewsOn401 ? { ignore: true, except: [401] } : true,
		timeout: policy.timeoutMs,
	};
	const abort = rejectOnAbort(signals.either, signals.abortError);
	try {
		const sent = ctx.helpers.httpRequestWithAuthentication.call(ctx, spec.credentialType, options);
		sent.catch(() => {});
		const response = (await Promise.race([sent, abort.promise])) as IN8nHttpFullResponse;
		const body = await bodyOf(response.body, signals);
		return { answer: { status: response.statusCode, body, headers: response.headers }, renewedByN8n: false };
	} catch (error) {
		if (error instanceof TransferAbortedError) return { transportCode: error.code };
		const formFailure = request.body instanceof MultipartForm ? request.body.failure : undefined;
		if (formFailure) throw new NodeOperationError(ctx.getNode(), `${formFailure.message} (item ${itemIndex})`, { itemIndex });
		const authFailure = spec.authFailureOf(error);
		if (authFailure) throw apiError(ctx, itemIndex, authFailure);
		const thrown = thrownAnswerOf(error as ClientError);
		if (thrown) {
			const body = await bodyOf(thrown.data, signals);
			return { answer: { status: thrown.status, body, headers: thrown.headers }, renewedByN8n: thrown.status === 401 };
		}
		const client = (error as ClientError).cause ?? (error as ClientError);
		return { transportCode: client.code };
	} finally {
		abort.dispose();
		signals.finish();
	}
}

function failureOf(attempt: Attempt): { status?: number; code?: string; retryAfter?: string } | undefined {
	if ('transportCode' in attempt) return { code: attempt.transportCode };
	if (attempt.answer.status < 400) return undefined;
	const retryAfter = attempt.answer.headers['retry-after'];
	return { status: attempt.answer.status, retryAfter: retryAfter === undefined ? undefined : String(retryAfter) };
}

/** A redirect is never followed with a credential: it is a failure naming the host it pointed at. */
function redirectFailure(spec: ProviderSpec, answer: HttpAnswer): ApiFailure | undefined {
	if (answer.status < 300 || answer.status >= 400) return undefined;
	const location = String(answer.headers.location ?? '');
	// A relative Location stays on the same host; an absolute one is named by its host (never by its path or query).
	let target = location ? 'another path on the same host' : 'another location';
	if (URL.canParse(location)) target = new URL(location).host || 'another location';
	return {
		provider: spec.provider,
		status: answer.status,
		message: `The service redirected the request to ${target}`,
		hint: 'Requests made with a credential never follow redirects, so nothing was sent there. Check the base URL.',
	};
}

async function exchange(ctx: RequestContext, itemIndex: number, spec: ProviderSpec, request: ApiRequest, policy: RequestPolicy) {
	let attempt = await attemptOnce(ctx, itemIndex, spec, request, policy, false);
	if (spec.renewsOn401 && 'answer' in attempt && attempt.answer.status === 401 && !attempt.renewedByN8n) {
		attempt = await attemptOnce(ctx, itemIndex, spec, request, policy, true);
	}
	return attempt;
}

/**
 * Sends one request through the credential (which signs or authorises it) and returns the answer whatever its
 * status, so that each provider maps its own error shapes; transport failures, redirects and failures to
 * authenticate throw here. Retries follow `retry.ts`; the deadline covers each attempt's whole exchange.
 */
async function sendOnce(ctx: RequestContext, itemIndex: number, spec: ProviderSpec, request: ApiRequest): Promise<HttpAnswer> {
	const policy = policyOf(ctx, itemIndex);
	const retry = policy.retry ?? DEFAULT_RETRY;
	const idempotent = request.idempotent ?? request.method === 'GET';
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		const outcome = await exchange(ctx, itemIndex, spec, request, policy);
		const failure = failureOf(outcome);
		let delayMs: number | undefined;
		if (failure && failure.code !== 'ECANCELED' && attempt < retry.maxAttempts && isRetryable(failure, idempotent)) {
			delayMs = backoffMs(attempt, retryAfterMs(failure.retryAfter, Date.now()), Math.random());
			if (waitedMs + delayMs > retry.maxWaitMs) delayMs = undefined;
		}
		if (delayMs === undefined) {
			const notRetriedWrite = !!failure && !idempotent && isRetryable(failure, true) && !isRetryable(failure, false);
			if ('transportCode' in outcome) {
				const message = transportFailureMessage(outcome.transportCode);
				throw apiError(ctx, itemIndex, { provider: spec.provider, message, attempts: attempt, notRetriedWrite });
			}
			const redirect = redirectFailure(spec, outcome.answer);
			if (redirect) throw apiError(ctx, itemIndex, redirect);
			return { ...outcome.answer, attempts: attempt, notRetriedWrite };
		}
		await sleep(delayMs);
		waitedMs += delayMs;
	}
}

/** Removes every secret of the credential from an error's text: a server may echo the request. */
async function scrubbed(ctx: RequestContext, spec: ProviderSpec, error: NodeApiError): Promise<NodeApiError> {
	let secrets: string[] = [];
	try {
		secrets = spec.secretsOf((await ctx.getCredentials(spec.credentialType)) as IDataObject);
	} catch {
		// Without the credential there is nothing of it to find.
	}
	const scrub = (text: string) => scrubSecrets(text, secrets);
	error.message = scrub(error.message);
	if (error.description) error.description = scrub(error.description);
	// n8n saves the error response and the context with the run: the server's text is there too.
	const response = error.errorResponse as Record<string, unknown> | undefined;
	if (response) for (const [key, value] of Object.entries(response)) if (typeof value === 'string') response[key] = scrub(value);
	for (const [key, value] of Object.entries(error.context)) if (typeof value === 'string') error.context[key] = scrub(value);
	return error;
}

/**
 * The provider transports' common path: send, then let `mapAnswer` turn the answer into a result or a
 * NodeApiError; every error that leaves is built by `apiError` and scrubbed of the credential's secrets.
 */
export async function sendRequest<T>(
	ctx: RequestContext,
	itemIndex: number,
	spec: ProviderSpec,
	request: ApiRequest,
	mapAnswer: (answer: HttpAnswer) => T,
): Promise<T> {
	try {
		return mapAnswer(await sendOnce(ctx, itemIndex, spec, request));
	} catch (error) {
		throw error instanceof NodeApiError
			? await scrubbed(ctx, spec, error)
			: error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
}
