import { startEmulator, type Emulator } from '../../tools/emulator/server';
import { adminJson, bytes, expectNcpServiceError, json, type Json, MB, NCP_KEYS, ncpFetch, sha256 } from './helpers';

const FILES = '/ncp/api/v1/files';

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, ncp: NCP_KEYS });
});
afterAll(() => emu.close());
beforeEach(() => adminJson(emu, 'POST', '/reset'));

function fileForm(files: Array<[string, Buffer]>, field = 'fileList'): FormData {
	const form = new FormData();
	for (const [name, data] of files) form.append(field, new Blob([new Uint8Array(data)]), name);
	return form;
}

async function upload(files: Array<[string, Buffer]>): Promise<Json> {
	const res = await ncpFetch(emu, FILES, { method: 'POST', body: fileForm(files) });
	expect(res.status).toBe(201);
	return json(res);
}

async function expectAuthFailure(res: Response, details: RegExp): Promise<void> {
	expect(res.status).toBe(401);
	const body = await json(res);
	expect(body.error.errorCode).toBe('200');
	expect(body.error.code).toBeUndefined();
	expect(body.error.message).toBe('Authentication Failed');
	expect(body.error.details).toMatch(details);
}

const expectServiceError = expectNcpServiceError;

describe('NCP authentication (Signature v2 over the full request target)', () => {
	it('accepts a correctly signed request', async () => {
		const body = await upload([['test.txt', Buffer.from('hello, emulator!')]]);
		expect(body.tempRequestId).toMatch(/^[0-9a-f-]{36}-99$/);
		expect(body.files).toEqual([{ fileName: 'test.txt', fileSize: 16, fileId: expect.stringMatching(/^[0-9a-f-]{36}-99$/) }]);
	});

	it('rejects an unknown access key', async () => {
		await expectAuthFailure(await ncpFetch(emu, `${FILES}/x`, { accessKey: 'someone-else' }), /Unknown access key/);
	});

	it('rejects a signature made with the wrong secret', async () => {
		await expectAuthFailure(await ncpFetch(emu, `${FILES}/x`, { secretKey: 'wrong-secret' }), /Signature mismatch/);
	});

	it('rejects a signature computed over a different request target', async () => {
		await expectAuthFailure(await ncpFetch(emu, `${FILES}/x`, { signedTarget: '/api/v1/files/x' }), /Signature mismatch/);
		await expectAuthFailure(await ncpFetch(emu, `${FILES}/x?a=1`, { signedTarget: `${FILES}/x` }), /Signature mismatch/);
		await expectAuthFailure(await ncpFetch(emu, `${FILES}/x`, { method: 'DELETE', signedTarget: `${FILES}/y` }), /Signature mismatch/);
	});

	it('signs the query string exactly as sent', async () => {
		const { tempRequestId } = await upload([['a.txt', Buffer.from('a')]]);
		const res = await ncpFetch(emu, `${FILES}/${tempRequestId}?b=2&a=1`);
		expect(res.status).toBe(200);
	});

	it('rejects a stale timestamp (emulator clock 6 minutes ahead) and a future one', async () => {
		await adminJson(emu, 'POST', '/clock', { advanceMs: 6 * 60 * 1000 });
		await expectAuthFailure(await ncpFetch(emu, `${FILES}/x`), /Invalid timestamp: out of range/);
		await adminJson(emu, 'POST', '/reset');
		await expectAuthFailure(await ncpFetch(emu, `${FILES}/x`, { timestamp: String(Date.now() + 6 * 60 * 1000) }), /out of range/);
	});

	it('rejects missing headers', async () => {
		const res = await fetch(`${emu.url}${FILES}/x`);
		await expectAuthFailure(res, /Missing header/);
	});

	it('answers an unknown path with the gateway 404 before checking auth', async () => {
		const res = await fetch(`${emu.url}/ncp/api/v1/nothing-here`);
		expect(res.status).toBe(404);
		expect((await json(res)).error.errorCode).toBe('300');
	});

	it('answers an unsupported method on a known path with 405 77001', async () => {
		await expectServiceError(await ncpFetch(emu, FILES, { method: 'PUT' }), 405, '77001');
	});
});

describe('NCP files', () => {
	it('takes several fileList parts in one call and keeps UTF-8 names and exact bytes', async () => {
		const files: Array<[string, Buffer]> = [
			['one.txt', bytes(10, 1)],
			['보고서 2024.pdf', bytes(2048, 2)],
			['three.bin', bytes(70000, 3)],
		];
		const body = await upload(files);
		expect(body.files.map((f: Json) => [f.fileName, f.fileSize])).toEqual(files.map(([n, d]) => [n, d.length]));
		const state = emu.snapshot();
		expect(state.ncp.files.map((f) => f.sha256)).toEqual(files.map(([, d]) => sha256(d)));
		expect(state.ncp.files.every((f) => f.tempRequestId === body.tempRequestId)).toBe(true);
	});

	it('accepts a file of exactly 10 MB and rejects one byte more with 400 77102', async () => {
		const ok = await upload([['ten.bin', bytes(10 * MB)]]);
		expect(ok.files[0].fileSize).toBe(10 * MB);
		const res = await ncpFetch(emu, FILES, { method: 'POST', body: fileForm([['big.bin', bytes(10 * MB + 1)]]) });
		const body = await expectServiceError(res, 400, '77102');
		expect(body.error.details).toMatch(/10 MB/);
		expect(emu.snapshot().ncp.files).toHaveLength(1);
	});

	it('rejects a body without a fileList file part (400 77102) and a non-multipart body (415 77002)', async () => {
		await expectServiceError(await ncpFetch(emu, FILES, { method: 'POST', body: fileForm([['a.txt', bytes(3)]], 'file') }), 400, '77102');
		const textOnly = new FormData();
		textOnly.append('fileList', 'just text');
		await expectServiceError(await ncpFetch(emu, FILES, { method: 'POST', body: textOnly }), 400, '77102');
		const jsonBody = await ncpFetch(emu, FILES, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
		await expectServiceError(jsonBody, 415, '77002');
	});

	it('gets, deletes and then no longer finds an upload', async () => {
		const created = await upload([['a.txt', bytes(5)], ['b.txt', bytes(6)]]);
		const got = await ncpFetch(emu, `${FILES}/${created.tempRequestId}`);
		expect(got.status).toBe(200);
		expect(await json(got)).toEqual(created);
		const deleted = await ncpFetch(emu, `${FILES}/${created.tempRequestId}`, { method: 'DELETE' });
		expect(deleted.status).toBe(200);
		expect(await json(deleted)).toEqual(created);
		await expectServiceError(await ncpFetch(emu, `${FILES}/${created.tempRequestId}`), 400, '77103');
		await expectServiceError(await ncpFetch(emu, `${FILES}/${created.tempRequestId}`, { method: 'DELETE' }), 400, '77103');
		expect(emu.snapshot().ncp.files).toHaveLength(0);
	});

	it('answers an unknown tempRequestId with 400 77103', async () => {
		await expectServiceError(await ncpFetch(emu, `${FILES}/no-such-id-99`), 400, '77103');
	});

	it('percent-decodes the id segment once (signature over the encoded target)', async () => {
		const { tempRequestId } = await upload([['a.txt', bytes(5)]]);
		const encoded = (tempRequestId as string).replace(/-/g, '%2D');
		expect((await ncpFetch(emu, `${FILES}/${encoded}`)).status).toBe(200);
		const doubly = (tempRequestId as string).replace(/-/g, '%252D');
		await expectServiceError(await ncpFetch(emu, `${FILES}/${doubly}`), 400, '77103');
	});
});
