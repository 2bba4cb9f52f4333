import type { INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { chain, credentialsFor, fixtureSource, readBinary, runWorkflow, workflowNode } from './harness';
import type { EngineSetup, FixtureItem } from './harness';
import { parseMultipart, withLocalServer } from './http';
import { nock } from './nock';
import { ApiCall, BinaryProbe, TOKEN_URL, TestKeyApi, TestTokenApi } from './test-nodes';

const MAIL = 'https://mail.apigw.ntruss.com';
const TOKEN_ORIGIN = new URL(TOKEN_URL).origin;
const TOKEN_PATH = new URL(TOKEN_URL).pathname;

const setup = (stored: EngineSetup['credentials'] = {}): EngineSetup => ({
	nodeTypes: { 'test.apiCall': new ApiCall(), 'test.binaryProbe': new BinaryProbe() },
	credentialTypes: { testTokenApi: new TestTokenApi(), testKeyApi: new TestKeyApi() },
	credentials: stored,
});

const TOKEN_CREDS = { clientId: 'client-1', clientSecret: 'very-secret-value', sessionToken: '' };

const source = (items: FixtureItem[]) => fixtureSource(items);
const node = workflowNode;
const apiCall = (parameters: INodeParameters, extra: Partial<INode> = {}) =>
	node('Call', 'test.apiCall', parameters, { credentials: credentialsFor('testTokenApi'), ...extra });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('credentials: authenticate + preAuthentication through httpRequestWithAuthentication', () => {
	it('fetches the token when the expirable field is empty, persists it, and authenticates the request', async () => {
		const token = nock(TOKEN_ORIGIN)
			.post(TOKEN_PATH, { clientId: 'client-1', clientSecret: 'very-secret-value' })
			.reply(200, { accessToken: 'tok-1' });
		const api = nock(MAIL)
			.get('/api/v1/me')
			.matchHeader('authorization', 'Bearer tok-1')
			.times(2)
			.reply(200, { ok: true });

		const wf = chain(source([{ json: { n: 1 } }, { json: { n: 2 } }]), apiCall({ url: `${MAIL}/api/v1/me` }));
		const result = await runWorkflow(wf, setup({ testTokenApi: TOKEN_CREDS }));

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Call').map((i) => i.json)).toEqual([{ ok: true }, { ok: true }]);
		expect(token.isDone()).toBe(true); // once: item 2 read the persisted token
		expect(api.isDone()).toBe(true);
		expect(result.credentialUpdates).toEqual([{ type: 'testTokenApi', data: { ...TOKEN_CREDS, sessionToken: 'tok-1' } }]);
		expect(result.storedCredentials('testTokenApi')).toMatchObject({ sessionToken: 'tok-1', clientId: 'client-1' });
	});

	it('on 401 re-fetches the token once and retries the request', async () => {
		const token = nock(TOKEN_ORIGIN).post(TOKEN_PATH).once().reply(200, { accessToken: 'fresh' });
		const api = nock(MAIL)
			.post('/api/v1/send')
			.matchHeader('authorization', 'Bearer stale')
			.reply(401, { error: 'expired' })
			.post('/api/v1/send', { item: 0, n: 1 })
			.matchHeader('authorization', 'Bearer fresh')
			.reply(200, { sent: 1 });

		const wf = chain(source([{ json: { n: 1 } }]), apiCall({ url: `${MAIL}/api/v1/send`, method: 'POST', bodyMode: 'json' }));
		const result = await runWorkflow(wf, setup({ testTokenApi: { ...TOKEN_CREDS, sessionToken: 'stale' } }));

		expect(result.outputOf('Call')[0].json).toEqual({ sent: 1 });
		expect(token.isDone() && api.isDone()).toBe(true);
		expect(result.credentialUpdates.map((u) => u.data.sessionToken)).toEqual(['fresh']);
		expect(result.storedCredentials('testTokenApi').sessionToken).toBe('fresh');
	});

	it('a second 401 after the refresh fails the node with a NodeApiError (no further retry)', async () => {
		nock(TOKEN_ORIGIN).post(TOKEN_PATH).once().reply(200, { accessToken: 'fresh' });
		const api = nock(MAIL).get('/api/v1/me').twice().reply(401, { error: 'nope' });

		const wf = chain(source([{ json: {} }]), apiCall({ url: `${MAIL}/api/v1/me` }));
		const result = await runWorkflow(wf, setup({ testTokenApi: { ...TOKEN_CREDS, sessionToken: 'stale' } }));

		expect(api.isDone()).toBe(true);
		// Run data holds a plain copy of the error ({ ...error, message, stack }), as in n8n's database.
		const error = result.errorOf('Call');
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '401', context: { data: { error: 'nope' } } });
		expect(result.error?.message).toBe(error?.message);
		expect(() => result.outputOf('Call')).toThrow(/failed/);
	});

	it('generic authenticate resolves ={{$credentials.x}} into headers and qs (real socket on 127.0.0.1)', async () => {
		const seen: Array<{ url?: string; key?: string | string[] }> = [];
		await withLocalServer(
			(req, _body, res) => {
				seen.push({ url: req.url, key: req.headers['x-api-key'] });
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ echoed: req.url }));
			},
			async (origin) => {
				const wf = chain(
					source([{ json: {} }]),
					node('Call', 'test.apiCall', { authType: 'key', url: `${origin}/echo` }, { credentials: credentialsFor('testKeyApi') }),
				);
				const result = await runWorkflow(wf, setup({ testKeyApi: { apiKey: 'k-123' } }));
				expect(result.outputOf('Call')[0].json).toEqual({ echoed: '/echo?tenant=default-tenant' });
				expect(seen).toEqual([{ url: '/echo?tenant=default-tenant', key: 'k-123' }]);
				expect(result.credentialUpdates).toEqual([]);
			},
		);
	});
});

