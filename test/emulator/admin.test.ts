import { DEMO_KEYS, startEmulator, type Emulator } from '../../tools/emulator/server';
import { admin, adminJson, bytes, json, type Json, NCP_KEYS, ncpFetch, NHN_KEYS, nhnFetch, nhnToken, sha256, tokenRequest, uploadForm } from './helpers';

const FILE_TYPES = '/attachment/v1.0/attachments/file-types';
const ATTACHMENTS = '/attachment/v1.0/attachments';

let emu: Emulator;
let token: string;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, ncp: NCP_KEYS, nhn: NHN_KEYS });
});
afterAll(() => emu.close());
beforeEach(async () => {
	await adminJson(emu, 'POST', '/reset');
	token = await nhnToken(emu);
});

const fileTypes = () => nhnFetch(emu, FILE_TYPES, { token });
const addFault = (rule: unknown) => adminJson(emu, 'POST', '/faults', rule);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const result = await fn();
	return [result, performance.now() - start];
}

describe('admin clock', () => {
	it('reports and advances the emulator clock', async () => {
		const before = await adminJson(emu, 'GET', '/clock');
		expect(before.offsetMs).toBe(0);
		const after = await adminJson(emu, 'POST', '/clock', { advanceMs: 3_600_000 });
		expect(after.offsetMs).toBe(3_600_000);
		expect(after.nowMs - before.nowMs).toBeGreaterThanOrEqual(3_600_000);
		expect(after.kst).toMatch(/\+09:00$/);
		expect((await admin(emu, 'POST', '/clock', { advanceMs: 'soon' })).status).toBe(400);
	});
});

describe('admin faults', () => {
	it('answers the next N matching requests with a status, body and headers, then disappears', async () => {
		await addFault({ match: { service: 'nhn' }, count: 2, fault: { type: 'status', status: 429, headers: { 'Retry-After': '3' } } });
		for (let i = 0; i < 2; i++) {
			const res = await fileTypes();
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBe('3');
			expect((await json(res)).header).toMatchObject({ isSuccessful: false, resultCode: 429000 });
		}
		expect((await fileTypes()).status).toBe(200);
		expect((await adminJson(emu, 'GET', '/faults')).faults).toEqual([]);
	});

	it('uses the given body and a gateway-style default body for NCP', async () => {
		await addFault({ match: { service: 'ncp' }, count: 1, fault: { type: 'status', status: 503 } });
		const ncp = await ncpFetch(emu, '/ncp/api/v1/files/x');
		expect(ncp.status).toBe(503);
		expect((await json(ncp)).error.errorCode).toBe('500');
		await addFault({ match: { service: 'nhn' }, fault: { type: 'status', status: 500, body: { custom: true } } });
		const res = await fileTypes();
		expect(res.status).toBe(500);
		expect(await json(res)).toEqual({ custom: true });
	});

	it('resets the connection for exactly N requests', async () => {
		await addFault({ match: { pathPrefix: '/nhn/attachment' }, count: 2, fault: { type: 'reset' } });
		await expect(fileTypes()).rejects.toThrow();
		await expect(fileTypes()).rejects.toThrow();
		expect((await fileTypes()).status).toBe(200);
	});

	it('delays a request and then answers it normally', async () => {
		await addFault({ match: { method: 'GET', service: 'nhn' }, count: 1, fault: { type: 'delay', ms: 300 } });
		const [res, ms] = await timed(fileTypes);
		expect(res.status).toBe(200);
		expect(ms).toBeGreaterThanOrEqual(290);
		// The rule was used up: the next request is answered without it (read from the log, not from a clock).
		expect((await fileTypes()).status).toBe(200);
		const { requests, faults } = emu.snapshot();
		expect(requests.slice(-2).map((r) => r.fault)).toEqual(['delay', undefined]);
		expect(faults).toEqual([]);
	});

	it('sends malformed JSON with HTTP 200', async () => {
		await addFault({ match: { service: 'nhn' }, count: 1, fault: { type: 'malformed' } });
		const res = await fileTypes();
		expect(res.status).toBe(200);
		await expect(res.json()).rejects.toThrow();
		expect((await fileTypes()).status).toBe(200);
	});

	it('sends an HTML error page', async () => {
		await addFault({ match: { service: 'nhn-oauth' }, count: 1, fault: { type: 'html', status: 502 } });
		expect((await fileTypes()).status).toBe(200);
		const res = await tokenRequest(emu);
		expect(res.status).toBe(502);
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
		expect((await tokenRequest(emu)).status).toBe(200);
	});

	it('matches on method and path regex, and DELETE clears every fault', async () => {
		await addFault({ match: { method: 'POST', pathRegex: '^/nhn/attachment/v1\\.0/attachments$' }, count: 5, fault: { type: 'status', status: 503 } });
		expect((await fileTypes()).status).toBe(200);
		expect((await nhnFetch(emu, ATTACHMENTS, { token })).status).toBe(200);
		expect((await nhnFetch(emu, ATTACHMENTS, { token, body: uploadForm(bytes(5), 'a.txt') })).status).toBe(503);
		expect(await adminJson(emu, 'DELETE', '/faults')).toEqual({ removed: 1 });
		expect((await nhnFetch(emu, ATTACHMENTS, { token, body: uploadForm(bytes(5), 'a.txt') })).status).toBe(200);
	});

	it('refuses an invalid fault', async () => {
		expect((await admin(emu, 'POST', '/faults', { fault: { type: 'explode' } })).status).toBe(400);
		expect((await admin(emu, 'POST', '/faults', { count: 0, fault: { type: 'reset' } })).status).toBe(400);
		expect((await admin(emu, 'POST', '/faults', { match: { service: 'smtp' }, fault: { type: 'reset' } })).status).toBe(400);
	});
});

