import { backoffMs, isRetryable, retryAfterMs } from '../../../../nodes/Attachment/transport/retry';

describe('retry policy', () => {
	it.each([
		[{ status: 429 }, false, true],
		[{ status: 429 }, true, true],
		[{ code: 'ECONNREFUSED' }, false, true],
		[{ status: 502 }, false, false],
		[{ status: 503 }, false, false],
		[{ status: 504 }, false, false],
		[{ code: 'ECONNRESET' }, false, false],
		[{ code: 'ECONNABORTED' }, false, false],
		[{ status: 502 }, true, true],
		[{ status: 503 }, true, true],
		[{ status: 504 }, true, true],
		[{ code: 'ECONNRESET' }, true, true],
		[{ code: 'ECONNABORTED' }, true, true],
		[{ status: 500 }, true, false],
		[{ status: 400 }, true, false],
		[{ status: 401 }, true, false],
		[{ status: 404 }, true, false],
		[{}, true, false],
	])('%j, idempotent %p: retry %p', (failure, idempotent, expected) => {
		expect(isRetryable(failure, idempotent)).toBe(expected);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-22T00:00:00Z');
		expect(retryAfterMs('3', now)).toBe(3000);
		expect(retryAfterMs('0', now)).toBe(0);
		expect(retryAfterMs('Sun, 22 Nov 2026 00:00:05 GMT', now)).toBe(5000);
		expect(retryAfterMs('Sat, 21 Nov 2026 00:00:05 GMT', now)).toBe(0);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
	});

	it('waits what the server asked, else a jittered exponential delay capped at 10 s', () => {
		expect(backoffMs(1, 2500, 0.9)).toBe(2500);
		expect(backoffMs(1, undefined, 0.999)).toBe(499);
		expect(backoffMs(2, undefined, 0.5)).toBe(500);
		expect(backoffMs(3, undefined, 0.5)).toBe(1000);
		expect(backoffMs(10, undefined, 0.999)).toBe(9990);
		expect(backoffMs(3, undefined, 0)).toBe(0);
	});
});
