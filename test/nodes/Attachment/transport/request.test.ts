import { createHash } from 'crypto';

import { STREAM_FROM_BYTES } from '../../../../nodes/Attachment/helpers/binary-input';
import { chain, fixtureSource } from '../../../engine/harness';
import { nock } from '../../../engine/nock';
import { attachmentNode, emulatorEngineCredentials, engineSetup, NCP_ORIGIN, runWorkflow, useEmulator } from '../shared';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const fileItem = { json: {}, binary: { data: { text: 'bytes', fileName: 'a.txt' } } };
const stored = { tempRequestId: 't', files: [{ fileName: 'a.txt', fileSize: 5, fileId: 'f' }] };

describe('retries', () => {
	it('retries a read after 503 with Retry-After and 502, then succeeds', async () => {
		const api = nock(NCP_ORIGIN)
			.get('/api/v1/files/t')
			.reply(503, { error: { message: 'busy' } }, { 'Retry-After': '0' })
			.get('/api/v1/files/t')
			.reply(502, '<html>Bad Gateway</html>', { 'Retry-After': '0' })
			.get('/api/v1/files/t')
			.reply(200, stored);
		const workflow = chain(fixtureSource([{ json: {} }]), attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: 't' }));
		const result = await runWorkflow(workflow, engineSetup());
		expect(api.isDone()).toBe(true);
		expect(result.outputOf('Attachment')[0].json.fileIds).toEqual(['f']);
	});

	it('never repeats an upload after a 502: the file may already be stored', async () => {
		const api = nock(NCP_ORIGIN).post('/api/v1/files').reply(502, 'Bad Gateway', { 'Retry-After': '0' });
		const second = nock(NCP_ORIGIN).post('/api/v1/files').reply(201, stored);
		const workflow = chain(
			fixtureSource([fileItem]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data' }, { continueOnFail: true }),
		);
		const [item] = (await runWorkflow(workflow, engineSetup())).outputOf('Attachment');
		expect(api.isDone()).toBe(true);
		expect(second.isDone()).toBe(false);
		expect(item.json.error).toBe('NAVER Cloud Outbound Mailer: HTTP 502: The request failed with a non-JSON answer');
	});

	it('repeats an upload refused with 429, which the service never processed', async () => {
		const api = nock(NCP_ORIGIN)
			.post('/api/v1/files')
			.reply(429, { error: { errorCode: '420', message: 'Rate Limited' } }, { 'Retry-After': '0' })
			.post('/api/v1/files')
			.reply(201, stored);
		const workflow = chain(fixtureSource([fileItem]), attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data' }));
		const result = await runWorkflow(workflow, engineSetup());
		expect(api.isDone()).toBe(true);
		expect(result.outputOf('Attachment')[0].json.tempRequestId).toBe('t');
	});

	it('gives up after the configured attempts and says how many', async () => {
		const api = nock(NCP_ORIGIN).get('/api/v1/files/t').times(3).reply(503, { error: { message: 'busy' } }, { 'Retry-After': '0' });
		const extra = nock(NCP_ORIGIN).get('/api/v1/files/t').reply(200, stored);
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: 't', options: { retries: 2 } }),
		);
		const error = (await runWorkflow(workflow, engineSetup())).errorOf('Attachment');
		expect(api.isDone()).toBe(true);
		expect(extra.isDone()).toBe(false);
		expect(error?.message).toBe('NAVER Cloud Outbound Mailer: HTTP 503: busy');
		expect(error?.description).toContain('Gave up after 3 attempts.');
	});

	it('does not wait longer than Max Retry Wait for a Retry-After', async () => {
		const api = nock(NCP_ORIGIN).get('/api/v1/files/t').reply(429, { error: { message: 'slow down' } }, { 'Retry-After': '60' });
		const retried = nock(NCP_ORIGIN).get('/api/v1/files/t').reply(200, stored);
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: 't', options: { maxRetryWaitMs: 1000 } }),
		);
		const error = (await runWorkflow(workflow, engineSetup())).errorOf('Attachment');
		expect(api.isDone()).toBe(true);
		expect(retried.isDone()).toBe(false);
		expect(error?.message).toBe('NAVER Cloud Outbound Mailer: HTTP 429: slow down');
	});
});

// Stored files of 1 MiB or more are streamed from storage into the request. nock cannot intercept a body that a
// file stream feeds, so these runs go to the emulator, a real server on 127.0.0.1 that checks what it receives.
describe('streamed uploads of stored files', () => {
	const emulator = useEmulator();

	const SIZE = 3 * STREAM_FROM_BYTES + 123;
	const FILL = 'streamed ';
	const expectedSha = createHash('sha256').update(Buffer.alloc(SIZE, FILL)).digest('hex');

	const credentials = (issuedAccessToken = '') => emulatorEngineCredentials(emulator(), issuedAccessToken);

	const bigFile = fixtureSource([{ json: {}, binary: { data: { size: SIZE, fill: FILL, fileName: 'big.txt', mimeType: 'text/plain' } } }]);

	it('NCP stores the exact bytes of a file streamed from storage', async () => {
		const result = await runWorkflow(
			chain(bigFile, attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data' })),
			engineSetup(credentials()),
		);
		const [item] = result.outputOf('Attachment');
		const stored = emulator().snapshot().ncp.files.filter((file) => file.tempRequestId === item.json.tempRequestId);
		expect(stored.map((file) => [file.fileName, file.size, file.sha256])).toEqual([['big.txt', SIZE, expectedSha]]);
	});

	it('NHN resends a streamed upload intact after renewing a refused token', async () => {
		const before = emulator().snapshot().nhn.tokensIssued;
		const result = await runWorkflow(
			chain(
				bigFile,
				attachmentNode({ resource: 'nhn', operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT'] }),
			),
			engineSetup(credentials('a-token-the-emulator-never-issued')),
		);
		const [item] = result.outputOf('Attachment');
		const state = emulator().snapshot();
		const stored = state.nhn.attachments.find((attachment) => attachment.attachmentId === item.json.attachmentId);
		expect(stored && [stored.size, stored.sha256]).toEqual([SIZE, expectedSha]);
		expect(state.nhn.tokensIssued - before).toBe(1);
		expect(item.json.fileSizeByte).toBe(SIZE);
	});
});
