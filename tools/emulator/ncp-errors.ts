/*
 * The two error shapes NAVER Cloud answers with (JSON, `Content-Type: application/json;charset=UTF-8`):
 * - API Gateway errors put the gateway's code in `error.errorCode`: {"error":{"errorCode":"200",
 *   "message":"Authentication Failed","details":"..."}} (NCP API guide, "Error handling", api-call-lgc-errorhandling).
 * - Outbound Mailer service errors (77xxx) put theirs in `error.code`: {"error":{"code":"77102","message":"...",
 *   "details":"..."}}, as the service's generated SDK models it (ErrorResponseError: `code` = 77001..77303,
 *   `errorCode` = "API Gateway Error Code", `message`) and as real clients read it. `details` is the
 *   emulator's addition (it names the field at fault); clients must not need it.
 * The HTTP status follows the documented code: 77101-77103 → 400, 77201/77202 → 403, 77001 → 405,
 * 77002 → 415, 77301-77303 → 500.
 */
import type { RequestContext } from './context';
import { sendJson } from './http-utils';

const SERVICE_ERRORS: Record<string, [number, string]> = {
	'77001': [405, 'Unsupported method type'],
	'77002': [415, 'Unsupported media type'],
	'77102': [400, 'Request error'],
	'77103': [400, 'Requested resource does not exist'],
	'77303': [500, 'Other internal server error'],
};

export const ncpServiceErrorBody = (code: string, details: string) => ({
	error: { code, message: (SERVICE_ERRORS[code] ?? [500, 'Other internal server error'])[1], details },
});

export function ncpServiceError(ctx: RequestContext, code: string, details: string, headers: Record<string, string> = {}): void {
	const [status] = SERVICE_ERRORS[code] ?? [500];
	sendJson(ctx.res, status, ncpServiceErrorBody(code, details), headers);
}

export const ncpGatewayError = (ctx: RequestContext, status: number, errorCode: string, message: string, details: string): void =>
	sendJson(ctx.res, status, { error: { errorCode, message, details } });