describe('admin latency and token lifetime', () => {
	it('adds a fixed latency to API answers but not to admin calls', async () => {
		await adminJson(emu, 'POST', '/latency', { ms: 200 });
		const [, apiMs] = await timed(fileTypes);
		expect(apiMs).toBeGreaterThanOrEqual(190);
		// A latency far beyond what load can add: an admin call that waited for it could not come back sooner.
		await adminJson(emu, 'POST', '/latency', { ms: 20_000 });
		const [, adminMs] = await timed(() => adminJson(emu, 'GET', '/clock'));
		expect(adminMs).toBeLessThan(20_000);
		await adminJson(emu, 'POST', '/latency', { ms: 0 });
	});

	it('sets the lifetime of tokens issued afterwards', async () => {
		expect(await adminJson(emu, 'POST', '/token-lifetime', { seconds: 120 })).toEqual({ seconds: 120 });
		expect((await json(await tokenRequest(emu))).expires_in).toBe(120);
		expect((await admin(emu, 'POST', '/token-lifetime', { seconds: 86401 })).status).toBe(400);
	});
});

describe('admin state, reset and seeding', () => {
	it('records requests in order without secrets and shows stored files by SHA-256', async () => {
		const data = bytes(777, 3);
		const upload = await nhnFetch(emu, ATTACHMENTS, { token, body: uploadForm(data, 'a.txt', ['EMAIL_DEFAULT']) });
		expect(upload.status).toBe(200);
		const form = new FormData();
		form.append('fileList', new Blob([new Uint8Array(data)]), 'b.txt');
		expect((await ncpFetch(emu, '/ncp/api/v1/files?x=1', { method: 'POST', body: form })).status).toBe(201);
		await fetch(`${emu.nhnApiBaseUrl}${FILE_TYPES}`, { headers: { 'X-NC-APP-KEY': NHN_KEYS.appKey } });

		const res = await admin(emu, 'GET', '/state');
		const text = await res.text();
		const state: Json = JSON.parse(text);
		expect(state.requests.map((r: Json) => [r.service, r.method, r.path, r.status])).toEqual([
			['nhn-oauth', 'POST', '/nhn-oauth/oauth2/token/create', 200],
			['nhn', 'POST', '/nhn/attachment/v1.0/attachments', 200],
			['ncp', 'POST', '/ncp/api/v1/files', 201],
			['nhn', 'GET', `/nhn${FILE_TYPES}`, 401],
		]);
		expect(state.requests[2].query).toBe('x=1');
		for (const secret of [token, NCP_KEYS.secretKey, NHN_KEYS.secretAccessKey, 'signature']) expect(text).not.toContain(secret);
		expect(state.nhn.attachments[0]).toMatchObject({ fileName: 'a.txt', size: 777, sha256: sha256(data), uploadedFileTypes: ['EMAIL_DEFAULT'] });
		expect(state.nhn.attachments[0].expireDateTime).toMatch(/\+09:00$/);
		expect(state.ncp.files[0]).toMatchObject({ fileName: 'b.txt', size: 777, sha256: sha256(data) });
		expect(state.nhn.tokensIssued).toBe(1);
	});

	it('reset clears data, faults, clock and latency', async () => {
		await nhnFetch(emu, ATTACHMENTS, { token, body: uploadForm(bytes(5), 'a.txt') });
		await addFault({ fault: { type: 'reset' }, count: 3 });
		await adminJson(emu, 'POST', '/clock', { advanceMs: 1000 });
		await adminJson(emu, 'POST', '/latency', { ms: 50 });
		await adminJson(emu, 'POST', '/reset');
		const state = await adminJson(emu, 'GET', '/state');
		expect(state.nhn.attachments).toEqual([]);
		expect(state.nhn.tokensIssued).toBe(0);
		expect(state.faults).toEqual([]);
		expect(state.requests).toEqual([]);
		expect(state.clock.offsetMs).toBe(0);
		expect(state.latencyMs).toBe(0);
		expect((await fileTypes()).status).toBe(401);
	});

	it('seeds 10,000 attachments for paging', async () => {
		const seeded = await adminJson(emu, 'POST', '/seed-nhn', { count: 10_000 });
		expect(seeded.inserted).toBe(10_000);
		const page = await json(await nhnFetch(emu, `${ATTACHMENTS}?limit=1000&offset=9500`, { token }));
		expect(page.totalCount).toBe(10_000);
		expect(page.attachments).toHaveLength(500);
		expect(page.attachments[0].uploadedFileTypes).toEqual(['EMAIL_DEFAULT']);
		expect((await admin(emu, 'POST', '/seed-nhn', { count: 1, fileTypes: ['NOPE'] })).status).toBe(400);
	});
});

describe('emulator options', () => {
	it('uses the demo keys when none are given', async () => {
		const demo = await startEmulator();
		try {
			expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(demo.ncpBaseUrl).toBe(`${demo.url}/ncp/api/v1`);
			expect(demo.nhnApiBaseUrl).toBe(`${demo.url}/nhn`);
			expect(demo.nhnTokenUrl).toBe(`${demo.url}/nhn-oauth/oauth2/token/create`);
			expect(demo.adminUrl).toBe(`${demo.url}/__admin`);
			const res = await tokenRequest(demo, DEMO_KEYS.nhn.userAccessKeyId, DEMO_KEYS.nhn.secretAccessKey);
			expect(res.status).toBe(200);
			const ncp = await ncpFetch(demo, '/ncp/api/v1/files/x', { accessKey: DEMO_KEYS.ncp.accessKeyId, secretKey: DEMO_KEYS.ncp.secretKey });
			expect((await json(ncp)).error.code).toBe('77103');
		} finally {
			await demo.close();
		}
	});
});
