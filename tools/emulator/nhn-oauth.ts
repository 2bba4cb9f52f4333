/*
 * NHN Cloud OAuth token endpoint, served at /nhn-oauth/oauth2/token/create.
 * Errors use the OAuth 2.0 shape (RFC 6749 section 5.2): {"error":"invalid_client","error_description":"..."};
 * 401 for bad client credentials, 400 for a bad request or grant type, 405 for a method other than POST.
 */
import type { RequestContext } from './context';
import { drain, headerValue, mediaType, readBody, sendJson } from './http-utils';
import { opaqueToken } from './ids';

export const NHN_OAUTH_PREFIX = '/nhn-oauth';
export const NHN_TOKEN_PATH = `${NHN_OAUTH_PREFIX}/oauth2/token/create`;
export const MAX_TOKEN_LIFETIME_SECONDS = 86400;

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function oauthError(ctx: RequestContext, status: number, error: string, description: string, headers: Record<string, string> = {}) {
	sendJson(ctx.res, status, { error, error_description: description }, { ...NO_STORE, ...headers });
}

function basicCredentials(ctx: RequestContext): { id: string; secret: string } | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headerValue(ctx.req, 'authorization') ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export async function handleNhnOauth(ctx: RequestContext): Promise<void> {
	if (ctx.pathname !== NHN_TOKEN_PATH) {
		await drain(ctx.req);
		return oauthError(ctx, 404, 'not_found', `No endpoint at ${ctx.pathname}`);
	}
	ctx.state.nhn.tokenRequests += 1;
	if (ctx.method !== 'POST') {
		await drain(ctx.req);
		return oauthError(ctx, 405, 'invalid_request', 'Use POST', { Allow: 'POST' });
	}
	if (mediaType(ctx.req) !== 'application/x-www-form-urlencoded') {
		await drain(ctx.req);
		return oauthError(ctx, 400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
	}
	const raw = await readBody(ctx.req, 64 * 1024);
	if (!raw) return oauthError(ctx, 400, 'invalid_request', 'Request body too large');
	const body = new URLSearchParams(raw.toString('utf8'));
	const client = basicCredentials(ctx);
	const keys = ctx.state.nhnKeys;
	if (!client || client.id !== keys.userAccessKeyId || client.secret !== keys.secretAccessKey) {
		return oauthError(ctx, 401, 'invalid_client', 'Client authentication failed (Authorization: Basic base64(userAccessKeyId:secretAccessKey))', {
			'WWW-Authenticate': 'Basic realm="oauth"',
		});
	}
	const grantType = body.get('grant_type');
	if (!grantType) return oauthError(ctx, 400, 'invalid_request', 'grant_type is required');
	if (grantType !== 'client_credentials') {
		return oauthError(ctx, 400, 'unsupported_grant_type', `Unsupported grant_type "${grantType}"; use client_credentials`);
	}
	const lifetime = ctx.state.tokenLifetimeSeconds;
	const token = opaqueToken();
	ctx.state.nhn.tokens.set(token, ctx.state.clock.now() + lifetime * 1000);
	ctx.state.nhn.tokensIssued += 1;
	sendJson(ctx.res, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetime }, NO_STORE);
}