describe('multipart: platform FormData + Blob as body', () => {
	const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80, 0x0d, 0x0a]), Buffer.alloc(70_000, 0xab)]);
	const items: FixtureItem[] = [
		{ json: {}, binary: { data: { base64: pdf.toString('base64'), fileName: 'report.pdf', mimeType: 'application/pdf' } } },
	];
	const wf = () => chain(source(items), apiCall({ url: `${MAIL}/api/v1/files`, method: 'POST', bodyMode: 'multipart' }));

	/** nock 15 calls a reply function with the Fetch API `Request` (not `(uri, body)` as nock <= 14 did). */
	function recordUploads(status: number[]) {
		const bodies: Array<{ contentType: string; body: Buffer; auth: string }> = [];
		const scope = nock(MAIL);
		for (const code of status) {
			scope.post('/api/v1/files').reply(async (request: Request) => {
				bodies.push({
					contentType: String(request.headers.get('content-type')),
					body: Buffer.from(await request.arrayBuffer()),
					auth: String(request.headers.get('authorization')),
				});
				return [code, code === 200 ? { fileId: 'f-1' } : { error: 'expired' }];
			});
		}
		return { bodies, scope };
	}

	async function expectIntact(upload: { contentType: string; body: Buffer }) {
		expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(upload.body.includes(pdf)).toBe(true);
		const { fields, files } = await parseMultipart(upload.contentType, upload.body);
		expect(JSON.parse(fields.meta)).toEqual({ item: 0, fileName: 'report.pdf' });
		expect(files.file).toMatchObject({ filename: 'report.pdf', mimeType: 'application/pdf' });
		expect(files.file.data.equals(pdf)).toBe(true);
	}

	it('arrives at nock intact', async () => {
		const { bodies } = recordUploads([200]);
		const result = await runWorkflow(wf(), setup({ testTokenApi: { ...TOKEN_CREDS, sessionToken: 'valid' } }));
		expect(result.outputOf('Call')[0].json).toEqual({ fileId: 'f-1' });
		expect(bodies).toHaveLength(1);
		await expectIntact(bodies[0]);
	});

	it('is resent intact after a 401 + token refresh', async () => {
		nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, { accessToken: 'fresh' });
		const { bodies } = recordUploads([401, 200]);
		const result = await runWorkflow(wf(), setup({ testTokenApi: { ...TOKEN_CREDS, sessionToken: 'stale' } }));
		expect(result.outputOf('Call')[0].json).toEqual({ fileId: 'f-1' });
		expect(bodies.map((b) => b.auth)).toEqual(['Bearer stale', 'Bearer fresh']);
		await expectIntact(bodies[0]);
		await expectIntact(bodies[1]);
		expect(bodies[1].body.length).toBe(bodies[0].body.length);
	});

	// A stream body goes to a real local server: nock 15.0.6 does not intercept a request whose
	// stream body yields data after the first tick (an fs stream from getBinaryStream): such a
	// request escapes to the real network even with disableNetConnect (seen: ENOTFOUND).
	it('a stream body is NOT resent after a 401: the token is refreshed, then the 401 surfaces (n8n-core behaviour)', async () => {
		nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, { accessToken: 'fresh' });
		const seen: Array<{ auth?: string; bytes: number }> = [];
		await withLocalServer(
			(req, body, res) => {
				seen.push({ auth: req.headers.authorization, bytes: body.length });
				res.statusCode = 401;
				res.end('{"error":"expired"}');
			},
			async (origin) => {
				const result = await runWorkflow(
					chain(source(items), apiCall({ url: `${origin}/api/v1/files`, method: 'POST', bodyMode: 'stream' })),
					setup({ testTokenApi: { ...TOKEN_CREDS, sessionToken: 'stale' } }),
				);
				expect(seen).toEqual([{ auth: 'Bearer stale', bytes: pdf.length }]);
				expect(result.errorOf('Call')).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
				expect(result.credentialUpdates.map((u) => u.data.sessionToken)).toEqual(['fresh']);
				const warned = result.logs.filter((l) => l.startsWith('warn') && l.includes('was not retried after refreshing'));
				expect(warned).toHaveLength(1);
			},
		);
	});
});

