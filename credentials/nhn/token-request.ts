import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { scrubSecrets } from '../shared/secrets';

export interface UserAccessKey {
	userAccessKeyId: string;
	secretAccessKey: string;
}

export interface IssuedToken {
	accessToken: string;
	/** Epoch milliseconds. */
	expiresAt: number;
	/** Epoch milliseconds. */
	issuedAt: number;
}

/** The endpoint's own words as a sentence, so that a hint after it reads as a second one. */
function sentence(text: string): string {
	return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/**
 * Raised when the token endpoint does not issue a token; carries no secret. `reason` says what happened in the
 * user's terms without the status and code (which the node's error puts in front), `hint` what to do.
 */
export class NhnTokenError extends Error {
	constructor(
		readonly reason: string,
		readonly httpStatus?: number,
		readonly apiCode?: string,
		readonly hint?: string,
	) {
		const where = [httpStatus !== undefined ? `HTTP ${httpStatus}` : '', apiCode !== undefined ? `code ${apiCode}` : '']
			.filter(Boolean)
			.join(', ');
		super(`NHN Cloud token endpoint${where ? ` (${where})` : ''}: ${sentence(reason)}${hint ? ` ${hint}` : ''}`);
		this.name = 'NhnTokenError';
	}
}

export function basicAuthorization(key: UserAccessKey): string {
	return `Basic ${Buffer.from(`${key.userAccessKeyId}:${key.secretAccessKey}`, 'utf8').toString('base64')}`;
}

/** A token endpoint that does not answer within this is given up on (and tried again, see TOKEN_ATTEMPTS). */
export const TOKEN_TIMEOUT_MS = 10_000;

/** Attempts at a token: issuing one twice does no harm, so 429, 5xx, resets and timeouts are tried again. */
export const TOKEN_ATTEMPTS = 3;

/** Whether a failed token request is worth another attempt. */
export function isTokenRetryable(statusCode: number | undefined): boolean {
	return statusCode === undefined || statusCode === 429 || statusCode >= 500;
}

export function tokenRequestOptions(tokenUrl: string, key: UserAccessKey): IHttpRequestOptions {
	return {
		timeout: TOKEN_TIMEOUT_MS,
		method: 'POST',
		url: tokenUrl,
		headers: {
			Authorization: basicAuthorization(key),
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The Basic value must never reach another host: a redirect is an answer, not a new request.
		disableFollowRedirect: true,
	};
}

function parseBody(body: unknown): Record<string, unknown> {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as Record<string, unknown>;
		} catch {
			return {};
		}
	}
	return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** Turns the token endpoint's answer into a token, or a clear error that names the status and code. */
export function issuedTokenFrom(statusCode: number, body: unknown, nowMs: number): IssuedToken {
	const data = parseBody(body);
	const accessToken = data.access_token;
	if (statusCode >= 200 && statusCode < 300 && typeof accessToken === 'string' && accessToken) {
		const lifetimeSeconds = Number(data.expires_in);
		const lifetimeMs = Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0 ? lifetimeSeconds * 1000 : 86_400_000;
		return { accessToken, expiresAt: nowMs + lifetimeMs, issuedAt: nowMs };
	}
	if (statusCode >= 300 && statusCode < 400) {
		throw new NhnTokenError(
			'the token endpoint answered with a redirect, which is not followed: the User Access Key is never sent to another host',
			statusCode,
			undefined,
			'Check the token URL.',
		);
	}
	const header = data.header as Record<string, unknown> | undefined;
	const code = data.error ?? header?.resultCode;
	const message = data.error_description ?? data.message ?? header?.resultMessage;
	const reason =
		message !== undefined
			? String(message)
			: statusCode >= 200 && statusCode < 300
				? 'the answer carried no access_token'
				: 'no token was issued';
	const hint = statusCode === 401 ? 'Check the User Access Key ID, Secret Access Key and token URL.' : undefined;
	throw new NhnTokenError(reason, statusCode, code === undefined ? undefined : String(code), hint);
}

function scrubbedTokenError(error: NhnTokenError, key: UserAccessKey): NhnTokenError {
	const secrets = [key.secretAccessKey, `${key.userAccessKeyId}:${key.secretAccessKey}`, basicAuthorization(key)];
	return new NhnTokenError(scrubSecrets(error.reason, secrets), error.httpStatus, error.apiCode, error.hint);
}

/**
 * Issues a token from the User Access Key, trying again after 429, 5xx, a reset or a timeout (issuing twice does no
 * harm). What the endpoint says is scrubbed of the key before it reaches an error: an endpoint may echo the request.
 */
export async function issueToken(helper: IHttpRequestHelper, tokenUrl: string, key: UserAccessKey): Promise<IssuedToken> {
	for (let attempt = 1; ; attempt++) {
		let failure: NhnTokenError;
		try {
			const response = (await helper.helpers.httpRequest(tokenRequestOptions(tokenUrl, key))) as {
				statusCode: number;
				body: unknown;
			};
			return issuedTokenFrom(response.statusCode, response.body, Date.now());
		} catch (error) {
			// The client's own error carries the request, Basic authorization header included: keep only its code.
			failure =
				error instanceof NhnTokenError
					? scrubbedTokenError(error, key)
					: new NhnTokenError(`the token endpoint could not be reached (${String((error as { code?: string }).code ?? 'no answer')})`);
		}
		if (attempt >= TOKEN_ATTEMPTS || !isTokenRetryable(failure.httpStatus)) throw failure;
		await sleep(500 * attempt);
	}
}
