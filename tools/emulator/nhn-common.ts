/*
 * NHN Cloud Notification Hub response conventions.
 *
 * Every answer is JSON with `header: {isSuccessful, resultCode, resultMessage}`; resultCode 0 is success and a
 * failure's code has six digits whose first three are the HTTP status. The documented codes are used where
 * the docs name one (400001, 400002, 400200, 400457, 400460, 400611, 400612, 400613, 404202); the others are the emulator's
 * own choice, kept in the same six-digit form. With the request header `X-NC-ALWAYS-200-OK: true` a failure
 * comes with HTTP 200 and the same body.
 */
import type { RequestContext } from './context';
import { drain, headerValue, isJsonRequest, readJson, sendJson } from './http-utils';

export const NHN_CODES = {
	SUCCESS: 0,
	/** Documented for malformed send requests: bad address pattern, empty title or body, missing recipients. */
	INVALID_REQUEST: 400001,
	/** Documented for send rules: no recipients, too many, AUTH with attachments, ad subject, attachment size. */
	SEND_RULE_BROKEN: 400002,
	/** Emulator's choice for the attachment endpoints: a query or body value is missing or invalid. */
	INVALID_PARAMETER: 400100,
	UPLOAD_ERROR: 400200,
	MULTIPART_PART_MISSING: 400457,
	JSON_ONLY: 400460,
	SIZE_OVER_LIMIT: 400612,
	/** Documented "Invalid media type"; the emulator's choice for an attachment without an EMAIL_* file type. */
	INVALID_MEDIA_TYPE: 400611,
	INVALID_MEDIA_FORMAT: 400613,
	/** Emulator's choice for the header checks (401xxx, 403xxx). */
	APP_KEY_MISSING: 401100,
	TOKEN_MISSING: 401200,
	TOKEN_INVALID: 401201,
	TOKEN_EXPIRED: 401202,
	APP_KEY_UNKNOWN: 403100,
	NOT_FOUND: 404000,
	ATTACHMENT_NOT_FOUND: 404202,
	METHOD_NOT_ALLOWED: 405000,
	INTERNAL_ERROR: 500000,
} as const;

export interface NhnResult {
	isSuccessful: boolean;
	resultCode: number;
	resultMessage: string;
}

export const nhnResult = (resultCode: number, resultMessage: string): NhnResult => ({
	isSuccessful: resultCode === 0,
	resultCode,
	resultMessage,
});

export const NHN_SUCCESS = (): NhnResult => nhnResult(0, 'SUCCESS');

export const httpStatusOf = (resultCode: number): number => (resultCode === 0 ? 200 : Math.floor(resultCode / 1000));

const wantsAlways200 = (ctx: RequestContext): boolean =>
	(headerValue(ctx.req, 'x-nc-always-200-ok') ?? '').trim().toLowerCase() === 'true';

/** Sends `{header, ...extra}` with the HTTP status the header's code implies (200 if asked to always be). */
export function sendNhn(ctx: RequestContext, header: NhnResult, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
	const status = header.isSuccessful || wantsAlways200(ctx) ? 200 : httpStatusOf(header.resultCode);
	sendJson(ctx.res, status, { header, ...extra }, headers);
}

export const nhnFail = (ctx: RequestContext, code: number, message: string, extra: Record<string, unknown> = {}): void =>
	sendNhn(ctx, nhnResult(code, message), extra);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a JSON body for a JSON-only endpoint; on failure answers (400460 or 400100) and returns undefined. */
export async function readNhnJson(ctx: RequestContext): Promise<Record<string, unknown> | undefined> {
	if (!isJsonRequest(ctx.req)) {
		await drain(ctx.req);
		nhnFail(ctx, NHN_CODES.JSON_ONLY, 'This endpoint accepts only application/json');
		return undefined;
	}
	const parsed = await readJson(ctx.req, 10 * 1024 * 1024);
	if (parsed.ok && isRecord(parsed.value)) return parsed.value;
	nhnFail(ctx, NHN_CODES.INVALID_PARAMETER, parsed.ok ? 'Request body must be a JSON object' : parsed.problem);
	return undefined;
}

/** X-NC-APP-KEY then X-NHN-Authorization: Bearer; returns the failure to answer with, if any. */
export function checkNhnAuth(ctx: RequestContext): NhnResult | undefined {
	const appKey = headerValue(ctx.req, 'x-nc-app-key');
	if (!appKey) return nhnResult(NHN_CODES.APP_KEY_MISSING, 'X-NC-APP-KEY header is required');
	if (appKey !== ctx.state.nhnKeys.appKey) return nhnResult(NHN_CODES.APP_KEY_UNKNOWN, 'Unknown appKey');
	const authorization = headerValue(ctx.req, 'x-nhn-authorization') ?? '';
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
	if (!match) return nhnResult(NHN_CODES.TOKEN_MISSING, 'X-NHN-Authorization: Bearer {accessToken} header is required');
	const expiresAtMs = ctx.state.nhn.tokens.get(match[1]);
	if (expiresAtMs === undefined) return nhnResult(NHN_CODES.TOKEN_INVALID, 'Invalid access token');
	if (expiresAtMs <= ctx.state.clock.now()) return nhnResult(NHN_CODES.TOKEN_EXPIRED, 'Access token expired');
	return undefined;
}

/** A JSON `fileTypes` value: an array of known file type names. Returns an error message otherwise. */
export function fileTypesError(value: unknown, isFileType: (name: string) => boolean): string | undefined {
	if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return 'fileTypes must be an array of strings';
	const unknown = value.filter((item) => !isFileType(item));
	return unknown.length > 0 ? `Unknown fileTypes: ${unknown.join(', ')}` : undefined;
}
