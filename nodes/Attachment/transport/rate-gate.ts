import { sleep } from 'n8n-workflow';

/**
 * Requests one credential may start per second in one n8n process (main or worker). NHN Cloud documents a limit
 * of 300 per second for the Notification Hub API; 250 leaves room for other workflows using the same app key.
 */
export const REQUESTS_PER_SECOND = 250;

const WINDOW_MS = 1000;

export interface GateClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/**
 * A sliding one-second window per key: `enter` resolves when the request may start, so that no more than
 * `perSecond` requests start within any one second. Waiters re-check after the oldest start leaves the window.
 */
export class RequestRateGate {
	private readonly starts = new Map<string, number[]>();

	constructor(
		private readonly perSecond: number,
		private readonly clock: GateClock = { now: () => Date.now(), sleep },
	) {}

	async enter(key: string): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			const starts = this.starts.get(key) ?? [];
			while (starts.length > 0 && now - starts[0] >= WINDOW_MS) starts.shift();
			if (starts.length < this.perSecond) {
				starts.push(now);
				this.starts.set(key, starts);
				return;
			}
			await this.clock.sleep(starts[0] + WINDOW_MS - now);
		}
	}
}

/** The gate every request made with a credential passes, keyed by credential type and ID. */
export const requestRateGate = new RequestRateGate(REQUESTS_PER_SECOND);
