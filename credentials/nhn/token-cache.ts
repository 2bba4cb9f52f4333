import { createHash } from 'crypto';

import { NhnTokenError, type IssuedToken } from './token-request';

/** Renew a little before the announced expiry, so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;

/** After a token issued to replace a refused one is refused too, no renewal is tried for this long. */
export const REFUSAL_BACKOFF_MS = 30_000;

/**
 * A replacement refused this soon after it was issued was refused on its first use. One refused later had worked
 * (through the node, the HTTP Request node or a credential test) and has expired.
 */
export const FRESH_REFUSAL_MS = 10_000;

/**
 * Replacements in a row refused on first use before the service is taken to refuse new tokens. Two, not one: a
 * single quick refusal also happens when a token is revoked as it is issued (the emulator's reset does that).
 */
const REFUSED_REPLACEMENTS_TO_BACK_OFF = 2;

interface Replacement {
	token: IssuedToken;
	/** How many replacements in a row, this one included, were issued after refusals on first use. */
	inARow: number;
}

function refusedTokensError(waitMs: number): NhnTokenError {
	return new NhnTokenError(
		`the service refuses new tokens for this app key: the tokens issued a moment ago to replace refused ones were refused too, so no new token is requested for ${Math.ceil(waitMs / 1000)} s`,
		401,
		undefined,
		'Check that the app key and the User Access Key belong to the same NHN Cloud project, and that the key may call Notification Hub.',
	);
}

/**
 * Tokens issued in this process, shared by every item, page and execution that uses the same keys, and the
 * renewals in flight, so that many requests failing at once cause one renewal, not one each.
 */
export class TokenCache {
	private readonly issued = new Map<string, IssuedToken>();

	private readonly inFlight = new Map<string, Promise<IssuedToken>>();

	/** Per key, the token issued to replace a refused one: if it is refused too, the service refuses new tokens. */
	private readonly replacements = new Map<string, Replacement>();

	private readonly refusedUntil = new Map<string, number>();

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
		const refusedUntil = this.refusedUntil.get(key) ?? 0;
		if (refusedUntil > nowMs) throw refusedTokensError(refusedUntil - nowMs);
		const cached = this.usable(key, nowMs);
		if (cached && cached.accessToken !== rejected) return cached;
		const replacement = this.replacements.get(key);
		const refusedOnFirstUse =
			!!rejected && replacement?.token.accessToken === rejected && nowMs - replacement.token.issuedAt < FRESH_REFUSAL_MS;
		const inARow = refusedOnFirstUse ? replacement.inARow + 1 : 1;
		if (refusedOnFirstUse && replacement.inARow >= REFUSED_REPLACEMENTS_TO_BACK_OFF) {
			this.replacements.delete(key);
			this.refusedUntil.set(key, nowMs + REFUSAL_BACKOFF_MS);
			throw refusedTokensError(REFUSAL_BACKOFF_MS);
		}
		const renewal = issue().then(
			(token) => {
				this.issued.set(key, token);
				if (rejected) this.replacements.set(key, { token, inARow });
				else this.replacements.delete(key);
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

	/**
	 * A request got an answer other than 401: the tokens issued to replace refused ones work. Only a replacement
	 * refused before any request succeeded means the service refuses new tokens (an app key of another project,
	 * say); one that worked and later expired is renewed as usual.
	 */
	tokensAccepted(): void {
		if (this.replacements.size > 0) this.replacements.clear();
	}

	/** Settles when no token is being issued in this process, or undefined when none is. */
	whenIdle(): Promise<unknown> | undefined {
		return this.inFlight.size === 0 ? undefined : Promise.allSettled([...this.inFlight.values()]);
	}

	/** Every token issued in this process: values no error may show. */
	issuedTokens(): string[] {
		return [...this.issued.values()].map((token) => token.accessToken);
	}

	clear(): void {
		this.issued.clear();
		this.inFlight.clear();
		this.replacements.clear();
		this.refusedUntil.clear();
	}
}

export const nhnTokenCache = new TokenCache();

/**
 * The token `authenticate` put on a request, by the credentials object it was given. n8n hands the same object
 * to `authenticate` and, after a 401, to `preAuthentication`, which so learns exactly which token was refused.
 */
export const sentTokens = new WeakMap<object, string>();