describe('binary data', () => {
	const probe = node('Probe', 'test.binaryProbe', { binaryProperty: 'data' });

	it('reads filesystem-mode (with id) and inline binaries, and outputs a new stored binary', async () => {
		const result = await runWorkflow(
			chain(
				source([
					{ json: { k: 'fs' }, binary: { data: { text: 'hello from disk', fileName: 'a.txt', mimeType: 'text/plain' } } },
					{ json: { k: 'inline' }, binary: { data: { text: 'inline bytes', fileName: 'b.txt', mimeType: 'text/plain', mode: 'inline' } } },
				]),
				probe,
			),
			setup(),
		);
		const input = result.outputOf('Source');
		expect(input[0].binary?.data.id).toMatch(/^filesystem-v2:/);
		expect(input[1].binary?.data).toEqual({ data: Buffer.from('inline bytes').toString('base64'), mimeType: 'text/plain', fileName: 'b.txt' });

		const out = result.outputOf('Probe');
		expect(out.map((i) => i.json)).toMatchObject([
			{ hasId: true, metadataSize: 15, streamLength: 15, length: 15, head: 'hello from disk' },
			{ hasId: false, metadataSize: null, streamLength: null, length: 12, head: 'inline bytes' },
		]);
		expect(out[0].binary?.out.id).toMatch(/^filesystem-v2:/);
		expect((await readBinary(out[0], 'out')).toString()).toBe('hello from disk|probed');
		expect((await readBinary(out[1], 'out')).toString()).toBe('inline bytes|probed');
		expect((await readBinary(input[1], 'data')).toString()).toBe('inline bytes');
	});

	it('emits a large binary from { size, fill } and reports its size from metadata', async () => {
		const size = 12 * 1024 * 1024;
		const result = await runWorkflow(
			chain(source([{ json: {}, binary: { data: { size, fill: 'x', fileName: 'big.bin' } } }]), probe),
			setup(),
		);
		const [item] = result.outputOf('Probe');
		expect(item.json).toMatchObject({ hasId: true, metadataSize: size, streamLength: size, length: size, head: 'x'.repeat(16) });
		expect(result.outputOf('Source')[0].binary?.data).toMatchObject({ bytes: size, fileName: 'big.bin' });
	});
});

