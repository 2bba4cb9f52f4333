// Both Uploads take the same inputs (one binary field, a comma-separated list, or * for all of the item's), NCP
// sends one request per file by default and says which request holds each file, Get and Delete take several
// tempRequestIds, and a missing binary field lists the ones the item has. In n8n-core's engine, HTTP faked by nock.
import { chain, fixtureSource } from '../../engine/harness';
import { nock } from '../../engine/nock';
import { ATTACHMENTS, nhnNode, ok, SUCCESS, withStoredToken } from './actions/nhn/shared';
import { attachmentNode, engineSetup, multipartOf, NCP_ORIGIN, NHN_ORIGIN, resetTokenCache, runWorkflow } from './shared';

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** What Aggregate › Include Binaries makes: one item, two binary fields. */
const twoFiles = () =>
	fixtureSource([{ json: {}, binary: { data: { text: 'first', fileName: 'a.txt' }, data_1: { text: 'second', fileName: 'b.txt' } } }]);

/** The NCP upload endpoint: one tempRequestId per request, named after the first file it carried. */
function ncpUploads(received: string[][]) {
	return nock(NCP_ORIGIN)
		.persist()
		.post('/api/v1/files')
		.reply(async (request: Request) => {
			const names = (await multipartOf(request)).map((part) => String(part.fileName));
			received.push(names);
			const files = names.map((fileName) => ({ fileName, fileSize: 5, fileId: `id-${fileName}` }));
			return [201, { tempRequestId: `tmp-${names[0]}`, files }];
		});
}

describe('NCP Upload', () => {
	it('by default sends one request per file, and with * takes every binary field of the item', async () => {
		const received: string[][] = [];
		ncpUploads(received);
		const result = await runWorkflow(chain(twoFiles(), attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: '*' })), engineSetup());

		expect(received.sort()).toEqual([['a.txt'], ['b.txt']]);
		const [item] = result.outputOf('Attachment');
		expect(item.json).toEqual({
			tempRequestId: 'tmp-a.txt,tmp-b.txt',
			tempRequestIds: ['tmp-a.txt', 'tmp-b.txt'],
			files: [
				{ fileName: 'a.txt', fileSize: 5, fileId: 'id-a.txt', tempRequestId: 'tmp-a.txt' },
				{ fileName: 'b.txt', fileSize: 5, fileId: 'id-b.txt', tempRequestId: 'tmp-b.txt' },
			],
			fileIds: ['id-a.txt', 'id-b.txt'],
		});
	});

	it('in one request, sends both files and names the one tempRequestId on each', async () => {
		const received: string[][] = [];
		ncpUploads(received);
		const node = attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data, data_1', requestMode: 'single' });
		const [item] = (await runWorkflow(chain(twoFiles(), node), engineSetup())).outputOf('Attachment');

		expect(received).toEqual([['a.txt', 'b.txt']]);
		expect(item.json.tempRequestIds).toEqual(['tmp-a.txt']);
		expect((item.json.files as Array<{ tempRequestId: string }>).map((file) => file.tempRequestId)).toEqual(['tmp-a.txt', 'tmp-a.txt']);
	});

	it('refuses a missing binary field before any request, naming the fields the item has', async () => {
		const received: string[][] = [];
		ncpUploads(received);
		const result = await runWorkflow(chain(twoFiles(), attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'file' })), engineSetup());

		expect(result.errorOf('Attachment')?.message).toBe('Item 0 has no binary property "file": its binary properties are "data", "data_1"');
		expect(received).toEqual([]);
	});

	it('refuses * on an item without binary data', async () => {
		const node = attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: '*' });
		const result = await runWorkflow(chain(fixtureSource([{ json: { no: 'file' } }]), node), engineSetup());
		expect(result.errorOf('Attachment')?.message).toMatch(/^Item 0 has no binary data/);
	});
});

