import { chain, fixtureSource } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	attachmentNode,
	engineSetup,
	NCP_ORIGIN,
	runWorkflow,
} from '../../shared';

const files = (...ids: string[]) => ids.map((id, index) => ({ fileName: `f${index}.pdf`, fileSize: 10 + index, fileId: id }));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('NCP Delete', () => {
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
});
