import { chain, fixtureSource, readBinary } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	APP_KEY,
	ATTACHMENTS,
	attachment,
	expectNothingLeaked,
	nhnNode,
	ok,
	PROVIDER,
	refused,
	seenOf,
	STORED_TOKEN,
	withStoredToken,
	type Seen,
} from './shared';
import { NHN_ORIGIN, resetTokenCache, runWorkflow } from '../../shared';

const PREVIEW_ORIGIN = 'https://preview.example.test';
const NOT_FOUND = refused(404202, 'Attachment not found');

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('NHN Get', () => {
	it('outputs the attachment, asked for with its ID encoded in one path segment', async () => {
		const found = attachment('a/b c', { previewUrl: `${PREVIEW_ORIGIN}/p/1` });
		const seen: Seen[] = [];
		nock(NHN_ORIGIN)
			.get(`${ATTACHMENTS}/a%2Fb%20c`)
			.reply(async (request: Request) => {
				seen.push(await seenOf(request));
				return [200, ok({ attachment: found })];
			});
		const workflow = chain(fixtureSource([{ json: { id: 'a/b c' } }]), nhnNode({ operation: 'get', attachmentId: '={{ $json.id }}' }));
		const result = await runWorkflow(workflow, withStoredToken());

		expect(seen.map((request) => [request.path, request.appKey, request.authorization])).toEqual([
			[`${ATTACHMENTS}/a%2Fb%20c`, APP_KEY, `Bearer ${STORED_TOKEN}`],
		]);
		const [item] = result.outputOf('Attachment');
		expect(item.json).toEqual(found);
		expect(item.binary).toBeUndefined();
		expectNothingLeaked(result);
	});

	it('downloads the file from the preview URL into the named binary field, without the credential headers', async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
		const found = attachment('att-logo', { fileName: '로고.png', fileFormat: 'PNG', previewUrl: `${PREVIEW_ORIGIN}/files/att-logo?sig=abc` });
		nock(NHN_ORIGIN).get(`${ATTACHMENTS}/att-logo`).reply(200, ok({ attachment: found }));
		let previewHeaders = new Headers();
		const preview = nock(PREVIEW_ORIGIN)
			.get('/files/att-logo')
			.query({ sig: 'abc' })
			.reply((request: Request) => {
				previewHeaders = request.headers;
				return [200, png, { 'content-type': 'image/png' }];
			});
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			nhnNode({ operation: 'get', attachmentId: 'att-logo', download: true, binaryPropertyName: 'logo' }),
		);
		const result = await runWorkflow(workflow, withStoredToken());

		expect(preview.isDone()).toBe(true);
		expect(previewHeaders.get('x-nhn-authorization')).toBeNull();
		expect(previewHeaders.get('x-nc-app-key')).toBeNull();
		expect(previewHeaders.get('authorization')).toBeNull();
		const [item] = result.outputOf('Attachment');
		expect(item.json).toEqual(found);
		expect(item.binary?.logo).toMatchObject({ fileName: '로고.png', mimeType: 'image/png' });
		expect(await readBinary(item, 'logo')).toEqual(png);
		expectNothingLeaked(result);
	});

	it.each([403, 404])('says the preview URL has expired when it answers %i', async (status) => {
		const found = attachment('att-old', { previewUrl: `${PREVIEW_ORIGIN}/files/att-old` });
		nock(NHN_ORIGIN).get(`${ATTACHMENTS}/att-old`).reply(200, ok({ attachment: found }));
		nock(PREVIEW_ORIGIN).get('/files/att-old').reply(status, '<Error>AccessDenied</Error>', { 'content-type': 'application/xml' });
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			nhnNode({ operation: 'get', attachmentId: 'att-old', download: true, binaryPropertyName: 'data' }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${PROVIDER}: HTTP ${status}: The preview URL did not serve the file`);
		expect(error?.description).toMatch(/Preview URLs expire.*run Get again/);
		expectNothingLeaked(result);
	});

	it('stops at an expired attachment with the provider, status, code and the 7-day hint', async () => {
		nock(NHN_ORIGIN).get(`${ATTACHMENTS}/gone`).reply(404, NOT_FOUND);
		const workflow = chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'get', attachmentId: 'gone' }));
		const result = await runWorkflow(workflow, withStoredToken());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${PROVIDER}: HTTP 404, code 404202: Attachment not found`);
		expect(error?.description).toMatch(/kept for 7 days/);
		expect(result.error?.message).toBe(error?.message);
		expectNothingLeaked(result);
	});
});

describe('NHN items and failures', () => {
	const api = () =>
		nock(NHN_ORIGIN)
			.get(`${ATTACHMENTS}/a0`)
			.reply(200, ok({ attachment: attachment('a0') }))
			.get(`${ATTACHMENTS}/gone`)
			.reply(404, NOT_FOUND)
			.get(`${ATTACHMENTS}/a2`)
			.reply(200, ok({ attachment: attachment('a2') }));
	const workflow = (continueOnFail: boolean) =>
		chain(
			fixtureSource([{ json: { id: 'a0' } }, { json: { id: 'gone' } }, { json: { id: 'a2' } }]),
			nhnNode({ operation: 'get', attachmentId: '={{ $json.id }}' }, { continueOnFail }),
		);

	it('with Continue On Fail gives exactly 3 items, paired 0, 1, 2, the failing one an error item', async () => {
		const scope = api();
		const result = await runWorkflow(workflow(true), withStoredToken());
		const output = result.outputOf('Attachment');

		expect(scope.isDone()).toBe(true);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.attachmentId).toBe('a0');
		expect(output[1].json).toEqual({
			error: `${PROVIDER}: HTTP 404, code 404202: Attachment not found`,
			httpCode: '404',
			apiCode: '404202',
			provider: PROVIDER,
			description: expect.stringMatching(/kept for 7 days/),
		});
		expect(output[2].json.attachmentId).toBe('a2');
		expectNothingLeaked(result);
	});

	it('without it stops the run at the failing item with the NodeApiError', async () => {
		api();
		const result = await runWorkflow(workflow(false), withStoredToken());
		const error = result.errorOf('Attachment');

		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${PROVIDER}: HTTP 404, code 404202: Attachment not found`);
		expect(error?.context).toMatchObject({ itemIndex: 1, apiCode: '404202' });
		expect(result.error?.message).toBe(error?.message);
		expect(() => result.outputOf('Attachment')).toThrow(/Attachment not found/);
		expectNothingLeaked(result);
	});
});
