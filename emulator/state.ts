import type { FaultRule } from './faults';

export type ServiceName = 'ncp' | 'nhn' | 'nhn-oauth' | 'nhn-preview';

export interface NcpKeys {
	accessKeyId: string;
	secretKey: string;
}

export interface NhnKeys {
	appKey: string;
	userAccessKeyId: string;
	secretAccessKey: string;
}

export interface StoredFile {
	fileName: string;
	size: number;
	sha256: string;
	data: Buffer;
}

export interface NcpFile extends StoredFile {
	fileId: string;
	tempRequestId: string;
}

export interface NcpUpload {
	tempRequestId: string;
	files: NcpFile[];
}

export interface AttachmentRef {
	id: string;
	fileName: string;
	size: number;
	sha256: string;
}

export interface NcpMail {
	requestId: string;
	count: number;
	senderAddress: string;
	senderName?: string;
	title?: string;
	body?: string;
	recipients: Array<{ address: string; name?: string; type: string }>;
	attachments: AttachmentRef[];
	receivedAt: string;
}

export interface NhnAttachment extends StoredFile {
	attachmentId: string;
	fileFormat: string;
	createdAtMs: number;
	expiresAtMs: number;
	uploadedFileTypes: string[];
}

export interface NhnMail {
	messageId: string;
	messagePurpose: string;
	senderMailAddress: string;
	recipients: string[];
	title: string;
	body: string;
	attachments: AttachmentRef[];
	receivedAt: string;
}

export interface RequestRecord {
	service: ServiceName;
	method: string;
	path: string;
	query: string;
	status: number;
	fault?: string;
}

export interface PreviewLink {
	attachmentId: string;
	expiresAtMs: number;
}

/** Time as the emulator sees it: the real clock plus an offset moved by the admin API. */
export class Clock {
	offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}
}

export interface EmulatorState {
	readonly clock: Clock;
	readonly ncpKeys: NcpKeys;
	readonly nhnKeys: NhnKeys;
	readonly defaultTokenLifetimeSeconds: number;
	readonly defaultLatencyMs: number;
	tokenLifetimeSeconds: number;
	latencyMs: number;
	faults: FaultRule[];
	requests: RequestRecord[];
	ncp: {
		uploads: Map<string, NcpUpload>;
		filesById: Map<string, NcpFile>;
		mails: NcpMail[];
	};
	nhn: {
		attachments: Map<string, NhnAttachment>;
		tokens: Map<string, number>;
		previews: Map<string, PreviewLink>;
		mails: NhnMail[];
		tokenRequests: number;
		tokensIssued: number;
	};
}

export const MAX_RECORDED_REQUESTS = 50_000;

export function createState(
	ncpKeys: NcpKeys,
	nhnKeys: NhnKeys,
	tokenLifetimeSeconds: number,
	latencyMs: number,
): EmulatorState {
	const state: EmulatorState = {
		clock: new Clock(),
		ncpKeys,
		nhnKeys,
		defaultTokenLifetimeSeconds: tokenLifetimeSeconds,
		defaultLatencyMs: latencyMs,
		tokenLifetimeSeconds,
		latencyMs,
		faults: [],
		requests: [],
		ncp: { uploads: new Map(), filesById: new Map(), mails: [] },
		nhn: { attachments: new Map(), tokens: new Map(), previews: new Map(), mails: [], tokenRequests: 0, tokensIssued: 0 },
	};
	return state;
}

/** Back to the state right after start: no data, no faults, real clock, configured latency and token lifetime. */
export function resetState(state: EmulatorState): void {
	state.clock.offsetMs = 0;
	state.tokenLifetimeSeconds = state.defaultTokenLifetimeSeconds;
	state.latencyMs = state.defaultLatencyMs;
	state.faults = [];
	state.requests = [];
	state.ncp = { uploads: new Map(), filesById: new Map(), mails: [] };
	state.nhn = { attachments: new Map(), tokens: new Map(), previews: new Map(), mails: [], tokenRequests: 0, tokensIssued: 0 };
}

export function recordRequest(state: EmulatorState, record: RequestRecord): void {
	state.requests.push(record);
	if (state.requests.length > MAX_RECORDED_REQUESTS) state.requests.shift();
}

export const isAttachmentLive = (state: EmulatorState, attachment: NhnAttachment): boolean =>
	attachment.expiresAtMs > state.clock.now();
