// The emulator as the benchmark drives it: its admin API (reset, latency, seeding, state), with one twist. The
// admin reset also forgets the access tokens the emulator issued, which a real service never does between two
// workflow runs: every run would then start with a 401 and a token renewal (and resend its first uploads). So
// `reset()` puts the issued tokens back after the reset; `tokensIssued` and `tokenRequests` still start at 0.
import type { Emulator } from '../emulator/server';
import { emulatorAdmin } from '../n8n-harness/fixtures';

export interface StateView {
	nhn: {
		attachments: Array<{ attachmentId: string; fileName: string; size: number; sha256: string; uploadedFileTypes: string[] }>;
		tokenRequests: number;
		tokensIssued: number;
	};
	latencyMs: number;
	requests: Array<{ service: string; method: string; path: string; query: string; status: number; fault?: string; receivedAtMs: number }>;
}

export class EmulatorControl {
	private readonly tokens = new Map<string, number>();

	constructor(readonly emulator: Emulator) {}

	async admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		return await emulatorAdmin<T>(this.emulator, method, path, body);
	}

	/** POST /__admin/reset, then the tokens issued so far are valid again; then the latency for the next run. */
	async reset(latencyMs = 0): Promise<void> {
		for (const [token, expiresAt] of this.emulator.state.nhn.tokens) this.tokens.set(token, expiresAt);
		await this.admin('POST', '/reset');
		for (const [token, expiresAt] of this.tokens) this.emulator.state.nhn.tokens.set(token, expiresAt);
		if (latencyMs > 0) await this.admin('POST', '/latency', { ms: latencyMs });
	}

	/** POST /__admin/reset without putting tokens back: no credential's stored token is valid afterwards. */
	async resetForgettingTokens(): Promise<void> {
		this.tokens.clear();
		await this.admin('POST', '/reset');
	}

	async seedNhn(count: number): Promise<void> {
		await this.admin('POST', '/seed-nhn', { count });
	}

	async state(): Promise<StateView> {
		return await this.admin<StateView>('GET', '/state');
	}
}

/** The NHN API requests of a state (the OAuth endpoint and previews excluded). */
export const nhnRequests = (state: StateView) => state.requests.filter((request) => request.service === 'nhn');

/** Requests refused with 401 (a token the emulator did not accept), any service. */
export const refused = (state: StateView) => state.requests.filter((request) => request.status === 401).length;

/** The most NHN API requests that arrived within any one second of a run (a sliding window over arrival times). */
export function peakRequestsPerSecond(state: StateView): number {
	return mostWithinOneSecond(nhnRequests(state).map((request) => request.receivedAtMs));
}

/** The most of `times` (ms) that fall within any one second. */
export function mostWithinOneSecond(unsorted: number[]): number {
	const times = [...unsorted].sort((a, b) => a - b);
	let peak = 0;
	for (let first = 0, last = 0; last < times.length; last++) {
		while (times[last] - times[first] >= 1000) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}
