/* eslint-disable @n8n/community-nodes/no-restricted-imports -- emulator tooling: runs outside n8n and is never published */
/*
 * Local emulator of NAVER Cloud Outbound Mailer (NCP) and NHN Cloud Notification Hub, on one HTTP port:
 *   /ncp/api/v1/...                    NCP (Signature v2 signs the full path, /ncp/api/v1 included)
 *   /nhn/attachment/v1.0/..., /nhn/message/v1.0/...   NHN Notification Hub
 *   /nhn-oauth/oauth2/token/create     NHN OAuth token
 *   /nhn-preview/{token}               attachment preview links (no auth)
 *   /__admin/...                       admin (clock, faults, latency, state, reset, seeding)
 * Error body shapes are described at the top of ncp.ts, nhn-common.ts, nhn-oauth.ts and admin.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ADMIN_PREFIX, handleAdmin, snapshotState } from './admin';
import type { RequestContext } from './context';
import { applyFault, takeFault } from './faults';
import { delay, drain, sendJson } from './http-utils';
import { handleNcp, NCP_PREFIX } from './ncp';
import { ncpServiceErrorBody } from './ncp-errors';
import { handleNhn, NHN_PREFIX } from './nhn';
import { NHN_PREVIEW_PREFIX } from './nhn-attachments';
import { NHN_CODES } from './nhn-common';
import { handleNhnOauth, MAX_TOKEN_LIFETIME_SECONDS, NHN_OAUTH_PREFIX, NHN_TOKEN_PATH } from './nhn-oauth';
import { handleNhnPreview } from './nhn-preview';
import { createState, recordRequest, type EmulatorState, type NcpKeys, type NhnKeys, type RequestRecord } from './state';
import type { ServiceName } from './services';

export { snapshotState } from './admin';
export { ncpSignature, ncpSignatureMessage, ncpSignedHeaders, verifyNcpRequest, NCP_HEADERS, NCP_TIMESTAMP_TOLERANCE_MS } from './ncp-signature';
export type { NcpAuthInput, NcpAuthResult } from './ncp-signature';
export type { EmulatorState, NcpKeys, NhnKeys } from './state';
export type { FaultSpec, FaultMatch } from './faults';

/** Keys the emulator accepts when the options name none; not secrets, printed by the CLI. */
export const DEMO_KEYS: { ncp: NcpKeys; nhn: NhnKeys } = {
	ncp: { accessKeyId: 'emulator-ncp-access-key', secretKey: 'emulator-ncp-secret-key' },
	nhn: {
		appKey: 'emulator-nhn-app-key',
		userAccessKeyId: 'emulator-nhn-user-access-key',
		secretAccessKey: 'emulator-nhn-secret-access-key',
	},
};

export interface EmulatorOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	host?: '127.0.0.1';
	ncp?: NcpKeys;
	nhn?: NhnKeys & { tokenLifetimeSeconds?: number };
	/** Fixed delay before every API answer (admin excluded). */
	latencyMs?: number;
}

export interface Emulator {
	/** `http://127.0.0.1:PORT` */
	url: string;
	port: number;
	/** `${url}/ncp/api/v1` */
	ncpBaseUrl: string;
	/** `${url}/nhn` */
	nhnApiBaseUrl: string;
	/** `${url}/nhn-oauth/oauth2/token/create` */
	nhnTokenUrl: string;
	/** `${url}/__admin` */
	adminUrl: string;
	/** Live state, for in-process tests to read. */
	state: EmulatorState;
	/** A copy of what GET /__admin/state answers. */
	snapshot(): ReturnType<typeof snapshotState>;
	close(): Promise<void>;
}

type Service = ServiceName | 'admin';

const SERVICES: Array<[string, Service, (ctx: RequestContext) => Promise<void>]> = [
	[NCP_PREFIX, 'ncp', handleNcp],
	[NHN_PREFIX, 'nhn', handleNhn],
	[NHN_OAUTH_PREFIX, 'nhn-oauth', handleNhnOauth],
	[NHN_PREVIEW_PREFIX, 'nhn-preview', handleNhnPreview],
	[ADMIN_PREFIX, 'admin', handleAdmin],
];

