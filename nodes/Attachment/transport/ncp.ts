import type { IDataObject } from 'n8n-workflow';

import { NCP_CLOCK_HINT } from '../../../credentials/ncp/signature';
import { UnsafeUrlError } from '../../../credentials/shared/safe-url';
import { apiError, errorFieldsOf, jsonBodyOf, type ErrorContext } from './errors';
import { sendRequest, type ApiRequest, type HttpAnswer, type ProviderSpec, type RequestContext } from './request';

export const NCP_CREDENTIAL_TYPE = 'ncpOutboundMailerApi';


function hintFor(status: number, code: string | undefined): string | undefined {
	if (status === 401) return NCP_CLOCK_HINT;
	if (code === '77202') return 'This account has not subscribed to Cloud Outbound Mailer.';
	if (code === '77103') return 'The temporary file does not exist, or was deleted or has expired.';
	if (status === 429) return 'The API gateway is throttling requests; try again later or lower the concurrency.';
	return undefined;
}

/** Maps an answer to its body or to a NodeApiError, for NAVER Cloud's gateway and service error shapes. */
export function ncpResult(ctx: ErrorContext, itemIndex: number, answer: HttpAnswer): IDataObject {
	const body = jsonBodyOf(answer.body);
	const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
	if (answer.status >= 200 && answer.status < 300) {
		if (isObject) return body as IDataObject;
		throw apiError(ctx, itemIndex, {
			provider: 'ncp',
			status: answer.status,
			message: 'The answer is not the JSON object the API documents',
		});
	}
	const fields = isObject ? errorFieldsOf(body) : {};
	// NAVER's API gateway puts its own codes ("200" Authentication Failed) in error.errorCode; the service's are 77xxx.
	const gatewayCode = fields.code !== undefined && !/^77\d{3}$/.test(fields.code);
	const message = [fields.message, fields.details].filter(Boolean).join(' - ');
	throw apiError(ctx, itemIndex, {
		provider: 'ncp',
		status: answer.status,
		code: fields.code,
		codeLabel: gatewayCode ? 'API gateway code' : undefined,
		message: message || (isObject ? 'The request failed' : 'The request failed with a non-JSON answer'),
		hint: hintFor(answer.status, fields.code),
		attempts: answer.attempts,
		notRetriedWrite: answer.notRetriedWrite,
	});
}

const NCP: ProviderSpec = {
	provider: 'ncp',
	credentialType: NCP_CREDENTIAL_TYPE,
	// A signature is never "renewed": a 401 is final.
	renewsOn401: false,
	authFailureOf(error) {
		const cause = (error as { cause?: unknown }).cause ?? error;
		return cause instanceof UnsafeUrlError ? { provider: 'ncp', message: cause.message } : undefined;
	},
	secretsOf: (credentials) => [String(credentials.secretKey ?? '')],
};

/** One Cloud Outbound Mailer call, signed by the credential: the parsed success body, or a NodeApiError. */
export async function ncpRequest(this: RequestContext, itemIndex: number, request: ApiRequest): Promise<IDataObject> {
	return await sendRequest(this, itemIndex, NCP, request, (answer) => ncpResult(this, itemIndex, answer));
}
