import { chain, fixtureSource, readBinary } from '../engine/harness';
import { nock } from '../engine/nock';
import {
	attachmentNode,
	engineSetup,
	hasValidNcpSignature,
	multipartOf,
	NCP_ORIGIN,
	runWorkflow,
	SECRETS,
	visibleText,
	type CapturedPart,
} from './setup';

const PDF = Buffer.from('%PDF-1.7 invoice bytes \u0000\u00ff');
const files = (...ids: string[]) => ids.map((id, index) => ({ fileName: `f${index}.pdf`, fileSize: 10 + index, fileId: id }));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('NCP Upload', () => {
	it('uploads one file from a filesystem-mode binary, signed, and returns the IDs the mail API takes', async () => {
		let parts: CapturedPart[] = [];
		let signed = false;
		const api = nock(NCP_ORIGIN)
			.post('/api/v1/files')
			.reply(async (request: Request) => {
				signed = hasValidNcpSignature(request);
				parts = await multipartOf(request);
				return [201, { tempRequestId: 'tmp-1', files: files('file-1') }];
			});
		const workflow = chain(
			fixtureSource([{ json: { order: 7 }, binary: { data: { base64: PDF.toString('base64'), fileName: 'invoice.pdf', mimeType: 'application/pdf' } } }]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data' }),
		);
		const result = await runWorkflow(workflow, engineSetup());

		expect(api.isDone()).toBe(true);
		expect(signed).toBe(true);
		expect(parts).toEqual([{ name: 'fileList', fileName: 'invoice.pdf', mimeType: 'application/pdf', bytes: PDF }]);
		const [item] = result.outputOf('Attachment');
		expect(item.json).toEqual({
			tempRequestId: 'tmp-1',
			tempRequestIds: ['tmp-1'],
			files: files('file-1').map((file) => ({ ...file, tempRequestId: 'tmp-1' })),
			fileIds: ['file-1'],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary).toBeUndefined();
	});

	it('sends several binary fields as several fileList parts of one request, from inline binaries too', async () => {
		let parts: CapturedPart[] = [];
		nock(NCP_ORIGIN)
			.post('/api/v1/files')
			.reply(async (request: Request) => {
				parts = await multipartOf(request);
				return [201, { tempRequestId: 'tmp-2', files: files('a', 'b') }];
			});
		const workflow = chain(
			fixtureSource([
				{
					json: {},
					binary: {
						first: { text: 'first file', fileName: '첫번째.txt', mode: 'inline' },
						second: { text: 'second file', fileName: 'second.txt', mode: 'filesystem' },
					},
				},
			]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'first, second', requestMode: 'single' }),
		);
		const result = await runWorkflow(workflow, engineSetup());

		expect(parts.map((part) => [part.name, part.fileName, part.bytes?.toString()])).toEqual([
			['fileList', '첫번째.txt', 'first file'],
			['fileList', 'second.txt', 'second file'],
		]);
		expect(result.outputOf('Attachment')[0].json.fileIds).toEqual(['a', 'b']);
	});

	it('sends one request per file on request, and gathers every tempRequestId', async () => {
		const seen: string[] = [];
		nock(NCP_ORIGIN)
			.post('/api/v1/files')
			.times(2)
			.reply(async (request: Request) => {
				const [part] = await multipartOf(request);
				seen.push(part.fileName as string);
				return [201, { tempRequestId: `tmp-${part.fileName}`, files: [{ fileName: part.fileName, fileSize: 1, fileId: `id-${part.fileName}` }] }];
			});
		const workflow = chain(
			fixtureSource([{ json: {}, binary: { a: { text: 'a', fileName: 'a.txt' }, b: { text: 'b', fileName: 'b.txt' } } }]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'a,b', requestMode: 'perFile' }),
		);
		const result = await runWorkflow(workflow, engineSetup());

		expect(seen).toEqual(['a.txt', 'b.txt']);
		expect(result.outputOf('Attachment')[0].json).toMatchObject({
			tempRequestId: 'tmp-a.txt,tmp-b.txt',
			tempRequestIds: ['tmp-a.txt', 'tmp-b.txt'],
			fileIds: ['id-a.txt', 'id-b.txt'],
		});
	});

	it('names the files already stored when a per-file upload fails midway', async () => {
		nock(NCP_ORIGIN)
			.post('/api/v1/files')
			.reply(201, { tempRequestId: 'tmp-first', files: files('x') })
			.post('/api/v1/files')
			.reply(500, { error: { errorCode: '77303', message: 'Internal server error' } });
		const workflow = chain(
			fixtureSource([{ json: {}, binary: { a: { text: 'a', fileName: 'a.txt' }, b: { text: 'b', fileName: 'b.txt' } } }]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'a,b', requestMode: 'perFile' }, { continueOnFail: true }),
		);
		const [item] = (await runWorkflow(workflow, engineSetup())).outputOf('Attachment');
		expect(item.json.error).toBe('NAVER Cloud Outbound Mailer: HTTP 500, code 77303: Internal server error');
		expect(item.json.description).toContain('tempRequestId tmp-first');
	});

	it('keeps the input binary on the output item when asked, for a later email step', async () => {
		nock(NCP_ORIGIN).post('/api/v1/files').reply(201, { tempRequestId: 't', files: files('f') });
		const workflow = chain(
			fixtureSource([{ json: {}, binary: { data: { text: 'keep me', fileName: 'keep.txt' } } }]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data', options: { keepInputBinary: true } }),
		);
		const [item] = (await runWorkflow(workflow, engineSetup())).outputOf('Attachment');
		expect(item.json.fileIds).toEqual(['f']);
		expect((await readBinary(item, 'data')).toString()).toBe('keep me');
	});

	it.each([
		['a missing binary property', { data: { text: 'x', fileName: 'x.txt' } }, 'nope', /Item 0 has no binary property "nope"/],
		['an empty file', { data: { text: '', fileName: 'empty.txt' } }, 'data', /"empty.txt" in binary property "data" of item 0 is empty/],
		[
			'a file over 10 MB, from its metadata',
			{ data: { size: 10 * 1024 * 1024 + 1, fill: 'x', fileName: 'big.bin' } },
			'data',
			/"big.bin" in binary property "data" of item 0 is 10,485,761 bytes; Cloud Outbound Mailer accepts at most 10,485,760 bytes per file/,
		],
	])('refuses %s before any request', async (_case, binary, property, message) => {
		const api = nock(NCP_ORIGIN).post('/api/v1/files').reply(201, {});
		const workflow = chain(
			fixtureSource([{ json: {}, binary }]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: property }),
		);
		const result = await runWorkflow(workflow, engineSetup());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(api.isDone()).toBe(false);
	});
});

