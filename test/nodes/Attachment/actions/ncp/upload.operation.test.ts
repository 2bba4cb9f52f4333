import { chain, fixtureSource, readBinary } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	attachmentNode,
	engineSetup,
	hasValidNcpSignature,
	multipartOf,
	NCP_ORIGIN,
	runWorkflow,
	type CapturedPart,
} from '../../shared';

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

	it('in one request, fails the item when the service keeps fewer files than it was sent, naming what it kept', async () => {
		nock(NCP_ORIGIN).post('/api/v1/files').reply(201, { tempRequestId: 'tmp-kept-1', files: files('a') });
		const workflow = chain(
			fixtureSource([{ json: {}, binary: { first: { text: 'first file', fileName: 'a.txt' }, second: { text: 'second file', fileName: 'b.txt' } } }]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'first, second', requestMode: 'single' }, { continueOnFail: true }),
		);
		const [item] = (await runWorkflow(workflow, engineSetup())).outputOf('Attachment');
		expect(item.json.error).toBe('Cloud Outbound Mailer kept 1 of the 2 files of item 0 sent in one request (tempRequestId tmp-kept-1)');
		expect(item.json.description).toBe('Files kept: "f0.pdf". Use "One Request per File", or delete that tempRequestId and upload again.');
		expect(item.json.fileIds).toBeUndefined();
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
