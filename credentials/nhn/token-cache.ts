import { createHash } from 'crypto';

import type { IssuedToken } from './token-request';

/** Renew a little before the announced expiry, so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Tokens issued in this process, shared by every item, page and execution that uses the same keys, and the
 * renewals in flight, so that many requests failing at once cause one renewal, not one each.
 */
export class TokenCache {
	private readonly issued = new Map<string, IssuedToken>();

	private readonly inFlight = new Map<string, Promise<IssuedToken>>();

	static keyOf(tokenUrl: string, userAccessKeyId: string, secretAccessKey: string): string {
		return createHash('sha256').update(`${tokenUrl}\n${userAccessKeyId}\n${secretAccessKey}`).digest('hex');
	}

	/** A cached token still usable at `nowMs`, if any. */
	usable(key: string, nowMs: number): IssuedToken | undefined {
		const token = this.issued.get(key);
		return token && token.expiresAt - EXPIRY_MARGIN_MS > nowMs ? token : undefined;
	}

	/**
	 * The token to use when none was sent yet (`rejected` empty) or the one sent (`rejected`) drew a 401: a
	 * renewal already under way, else a cached token other than the refused one, else a new one from `issue`.
	 * So a burst of 401s for one token causes one renewal, and late 401s of that burst get the new token.
	 */
	async renew(
		key: string,
		rejected: string,
		nowMs: number,
		issue: () => Promise<IssuedToken>,
	): Promise<IssuedToken> {
		const pending = this.inFlight.get(key);
		if (pending) return await pending;
		const cached = this.usable(key, nowMs);
		if (cached && cached.accessToken !== rejected) return cached;
		const renewal = issue().then(
			(token) => {
				this.issued.set(key, token);
				this.inFlight.delete(key);
				return token;
			},
			(error: unknown) => {
				this.inFlight.delete(key);
				throw error;
			},
		);
		this.inFlight.set(key, renewal);
		return await renewal;
	}

	clear(): void {
		this.issued.clear();
		this.inFlight.clear();
	}
}

export const nhnTokenCache = new TokenCache();

/**
 * The token `authenticate` put on a request, by the credentials object it was given. n8n hands the same object
 * to `authenticate` and, after a 401, to `preAuthentication`, which so learns exactly which token was refused.
 */
export const sentTokens = new WeakMap<object, string>();
