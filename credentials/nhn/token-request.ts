import type { IHttpRequestOptions } from 'n8n-workflow';

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

/** Raised when the token endpoint does not issue a token; carries no secret. */
export class NhnTokenError extends Error {
	constructor(
		message: string,
		readonly httpStatus?: number,
		readonly apiCode?: string,
	) {
		super(message);
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
	const code = data.error ?? (data.header as Record<string, unknown> | undefined)?.resultCode;
	const message =
		data.error_description ?? data.message ?? (data.header as Record<string, unknown> | undefined)?.resultMessage;
	const hint =
		statusCode === 401
			? ' Check the User Access Key ID and Secret Access Key.'
			: statusCode >= 200 && statusCode < 300
				? ' The answer carried no access_token.'
				: '';
	throw new NhnTokenError(
		`NHN Cloud token endpoint answered HTTP ${statusCode}${code !== undefined ? `, code ${String(code)}` : ''}` +
			`${message !== undefined ? `: ${String(message)}` : ''}.${hint}`,
		statusCode,
		code === undefined ? undefined : String(code),
	);
}
