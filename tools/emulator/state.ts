import type { FaultRule } from './faults';
import type { ServiceName } from './services';

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

export interface NcpRecipient {
	address: string;
	name?: string;
	/** R, C or B; R when the request left it out (the documented default). */
	type: string;
	parameters?: Record<string, unknown>;
}

export interface NcpMail {
	/** Order of acceptance across both services (see GET /__admin/mails). */
	sequence: number;
	requestId: string;
	count: number;
	/** Absent only with a templateSid. */
	senderAddress?: string;
	senderName?: string;
	title?: string;
	body?: string;
	recipients: NcpRecipient[];
	attachments: AttachmentRef[];
	/** The optional fields the request carried, as sent: individual, advertising, reservationUtc, ... */
	options: Record<string, unknown>;
	receivedAt: string;
}

export interface NhnAttachment extends StoredFile {
	attachmentId: string;
	fileFormat: string;
	createdAtMs: number;
	expiresAtMs: number;
	uploadedFileTypes: string[];
}

export interface NhnContact {
	contactType: string;
	contact: string;
	clientReference?: string;
}

export interface NhnMail {
	sequence: number;
	messageId: string;
	messagePurpose: string;
	senderMailAddress: string;
	/** Every contact address, flattened over `recipients[].contacts[]`. */
	recipients: string[];
	/** `recipients[]` as sent: contacts with their optional clientReference, and templateParameters. */
	recipientEntries: Array<{ contacts: NhnContact[]; templateParameters?: Record<string, unknown> }>;
	title: string;
	body: string;
	attachments: AttachmentRef[];
	/** The optional fields the request carried: statsKeyId, scheduledDateTime, confirmBeforeSend, id. */
	options: Record<string, unknown>;
	receivedAt: string;
}

export interface RequestRecord {
	service: ServiceName;
	method: string;
	path: string;
	query: string;
	status: number;
	fault?: string;
	/** When the request arrived, in ms since the epoch: how many requests a second a client sends. */
	receivedAtMs: number;
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
	/** Mails accepted so far by either service; numbers each mail's `sequence`. */
	mailsAccepted: number;
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
		mailsAccepted: 0,
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
	state.mailsAccepted = 0;
	state.ncp = { uploads: new Map(), filesById: new Map(), mails: [] };
	state.nhn = { attachments: new Map(), tokens: new Map(), previews: new Map(), mails: [], tokenRequests: 0, tokensIssued: 0 };
}

export function recordRequest(state: EmulatorState, record: RequestRecord): void {
	state.requests.push(record);
	if (state.requests.length > MAX_RECORDED_REQUESTS) state.requests.shift();
}

export const nextMailSequence = (state: EmulatorState): number => (state.mailsAccepted += 1);

export const isAttachmentLive = (state: EmulatorState, attachment: NhnAttachment): boolean =>
	attachment.expiresAtMs > state.clock.now();
