// The node's three On Error settings in n8n-core's engine, on three items whose middle one fails at the API:
// which output each item leaves by, and what its error item says.
import type { IConnections, INodeExecutionData } from 'n8n-workflow';

import { fixtureSource } from '../../engine/harness';
import { nock } from '../../engine/nock';
import { attachmentNode, engineSetup, NCP_ORIGIN, runWorkflow } from './shared';

const IDS = ['tmp-first', 'tmp-missing', 'tmp-third'];
const MISSING = { error: { code: '77103', message: 'Requested resource does not exist' } };
const EXPECTED_MESSAGE = 'NAVER Cloud Outbound Mailer: HTTP 400, code 77103: Requested resource does not exist';
const EXPECTED_DESCRIPTION = 'The temporary file does not exist, or was deleted or has expired.';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** NCP Get answers the first and third tempRequestIds, and says the middle one does not exist. */
function ncpGetApi(): void {
	for (const id of IDS) {
		const scope = nock(NCP_ORIGIN).get(`/api/v1/files/${id}`);
		if (id === 'tmp-missing') scope.reply(400, MISSING);
		else scope.reply(200, { tempRequestId: id, files: [{ fileName: `${id}.pdf`, fileSize: 3, fileId: `file-${id}` }] });
	}
}

/** Source → NCP Get (with `onError`) → nothing: outputs are read from the Get node's own run data. */
function workflowWith(onError?: 'continueRegularOutput' | 'continueErrorOutput') {
	const nodes = [
		fixtureSource(IDS.map((tempRequestId) => ({ json: { tempRequestId } }))),
		attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: '={{ $json.tempRequestId }}' }, onError ? { onError } : {}),
	];
	const connections: IConnections = { Source: { main: [[{ node: 'Attachment', type: 'main', index: 0 }]] } };
	return { nodes, connections };
}

type Outputs = Array<INodeExecutionData[] | null>;

/** The Get node's outputs: [main] or [main, error]. */
function outputsOf(result: Awaited<ReturnType<typeof runWorkflow>>): Outputs {
	return result.runData.Attachment[0].data?.main ?? [];
}

const tempRequestIdsOf = (items: INodeExecutionData[] | null | undefined) => (items ?? []).map((item) => item.json.tempRequestId ?? item.json.error);

describe('On Error, three items, the middle one refused by the API', () => {
	it('Stop Workflow: the run fails with the middle item\'s error; no item leaves the node', async () => {
		ncpGetApi();
		const result = await runWorkflow(workflowWith(), engineSetup());

		expect(result.error?.message).toBe(EXPECTED_MESSAGE);
		const error = result.errorOf('Attachment');
		expect(error?.message).toBe(EXPECTED_MESSAGE);
		expect(error?.description).toBe(EXPECTED_DESCRIPTION);
		expect((error?.context as { itemIndex?: number } | undefined)?.itemIndex).toBe(1);
		expect(result.runData.Attachment[0].data).toBeUndefined();
	});

	it('Continue: all three leave by the one output, the middle one as an error item with its facts beside it', async () => {
		ncpGetApi();
		const result = await runWorkflow(workflowWith('continueRegularOutput'), engineSetup());

		expect(result.error).toBeUndefined();
		const [main, ...others] = outputsOf(result);
		expect(others).toEqual([]);
		expect(tempRequestIdsOf(main)).toEqual(['tmp-first', EXPECTED_MESSAGE, 'tmp-third']);
		expect(main?.[1]).toEqual({
			json: { error: EXPECTED_MESSAGE, description: EXPECTED_DESCRIPTION, httpCode: '400', provider: 'NAVER Cloud Outbound Mailer', apiCode: '77103' },
			pairedItem: { item: 1 },
		});
		expect(main?.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('Continue (using error output): items 0 and 2 on the success output, item 1 on the error output with its message and details', async () => {
		ncpGetApi();
		const result = await runWorkflow(workflowWith('continueErrorOutput'), engineSetup());

		expect(result.error).toBeUndefined();
		const [success, failure] = outputsOf(result);
		expect(tempRequestIdsOf(success)).toEqual(['tmp-first', 'tmp-third']);
		expect(success?.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failure).toHaveLength(1);
		const [failed] = failure ?? [];
		// n8n adds the input item's fields to an error item it moves: the tempRequestId that failed is there.
		expect(failed.json).toEqual({
			tempRequestId: 'tmp-missing',
			error: EXPECTED_MESSAGE,
			details: { description: EXPECTED_DESCRIPTION, httpCode: '400', provider: 'NAVER Cloud Outbound Mailer', apiCode: '77103' },
		});
		expect(failed.pairedItem).toEqual({ item: 1 });
	});
});
