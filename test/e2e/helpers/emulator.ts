// The emulator as the end-to-end tests see it: its admin API (reset, clock, seeding, state), a signed NCP upload
// made directly (to prepare data a workflow then works on), and the tokens it issued (for the secret scan).
import { createHash } from 'node:crypto';

import { DEMO_KEYS, ncpSignedHeaders, type Emulator } from '../../../tools/emulator/server';
import { emulatorAdmin } from '../../../tools/n8n-harness/fixtures';

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** GET /__admin/state, typed as far as the tests read it. */
export interface EmulatorStateView {
	clock: { nowMs: number; offsetMs: number };
	ncp: {
		files: Array<{ tempRequestId: string; fileId: string; fileName: string; size: number; sha256: string }>;
		mails: Array<{
			requestId: string;
			count: number;
			senderAddress: string;
			title?: string;
			recipients: Array<{ address: string; name?: string; type: string }>;
			attachments: Array<{ id: string; fileName: string; size: number; sha256: string }>;
		}>;
	};
	nhn: {
		attachments: Array<{
			attachmentId: string;
			fileName: string;
			size: number;
			sha256: string;
			uploadedFileTypes: string[];
			createDateTime: string;
			expireDateTime: string;
		}>;
		mails: Array<{
			messageId: string;
			messagePurpose: string;
			senderMailAddress: string;
			recipients: string[];
			title: string;
			attachments: Array<{ id: string; fileName: string; size: number; sha256: string }>;
		}>;
		tokenRequests: number;
		tokensIssued: number;
		tokenLifetimeSeconds: number;
	};
	requests: Array<{ service: string; method: string; path: string; query: string; status: number; fault?: string }>;
}

/** The admin API of one emulator, plus a record of every access token it ever issued (reset forgets them). */
export class EmulatorDriver {
	private readonly tokens = new Set<string>();

	constructor(readonly emulator: Emulator) {}

	async admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		return await emulatorAdmin<T>(this.emulator, method, path, body);
	}

	/** POST /__admin/reset, after noting the tokens issued so far. */
	async reset(): Promise<void> {
		this.harvestTokens();
		await this.admin('POST', '/reset');
	}

	async advanceClock(ms: number): Promise<void> {
		await this.admin('POST', '/clock', { advanceMs: ms });
	}

	async seedNhn(count: number, fileTypes?: string[]): Promise<void> {
		await this.admin('POST', '/seed-nhn', fileTypes ? { count, fileTypes } : { count });
	}

	async state(): Promise<EmulatorStateView> {
		this.harvestTokens();
		return await this.admin<EmulatorStateView>('GET', '/state');
	}

	/** The API requests seen (admin excluded) of one service, optionally one method and path. */
	async requests(service: string, method?: string, path?: string): Promise<EmulatorStateView['requests']> {
		return (await this.state()).requests.filter(
			(r) => r.service === service && (!method || r.method === method) && (!path || r.path === path),
		);
	}

	/** Every access token issued since the emulator started (the admin state never shows them). */
	issuedTokens(): string[] {
		this.harvestTokens();
		return [...this.tokens];
	}

	/** The tokens the emulator holds right now, in issue order. */
	liveTokens(): string[] {
		return [...this.emulator.state.nhn.tokens.keys()];
	}

	private harvestTokens(): void {
		for (const token of this.emulator.state.nhn.tokens.keys()) this.tokens.add(token);
	}

	/** A signed `POST /files` (signed by the emulator's signer), as a client other than n8n would upload. */
	async ncpUpload(files: Array<{ bytes: Buffer; fileName: string; mimeType?: string }>): Promise<{
		tempRequestId: string;
		files: Array<{ fileName: string; fileSize: number; fileId: string }>;
	}> {
		const form = new FormData();
		for (const file of files) {
			form.append('fileList', new Blob([new Uint8Array(file.bytes)], { type: file.mimeType ?? 'application/octet-stream' }), file.fileName);
		}
		const target = `${new URL(this.emulator.ncpBaseUrl).pathname}/files`;
		const res = await fetch(`${this.emulator.url}${target}`, {
			method: 'POST',
			body: form,
			headers: ncpSignedHeaders(DEMO_KEYS.ncp, 'POST', target),
		});
		if (res.status !== 201) throw new Error(`direct NCP upload: HTTP ${res.status} ${await res.text()}`);
		return (await res.json()) as Awaited<ReturnType<EmulatorDriver['ncpUpload']>>;
	}
}
