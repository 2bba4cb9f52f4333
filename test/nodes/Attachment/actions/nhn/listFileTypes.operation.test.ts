import { chain, fixtureSource } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	APP_KEY,
	ATTACHMENTS,
	expectNothingLeaked,
	nhnNode,
	ok,
	seenOf,
	STORED_TOKEN,
	withStoredToken,
	type Seen,
} from './shared';
import { NHN_ORIGIN, resetTokenCache, runWorkflow } from '../../shared';

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('NHN List File Types', () => {
	it.each([
		['EMAIL', '?messageChannel=EMAIL', ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'], 'EMAIL'],
		['', '', ['EMAIL_DEFAULT', 'SMS_DEFAULT', 'RCS_DEFAULT', 'ALIMTALK_IMAGE'], null],
	])('for the channel %p asks with the query %p and lists the types', async (channel, search, fileTypes, messageChannel) => {
		const seen: Seen[] = [];
		nock(NHN_ORIGIN)
			.get(`${ATTACHMENTS}/file-types`)
			.query(true)
			.reply(async (request: Request) => {
				seen.push(await seenOf(request));
				return [200, ok({ fileTypes })];
			});
		const workflow = chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'listFileTypes', messageChannel: channel }));
		const result = await runWorkflow(workflow, withStoredToken());

		expect(seen.map((request) => [request.search, request.appKey, request.authorization])).toEqual([
			[search, APP_KEY, `Bearer ${STORED_TOKEN}`],
		]);
		expect(result.outputOf('Attachment')[0].json).toEqual({ messageChannel, fileTypes });
		expectNothingLeaked(result);
	});
});
