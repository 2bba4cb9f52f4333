import { startEmulator, type Emulator } from '../../tools/emulator/server';
import { adminJson, expectNhnFailure, expectNhnSuccess, json, NHN_KEYS, nhnFetch, nhnToken, tokenRequest } from './helpers';

const ATTACHMENTS = '/attachment/v1.0/attachments';
const DAY_MS = 24 * 60 * 60 * 1000;

let emu: Emulator;
let token: string;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, nhn: NHN_KEYS });
});
afterAll(() => emu.close());
beforeEach(async () => {
	await adminJson(emu, 'POST', '/reset');
	token = await nhnToken(emu);
});

describe('NHN OAuth token', () => {
	it('issues a Bearer token with the default lifetime and counts requests', async () => {
		const res = await tokenRequest(emu);
		expect(res.status).toBe(200);
		expect(await json(res)).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 86400 });
		const state = emu.snapshot();
		expect(state.nhn.tokensIssued).toBe(2);
		expect(state.nhn.tokenRequests).toBe(2);
	});

	it('rejects bad client credentials with 401 and a wrong grant type with 400', async () => {
		const bad = await tokenRequest(emu, NHN_KEYS.userAccessKeyId, 'wrong');
		expect(bad.status).toBe(401);
		expect((await json(bad)).error).toBe('invalid_client');
		const grant = await tokenRequest(emu, undefined, undefined, 'grant_type=password');
		expect(grant.status).toBe(400);
		expect((await json(grant)).error).toBe('unsupported_grant_type');
		const jsonBody = await fetch(emu.nhnTokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect(jsonBody.status).toBe(400);
		expect(emu.snapshot().nhn.tokensIssued).toBe(1);
	});

	it('expires tokens on the emulator clock', async () => {
		await adminJson(emu, 'POST', '/token-lifetime', { seconds: 60 });
		const short = await nhnToken(emu);
		await expectNhnSuccess(await nhnFetch(emu, `${ATTACHMENTS}/file-types`, { token: short }));
		await adminJson(emu, 'POST', '/clock', { advanceMs: 61_000 });
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}/file-types`, { token: short }), 401, 401202);
		await expectNhnSuccess(await nhnFetch(emu, `${ATTACHMENTS}/file-types`, { token }));
		await adminJson(emu, 'POST', '/clock', { advanceMs: DAY_MS });
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}/file-types`, { token }), 401, 401202);
	});
});

describe('NHN API headers', () => {
	const path = `${ATTACHMENTS}/file-types`;

	it('requires the app key and a known Bearer token', async () => {
		await expectNhnFailure(await nhnFetch(emu, path, { token, appKey: null }), 401, 401100);
		await expectNhnFailure(await nhnFetch(emu, path, { token, appKey: 'other-app' }), 403, 403100);
		await expectNhnFailure(await nhnFetch(emu, path, {}), 401, 401200);
		await expectNhnFailure(await nhnFetch(emu, path, { token: 'made-up-token' }), 401, 401201);
	});

	it('answers failures with HTTP 200 and the same body under X-NC-ALWAYS-200-OK: true', async () => {
		const headers = { 'X-NC-ALWAYS-200-OK': 'true' };
		const res = await nhnFetch(emu, path, { token: 'made-up-token', headers });
		expect(res.status).toBe(200);
		expect((await json(res)).header).toEqual({ isSuccessful: false, resultCode: 401201, resultMessage: 'Invalid access token' });
		const missing = await nhnFetch(emu, `${ATTACHMENTS}/20990101000000nothinghere`, { token, headers });
		expect(missing.status).toBe(200);
		expect((await json(missing)).header.resultCode).toBe(404202);
	});
});