describe('NCP Get and Delete with several tempRequestIds', () => {
	const answer = (id: string) => ({ tempRequestId: id, files: [{ fileName: `${id}.pdf`, fileSize: 1, fileId: `file-${id}` }] });

	it('Get takes the list an upload gave ({{ $json.tempRequestIds }}) and gathers the files of all', async () => {
		nock(NCP_ORIGIN).get('/api/v1/files/t1').reply(200, answer('t1')).get('/api/v1/files/t2').reply(200, answer('t2'));
		const source = fixtureSource([{ json: { tempRequestIds: ['t1', 't2'] } }]);
		const node = attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: '={{ $json.tempRequestIds }}' });
		const [item] = (await runWorkflow(chain(source, node), engineSetup())).outputOf('Attachment');

		expect(item.json).toEqual({
			tempRequestId: 't1,t2',
			tempRequestIds: ['t1', 't2'],
			files: [
				{ fileName: 't1.pdf', fileSize: 1, fileId: 'file-t1', tempRequestId: 't1' },
				{ fileName: 't2.pdf', fileSize: 1, fileId: 'file-t2', tempRequestId: 't2' },
			],
			fileIds: ['file-t1', 'file-t2'],
		});
	});

	it('Delete takes a per-file upload\'s tempRequestId (comma-separated) and deletes every request of it', async () => {
		const api = nock(NCP_ORIGIN).delete('/api/v1/files/t1').reply(200, answer('t1')).delete('/api/v1/files/t2').reply(200, answer('t2'));
		const source = fixtureSource([{ json: { tempRequestId: 't1,t2' } }]);
		const node = attachmentNode({ resource: 'ncp', operation: 'delete', tempRequestId: '={{ $json.tempRequestId }}' });
		const [item] = (await runWorkflow(chain(source, node), engineSetup())).outputOf('Attachment');

		expect(api.isDone()).toBe(true);
		expect(item.json).toMatchObject({ tempRequestIds: ['t1', 't2'], fileIds: ['file-t1', 'file-t2'], deleted: true });
	});

	it('Delete failing midway names the requests already deleted', async () => {
		nock(NCP_ORIGIN)
			.delete('/api/v1/files/t1')
			.reply(200, answer('t1'))
			.delete('/api/v1/files/t2')
			.reply(400, { error: { code: '77103', message: 'Requested resource does not exist' } });
		const node = attachmentNode({ resource: 'ncp', operation: 'delete', tempRequestId: 't1, t2' }, { continueOnFail: true });
		const [item] = (await runWorkflow(chain(fixtureSource([{ json: {} }]), node), engineSetup())).outputOf('Attachment');

		expect(item.json.error).toBe('NAVER Cloud Outbound Mailer: HTTP 400, code 77103: Requested resource does not exist');
		expect(item.json.description).toContain('Already deleted for this item: tempRequestId t1.');
	});
});

describe('NHN Upload', () => {
	it.each(['*', 'data, data_1'])('takes %s like NCP: one attachment and one output item per file, each paired with the input item', async (fields) => {
		const names: string[] = [];
		nock(NHN_ORIGIN)
			.persist()
			.post(ATTACHMENTS)
			.reply(async (request: Request) => {
				const fileName = (await multipartOf(request)).find((part) => part.name === 'fileName')?.value ?? '';
				names.push(fileName);
				return [200, ok({ attachmentId: `att-${fileName}`, results: [SUCCESS] })];
			});
		const node = nhnNode({ operation: 'upload', binaryPropertyName: fields, fileTypes: ['EMAIL_DEFAULT'] });
		const output = (await runWorkflow(chain(twoFiles(), node), withStoredToken())).outputOf('Attachment');

		expect(names.sort()).toEqual(['a.txt', 'b.txt']);
		expect(output.map((item) => item.json)).toEqual([
			{ attachmentId: 'att-a.txt', fileName: 'a.txt', fileSizeByte: 5, fileTypes: ['EMAIL_DEFAULT'] },
			{ attachmentId: 'att-b.txt', fileName: 'b.txt', fileSizeByte: 6, fileTypes: ['EMAIL_DEFAULT'] },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('refuses a File Name with several files before any request: it would name them all the same', async () => {
		const api = nock(NHN_ORIGIN).post(ATTACHMENTS).reply(200, ok({ attachmentId: 'x', results: [SUCCESS] }));
		const node = nhnNode({ operation: 'upload', binaryPropertyName: 'data,data_1', fileName: 'one.txt', fileTypes: ['EMAIL_DEFAULT'] });
		const result = await runWorkflow(chain(twoFiles(), node), withStoredToken());

		expect(result.errorOf('Attachment')?.message).toBe('File Name of item 0 names one file, but 2 binary fields are uploaded (data, data_1)');
		expect(api.isDone()).toBe(false);
	});
});
