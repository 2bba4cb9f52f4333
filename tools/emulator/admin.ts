/*
 * Admin interface under /__admin: JSON in and out, no auth, never delayed or faulted, not recorded in
 * `requests`. Errors: HTTP 400/404/405 with {"error":"..."}.
 */
import type { RequestContext } from './context';
import { drain, pathSegments, readBody, sendJson } from './http-utils';
import { formatKst, sha256Hex } from './ids';
import { FaultSpecError, parseFaultRule } from './faults';
import { mailsView } from './mail-view';
import { storeAttachment } from './nhn-attachments';
import { isFileType } from './nhn-file-types';
import { MAX_TOKEN_LIFETIME_SECONDS } from './nhn-oauth';
import { resetState, type EmulatorState } from './state';

export const ADMIN_PREFIX = '/__admin';
const MAX_SEED = 100_000;

class AdminError extends Error {}

/** The state as JSON: metadata and SHA-256 of stored files, never their bytes, keys or tokens. */
export function snapshotState(state: EmulatorState) {
	return {
		clock: clockView(state),
		ncp: {
			files: [...state.ncp.uploads.values()].flatMap((upload) =>
				upload.files.map((file) => ({
					tempRequestId: file.tempRequestId,
					fileId: file.fileId,
					fileName: file.fileName,
					size: file.size,
					sha256: file.sha256,
				})),
			),
			mails: state.ncp.mails,
		},
		nhn: {
			attachments: [...state.nhn.attachments.values()].map((attachment) => ({
				attachmentId: attachment.attachmentId,
				fileName: attachment.fileName,
				size: attachment.size,
				sha256: attachment.sha256,
				uploadedFileTypes: attachment.uploadedFileTypes,
				createDateTime: formatKst(attachment.createdAtMs),
				expireDateTime: formatKst(attachment.expiresAtMs),
			})),
			mails: state.nhn.mails,
			tokenRequests: state.nhn.tokenRequests,
			tokensIssued: state.nhn.tokensIssued,
			tokenLifetimeSeconds: state.tokenLifetimeSeconds,
		},
		latencyMs: state.latencyMs,
		faults: state.faults,
		requests: state.requests,
	};
}

function clockView(state: EmulatorState) {
	const nowMs = state.clock.now();
	return { nowMs, offsetMs: state.clock.offsetMs, iso: new Date(nowMs).toISOString(), kst: formatKst(nowMs) };
}

function parseJsonText(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

async function jsonBody(ctx: RequestContext): Promise<Record<string, unknown>> {
	const raw = await readBody(ctx.req, 1024 * 1024);
	if (!raw) throw new AdminError('body too large');
	const text = raw.toString('utf8');
	if (text.trim() === '') return {};
	const parsed = parseJsonText(text);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AdminError('body must be a JSON object');
	return parsed as Record<string, unknown>;
}

function numberField(body: Record<string, unknown>, name: string, min: number, max: number): number {
	const value = body[name];
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
		throw new AdminError(`${name} must be a number between ${min} and ${max}`);
	}
	return value;
}

function seedNhn(state: EmulatorState, body: Record<string, unknown>) {
	const count = numberField(body, 'count', 1, MAX_SEED);
	const fileTypes = body.fileTypes ?? ['EMAIL_DEFAULT'];
	if (!Array.isArray(fileTypes) || !fileTypes.every((type) => typeof type === 'string' && isFileType(type))) {
		throw new AdminError('fileTypes must be an array of known file types');
	}
	const first = state.nhn.attachments.size + 1;
	const ids: string[] = [];
	for (let i = 0; i < Math.floor(count); i++) {
		const data = Buffer.from(`seeded attachment ${first + i}\n`);
		const fileName = `seed-${String(first + i).padStart(6, '0')}.jpg`;
		const attachment = storeAttachment(state, { data, size: data.length, sha256: sha256Hex(data), fileName, uploadedFileTypes: [...fileTypes] });
		ids.push(attachment.attachmentId);
	}
	return { inserted: ids.length, totalAttachments: state.nhn.attachments.size, firstId: ids[0], lastId: ids[ids.length - 1] };
}

type AdminAction = (state: EmulatorState, body: Record<string, unknown>, query: URLSearchParams) => unknown;

const ACTIONS: Record<string, Partial<Record<string, AdminAction>>> = {
	clock: {
		GET: (state) => clockView(state),
		POST: (state, body) => {
			state.clock.offsetMs += numberField(body, 'advanceMs', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
			return clockView(state);
		},
	},
	faults: {
		GET: (state) => ({ faults: state.faults }),
		POST: (state, body) => {
			const rule = parseFaultRule(body);
			state.faults.push(rule);
			return rule;
		},
		DELETE: (state) => {
			const removed = state.faults.length;
			state.faults = [];
			return { removed };
		},
	},
	latency: {
		GET: (state) => ({ ms: state.latencyMs }),
		POST: (state, body) => {
			state.latencyMs = numberField(body, 'ms', 0, 600_000);
			return { ms: state.latencyMs };
		},
	},
	'token-lifetime': {
		GET: (state) => ({ seconds: state.tokenLifetimeSeconds }),
		POST: (state, body) => {
			state.tokenLifetimeSeconds = Math.floor(numberField(body, 'seconds', 1, MAX_TOKEN_LIFETIME_SECONDS));
			return { seconds: state.tokenLifetimeSeconds };
		},
	},
	state: { GET: (state) => snapshotState(state) },
	mails: {
		GET: (state, _body, query) => {
			const provider = query.get('provider') ?? undefined;
			if (provider !== undefined && provider !== 'ncp' && provider !== 'nhn') throw new AdminError('provider must be ncp or nhn');
			return mailsView(state, provider);
		},
	},
	reset: {
		POST: (state) => {
			resetState(state);
			return { reset: true };
		},
	},
	'seed-nhn': { POST: (state, body) => seedNhn(state, body) },
};

export async function handleAdmin(ctx: RequestContext): Promise<void> {
	const segments = pathSegments(ctx.pathname, ADMIN_PREFIX) ?? [];
	const methods = segments.length === 1 ? ACTIONS[segments[0]] : undefined;
	if (!methods) {
		await drain(ctx.req);
		return sendJson(ctx.res, 404, { error: `unknown admin endpoint; use one of /__admin/${Object.keys(ACTIONS).join(', /__admin/')}` });
	}
	const action = methods[ctx.method];
	if (!action) {
		await drain(ctx.req);
		const allow = Object.keys(methods).join(', ');
		return sendJson(ctx.res, 405, { error: `use ${allow}` }, { Allow: allow });
	}
	try {
		let body: Record<string, unknown> = {};
		if (ctx.method === 'GET') await drain(ctx.req);
		else body = await jsonBody(ctx);
		sendJson(ctx.res, 200, action(ctx.state, body, ctx.query));
	} catch (error) {
		const invalid = error instanceof AdminError || error instanceof FaultSpecError;
		sendJson(ctx.res, invalid ? 400 : 500, { error: error instanceof Error ? error.message : String(error) });
	}
}
