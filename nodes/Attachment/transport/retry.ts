/**
 * The retry policy. A request is retried only when a second attempt cannot do harm:
 * - any request, after 429 (the rate limiter refused it before the service saw it) or a refused connection
 *   (nothing was sent);
 * - a request marked `idempotent` (reads and validations), also after 502, 503, 504, a reset connection or a
 *   timeout, where a write might already have been applied: an upload is never stored twice by a retry.
 */
export interface RetrySettings {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** The total time all waits between attempts may add up to. */
	maxWaitMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 4, maxWaitMs: 30_000 };

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/** What went wrong with one attempt: an HTTP status, or a transport error code such as ECONNRESET. */
export interface AttemptFailure {
	status?: number;
	code?: string;
	retryAfter?: string;
}

const ALWAYS_SAFE_STATUS = new Set([429]);
const IDEMPOTENT_STATUS = new Set([502, 503, 504]);
const ALWAYS_SAFE_CODES = new Set(['ECONNREFUSED']);
const IDEMPOTENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_BAD_RESPONSE']);

export function isRetryable(failure: AttemptFailure, idempotent: boolean): boolean {
	if (failure.status !== undefined) {
		return ALWAYS_SAFE_STATUS.has(failure.status) || (idempotent && IDEMPOTENT_STATUS.has(failure.status));
	}
	if (failure.code === undefined) return false;
	return ALWAYS_SAFE_CODES.has(failure.code) || (idempotent && IDEMPOTENT_CODES.has(failure.code));
}

/** `Retry-After` as milliseconds from `nowMs`: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, nowMs: number): number | undefined {
	if (header === undefined || header.trim() === '') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(header);
	return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): the server's Retry-After when it gave one,
 * else exponential backoff with full jitter (`random` in [0, 1)).
 */
export function backoffMs(attempt: number, retryAfter: number | undefined, random: number): number {
	if (retryAfter !== undefined) return retryAfter;
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	return Math.floor(random * ceiling);
}
