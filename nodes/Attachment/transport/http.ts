import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { NhnTokenError } from '../../../credentials/nhn/token-request';
import { apiError } from './errors';
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

function transportFailureMessage(clientError: ClientError | undefined): string {
	const code = clientError?.code;
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return 'The request timed out';
	if (code === 'ECONNRESET') return 'The connection was reset before an answer arrived';
	if (code === 'ECONNREFUSED') return 'The connection was refused';
	return code ? `The request failed (${code})` : 'The request failed before an answer arrived';
}

/**
 * Sends one request through the credential (which signs or authorises it) and returns the answer whatever
 * its status, so that each provider maps its own error shapes. Only a transport failure throws here.
 * `renewOn401` lets n8n renew an expirable credential and resend once when the answer is 401.
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
		return { status: response.statusCode, body: response.body, headers: response.headers };
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
			return {
				status: clientError.response.status,
				body: clientError.response.data,
				headers: clientError.response.headers ?? {},
			};
		}
		throw apiError(ctx, itemIndex, { provider, message: transportFailureMessage(clientError) });
	}
}