describe('NCP Get and Delete', () => {
	it('gets the files of a tempRequestId, with the ID encoded into one signed path segment', async () => {
		let signed = false;
		const api = nock(NCP_ORIGIN)
			.get('/api/v1/files/a%2Fb%3Fc%20d')
			.reply(function () {
				return [200, { tempRequestId: 'a/b?c d', files: files('g1') }];
			});
		api.on('request', (request: Request) => (signed = hasValidNcpSignature(request)));
		const workflow = chain(
			fixtureSource([{ json: { id: 'a/b?c d' } }]),
			attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: '={{ $json.id }}' }),
		);
		const result = await runWorkflow(workflow, engineSetup());
		expect(api.isDone()).toBe(true);
		expect(signed).toBe(true);
		expect(result.outputOf('Attachment')[0].json).toEqual({
			tempRequestId: 'a/b?c d',
			tempRequestIds: ['a/b?c d'],
			files: files('g1').map((file) => ({ ...file, tempRequestId: 'a/b?c d' })),
			fileIds: ['g1'],
		});
	});

	it('deletes, one output per input item with pairedItem, and one error item for the unknown ID', async () => {
		nock(NCP_ORIGIN)
			.delete('/api/v1/files/t1')
			.reply(200, { tempRequestId: 't1', files: files('d1') })
			.delete('/api/v1/files/missing')
			.reply(400, { error: { errorCode: '77103', message: 'Requested resource does not exist' } })
			.delete('/api/v1/files/t3')
			.reply(200, { tempRequestId: 't3', files: [] });
		const workflow = chain(
			fixtureSource([{ json: { id: 't1' } }, { json: { id: 'missing' } }, { json: { id: 't3' } }]),
			attachmentNode({ resource: 'ncp', operation: 'delete', tempRequestId: '={{ $json.id }}' }, { continueOnFail: true }),
		);
		const output = (await runWorkflow(workflow, engineSetup())).outputOf('Attachment');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toEqual({
			tempRequestId: 't1',
			tempRequestIds: ['t1'],
			files: files('d1').map((file) => ({ ...file, tempRequestId: 't1' })),
			fileIds: ['d1'],
			deleted: true,
		});
		expect(output[1].json).toMatchObject({
			error: 'NAVER Cloud Outbound Mailer: HTTP 400, code 77103: Requested resource does not exist',
			httpCode: '400',
			apiCode: '77103',
			provider: 'NAVER Cloud Outbound Mailer',
		});
		expect(output[2].json.deleted).toBe(true);
	});

	it('stops at the failing item without Continue On Fail, naming provider, status, code and the clock hint', async () => {
		nock(NCP_ORIGIN)
			.get('/api/v1/files/t1')
			.reply(401, { error: { errorCode: '200', message: 'Authentication Failed', details: 'Invalid timestamp' } });
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: 't1' }),
		);
		const result = await runWorkflow(workflow, engineSetup());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('NAVER Cloud Outbound Mailer: HTTP 401, API gateway code 200: Authentication Failed - Invalid timestamp');
		expect(error?.description).toMatch(/clock/);
		for (const secret of SECRETS) expect(visibleText(result)).not.toContain(secret);
	});

	it.each(['', '..', '  '])('refuses the ID %p locally', async (id) => {
		const api = nock(NCP_ORIGIN).get(() => true).reply(200, {});
		const workflow = chain(
			fixtureSource([{ json: { id } }]),
			attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: '={{ $json.id }}' }),
		);
		const error = (await runWorkflow(workflow, engineSetup())).errorOf('Attachment');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/Temp Request ID of item 0/);
		expect(api.isDone()).toBe(false);
	});
});
