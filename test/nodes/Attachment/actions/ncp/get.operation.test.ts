import { chain, fixtureSource } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	attachmentNode,
	engineSetup,
	hasValidNcpSignature,
	NCP_ORIGIN,
	runWorkflow,
	SECRETS,
	visibleText,
} from '../../shared';

const files = (...ids: string[]) => ids.map((id, index) => ({ fileName: `f${index}.pdf`, fileSize: 10 + index, fileId: id }));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('NCP Get', () => {
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