describe('errors and item lineage', () => {
	const failing = (extra: Partial<INode>) =>
		chain(source([{ json: { a: 1 } }, { json: { a: 2 } }]), apiCall({ url: `${MAIL}/api/v1/me` }, extra));

	it('continueOnFail gives an error item and the workflow succeeds', async () => {
		nock(MAIL).get('/api/v1/me').reply(500, { error: 'boom' }).get('/api/v1/me').reply(200, { ok: 2 });
		const result = await runWorkflow(failing({ continueOnFail: true }), setup({ testTokenApi: { ...TOKEN_CREDS, sessionToken: 't' } }));
		expect(result.error).toBeUndefined();
		expect(result.errorOf('Call')).toBeUndefined();
		const out = result.outputOf('Call');
		expect(out[0].json.error).toBe('The service was not able to process your request');
		expect(out[1].json).toEqual({ ok: 2 });
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it("onError: 'continueRegularOutput' behaves the same; without it the node error is captured", async () => {
		nock(MAIL).get('/api/v1/me').times(3).reply(500, { error: 'boom' });
		const creds = { testTokenApi: { ...TOKEN_CREDS, sessionToken: 't' } };
		const tolerant = await runWorkflow(failing({ onError: 'continueRegularOutput' }), setup(creds));
		expect(tolerant.outputOf('Call').map((i) => Boolean(i.json.error))).toEqual([true, true]);

		const strict = await runWorkflow(failing({}), setup(creds));
		expect(strict.errorOf('Call')).toMatchObject({ httpCode: '500' });
		expect(strict.run.status).toBe('error');
	});

	it('keeps pairedItem in run data and collects the log lines of the run', async () => {
		const result = await runWorkflow(
			chain(source([1, 2, 3].map((n) => ({ json: { n }, binary: { data: { text: `file ${n}` } } }))), node('Probe', 'test.binaryProbe', {})),
			setup(),
		);
		const data: INodeExecutionData[] = result.runData.Probe[0].data!.main[0]!;
		expect(data.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.runData.Probe[0].source).toEqual([{ previousNode: 'Source', previousNodeOutput: 0, previousNodeRun: 0 }]);
		expect(result.outputOf('Source').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(result.logs).toEqual(expect.arrayContaining([expect.stringMatching(/^debug: Running node "Probe" started/)]));
	});

	it('logs include debug lines written by nodes, with metadata, for secret scanning', async () => {
		nock(TOKEN_ORIGIN).post(TOKEN_PATH).reply(200, { accessToken: 'tok-log' });
		nock(MAIL).get('/api/v1/me').reply(200, { ok: true });
		const result = await runWorkflow(
			chain(source([{ json: {} }]), apiCall({ url: `${MAIL}/api/v1/me` })),
			{ ...setup({ testTokenApi: TOKEN_CREDS }), mode: 'internal' },
		);
		expect(result.logs).toContain(
			`debug: ApiCall: sending request { url: '${MAIL}/api/v1/me', credentialType: 'testTokenApi' }`,
		);
		const all = result.logs.join('\n');
		expect(all).not.toContain('very-secret-value');
		expect(all).not.toContain('tok-log');
	});

	it('accepts `items` as an array parameter too', async () => {
		const src = { ...source([]), parameters: { items: [{ json: { a: 1 } }, { json: { a: 2 } }] } } as unknown as INode;
		const result = await runWorkflow({ nodes: [src], connections: {} }, setup());
		expect(result.outputOf('Source').map((i) => i.json)).toEqual([{ a: 1 }, { a: 2 }]);
	});
});
