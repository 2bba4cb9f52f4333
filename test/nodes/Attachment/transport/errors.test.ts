import type { NodeApiError } from 'n8n-workflow';

import { ncpResult } from '../../../../nodes/Attachment/transport/ncp';
import { firstFailedResult, isNhnSuccess, nhnFailure } from '../../../../nodes/Attachment/transport/nhn';
import { errorContext } from '../fake-context';

function thrown(run: () => unknown): NodeApiError {
	try {
		run();
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected an error');
}

describe('NCP error shapes, as NAVER documents them', () => {
	it('reads a service error from error.code and names it as the service\'s code', () => {
		const error = thrown(() =>
			ncpResult(errorContext, 0, { status: 400, headers: {}, body: { error: { code: '77102', message: 'Bad request', details: 'fileList is required' } } }),
		);
		expect(error.message).toBe('NAVER Cloud Outbound Mailer: HTTP 400, code 77102: Bad request - fileList is required');
	});

	it('reads a gateway error from error.errorCode and names it as the gateway\'s code', () => {
		const error = thrown(() =>
			ncpResult(errorContext, 0, { status: 404, headers: {}, body: { error: { errorCode: '300', message: 'Not Found' } } }),
		);
		expect(error.message).toBe('NAVER Cloud Outbound Mailer: HTTP 404, API gateway code 300: Not Found');
	});
});

describe('NHN hints for the codes of the error-code page', () => {
	it.each([
		['400610', /expired.*upload the file again/],
		['400611', /media type/],
		['400614', /empty/],
		['400456', /encoding error/],
	])('code %s comes with a hint a user can act on', (code, hint) => {
		const body = { header: { isSuccessful: false, resultCode: Number(code), resultMessage: 'refused' } };
		const error = nhnFailure(errorContext, 0, { status: 400, headers: {}, body }, body);
		expect(error.message).toBe(`NHN Cloud Notification Hub: HTTP 400, code ${code}: refused`);
		expect(error.description).toMatch(hint);
	});
});

describe('NCP error mapping', () => {
	it('names provider, status, gateway code, message and details, with the clock hint on 401', () => {
		const error = thrown(() =>
			ncpResult(errorContext, 2, {
				status: 401,
				headers: {},
				body: { error: { errorCode: '200', message: 'Authentication Failed', details: 'Invalid authentication information.' } },
			}),
		);
		expect(error.message).toBe(
			'NAVER Cloud Outbound Mailer: HTTP 401, API gateway code 200: Authentication Failed - Invalid authentication information.',
		);
		expect(error.description).toMatch(/clock/);
		expect(error.httpCode).toBe('401');
		expect(error.context.itemIndex).toBe(2);
		expect(error.context.apiCode).toBe('200');
	});

	it('reads a service error code such as 77103', () => {
		const error = thrown(() =>
			ncpResult(errorContext, 0, { status: 400, headers: {}, body: '{"error":{"errorCode":"77103","message":"Resource not found"}}' }),
		);
		expect(error.message).toBe('NAVER Cloud Outbound Mailer: HTTP 400, code 77103: Resource not found');
	});

	it('reports an HTML error page by its status', () => {
		const error = thrown(() => ncpResult(errorContext, 0, { status: 502, headers: {}, body: '<html><body>Bad Gateway</body></html>' }));
		expect(error.message).toBe('NAVER Cloud Outbound Mailer: HTTP 502: The request failed with a non-JSON answer');
	});

	it('refuses a 2xx whose body is not JSON', () => {
		const error = thrown(() => ncpResult(errorContext, 0, { status: 201, headers: {}, body: '{"tempRequestId":' }));
		expect(error.message).toMatch(/HTTP 201: The answer is not the JSON object/);
	});

	it('returns the parsed body of a success', () => {
		expect(ncpResult(errorContext, 0, { status: 201, headers: {}, body: { tempRequestId: 't', files: [] } })).toEqual({
			tempRequestId: 't',
			files: [],
		});
	});
});

describe('NHN error mapping', () => {
	const failureBody = { header: { isSuccessful: false, resultCode: 404202, resultMessage: 'Attachment not found.' } };

	it('treats isSuccessful false as a failure even with HTTP 200 (X-NC-ALWAYS-200-OK)', () => {
		const answer = { status: 200, headers: {}, body: failureBody };
		expect(isNhnSuccess(answer, failureBody)).toBe(false);
		const error = nhnFailure(errorContext, 1, answer, failureBody);
		expect(error.message).toBe('NHN Cloud Notification Hub: HTTP 200, code 404202: Attachment not found.');
		expect(error.description).toMatch(/7 days/);
	});

	it('needs an explicit isSuccessful true, not just a 2xx', () => {
		expect(isNhnSuccess({ status: 200, headers: {}, body: {} }, {})).toBe(false);
		expect(isNhnSuccess({ status: 200, headers: {}, body: {} }, { header: { isSuccessful: true } })).toBe(true);
	});

	it('finds the failed entry of a partial failure', () => {
		expect(
			firstFailedResult({
				results: [
					{ isSuccessful: true, resultCode: 0 },
					{ isSuccessful: false, resultCode: 400613, resultMessage: 'Invalid format' },
				],
			}),
		).toEqual({ isSuccessful: false, resultCode: 400613, resultMessage: 'Invalid format' });
	});

	it('explains a 429 and a body that is not JSON', () => {
		const error = nhnFailure(errorContext, 0, { status: 429, headers: {}, body: 'Too Many' }, undefined);
		expect(error.message).toBe('NHN Cloud Notification Hub: HTTP 429: The answer is not the JSON object the API documents');
		expect(error.description).toMatch(/300 requests per second/);
	});
});
