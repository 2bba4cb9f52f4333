import { chain, fixtureSource } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	APP_KEY,
	ATTACHMENTS,
	expectNothingLeaked,
	failure,
	nhnNode,
	ok,
	PROVIDER,
	seenOf,
	STORED_TOKEN,
	SUCCESS,
	withStoredToken,
	type Seen,
} from './shared';
import { NHN_ORIGIN, resetTokenCache, runWorkflow } from '../../shared';

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** One POST to `path` answered with `status` and `body`, recording what it carried. */
function postApi(path: string, seen: Seen[], status: number, body: object) {
	return nock(NHN_ORIGIN)
		.post(path)
		.reply(async (request: Request) => {
			seen.push(await seenOf(request));
			return [status, body];
		});
}

describe('NHN Update File Types', () => {
	const update = (continueOnFail = false) =>
		chain(
			fixtureSource([{ json: {} }]),
			nhnNode({ operation: 'updateFileTypes', attachmentId: 'att-1', fileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'] }, { continueOnFail }),
		);

	it('sends the file types as JSON and confirms the update', async () => {
		const seen: Seen[] = [];
		postApi(`${ATTACHMENTS}/att-1/file-types`, seen, 200, ok({ results: [SUCCESS, SUCCESS] }));
		const result = await runWorkflow(update(), withStoredToken());

		expect(seen[0]).toMatchObject({ appKey: APP_KEY, authorization: `Bearer ${STORED_TOKEN}` });
		expect(seen[0].json).toEqual({ fileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'] });
		expect(result.outputOf('Attachment')[0].json).toEqual({
			attachmentId: 'att-1',
			fileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'],
			updated: true,
		});
		expectNothingLeaked(result);
	});

	it('reads a failed entry in results[] as an error, never updated: true', async () => {
		postApi(`${ATTACHMENTS}/att-1/file-types`, [], 200, ok({ results: [SUCCESS, failure(400613, 'Invalid media format')] }));
		const result = await runWorkflow(update(true), withStoredToken());
		const [item] = result.outputOf('Attachment');
		expect(item.json).toMatchObject({
			error: `${PROVIDER}: HTTP 200, code 400613: Partial failure: Invalid media format`,
			apiCode: '400613',
			provider: PROVIDER,
		});
		expect(item.json.updated).toBeUndefined();
		expectNothingLeaked(result);
	});
});
