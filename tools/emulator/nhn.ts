/*
 * NHN Cloud Notification Hub API, served under /nhn. The path is resolved first (404000), then the headers
 * (X-NC-APP-KEY, X-NHN-Authorization), then the method (405000).
 */
import { matchRoute, type RequestContext } from './context';
import { decodeSegment, drain, pathSegments } from './http-utils';
import { ATTACHMENT_ROUTES } from './nhn-attachments';
import { checkNhnAuth, NHN_CODES, nhnFail, sendNhn, nhnResult } from './nhn-common';
import { MESSAGE_ROUTES } from './nhn-messages';

export const NHN_PREFIX = '/nhn';

const ROUTES = [...ATTACHMENT_ROUTES, ...MESSAGE_ROUTES];

export async function handleNhn(ctx: RequestContext): Promise<void> {
	const segments = pathSegments(ctx.pathname, NHN_PREFIX) ?? [];
	const match = matchRoute(ROUTES, segments, ctx.method, decodeSegment);
	if (match.kind === 'no-path') {
		await drain(ctx.req);
		return nhnFail(ctx, NHN_CODES.NOT_FOUND, `No resource at ${ctx.pathname}`);
	}
	const authFailure = checkNhnAuth(ctx);
	if (authFailure) {
		await drain(ctx.req);
		return sendNhn(ctx, authFailure);
	}
	if (match.kind === 'no-method') {
		await drain(ctx.req);
		const allow = Object.keys(match.route.methods).join(', ');
		return sendNhn(ctx, nhnResult(NHN_CODES.METHOD_NOT_ALLOWED, `Method ${ctx.method} is not supported here`), {}, { Allow: allow });
	}
	await match.route.methods[ctx.method](ctx, match.params);
}