const serviceFor = (pathname: string) =>
	SERVICES.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`));

function internalError(ctx: RequestContext, service: Service | undefined, error: unknown): void {
	if (ctx.res.headersSent) {
		ctx.res.destroy();
		return;
	}
	const details = error instanceof Error ? error.message : String(error);
	if (service === 'ncp') {
		sendJson(ctx.res, 500, ncpServiceErrorBody('77303', details));
	} else if (service === 'nhn') {
		sendJson(ctx.res, 500, { header: { isSuccessful: false, resultCode: NHN_CODES.INTERNAL_ERROR, resultMessage: details } });
	} else {
		sendJson(ctx.res, 500, { error: 'server_error', error_description: details });
	}
}

function directory(baseUrl: string) {
	return {
		ncpBaseUrl: `${baseUrl}${NCP_PREFIX}`,
		nhnApiBaseUrl: `${baseUrl}${NHN_PREFIX}`,
		nhnTokenUrl: `${baseUrl}${NHN_TOKEN_PATH}`,
		adminUrl: `${baseUrl}${ADMIN_PREFIX}`,
	};
}

async function handleRequest(state: EmulatorState, baseUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const rawUrl = req.url ?? '/';
	const q = rawUrl.indexOf('?');
	const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
	const search = q < 0 ? '' : rawUrl.slice(q + 1);
	const method = (req.method ?? 'GET').toUpperCase();
	const ctx: RequestContext = { req, res, state, method, pathname, query: new URLSearchParams(search), baseUrl };
	const entry = serviceFor(pathname);
	try {
		if (!entry) {
			await drain(req);
			if (pathname === '/') return sendJson(res, 200, directory(baseUrl));
			return sendJson(res, 404, { error: `Nothing at ${pathname}`, ...directory(baseUrl) });
		}
		const [, service, handler] = entry;
		if (service !== 'admin') {
			const record: RequestRecord = { service, method, path: pathname, query: search, status: 0, receivedAtMs: Date.now() };
			recordRequest(state, record);
			res.on('finish', () => {
				record.status = res.statusCode;
			});
			await delay(state.latencyMs);
			const fault = takeFault(state.faults, service, method, pathname);
			if (fault) {
				record.fault = fault.type;
				if (await applyFault(fault, service, req, res)) return;
			}
		}
		await handler(ctx);
	} catch (error) {
		internalError(ctx, entry?.[1], error);
	}
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const host = options.host ?? '127.0.0.1';
	const lifetime = options.nhn?.tokenLifetimeSeconds ?? 86400;
	if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
		throw new Error(`tokenLifetimeSeconds must be an integer from 1 to ${MAX_TOKEN_LIFETIME_SECONDS}`);
	}
	const nhnKeys: NhnKeys = options.nhn
		? { appKey: options.nhn.appKey, userAccessKeyId: options.nhn.userAccessKeyId, secretAccessKey: options.nhn.secretAccessKey }
		: DEMO_KEYS.nhn;
	const state = createState(options.ncp ?? DEMO_KEYS.ncp, nhnKeys, lifetime, options.latencyMs ?? 0);
	let baseUrl = '';
	const server = createServer((req, res) => void handleRequest(state, baseUrl, req, res));
	// Clients reuse an idle connection until shortly before the server's keep-alive timeout (5 s by default); on a
	// loaded machine a request sent on it can meet the server's close (ECONNRESET). A long timeout removes that race;
	// close() ends every connection anyway.
	server.keepAliveTimeout = 120_000;
	server.headersTimeout = 125_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	baseUrl = `http://${host}:${port}`;
	return {
		url: baseUrl,
		port,
		...directory(baseUrl),
		state,
		snapshot: () => structuredClone(snapshotState(state)),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
