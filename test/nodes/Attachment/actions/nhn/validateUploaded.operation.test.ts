import type { INodeParameters } from 'n8n-workflow';

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
	refused,
	seenOf,
	STORED_TOKEN,
	SUCCESS,
	withStoredToken,
	type Seen,
} from './shared';
import { NHN_ORIGIN, resetTokenCache, runWorkflow } from '../../shared';

const TYPES = ['EMAIL_DEFAULT', 'SMS_DEFAULT'];
const VALID = (fileType: string) => ({ fileType, valid: true, code: '0', message: 'SUCCESS' });

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

describe('NHN Validate Uploaded', () => {
	const ID = 'att/2026 11';
	const PATH = `${ATTACHMENTS}/att%2F2026%2011/do-validate`;
	const validateUploaded = (options: INodeParameters = {}) =>
		chain(
			fixtureSource([{ json: { id: ID } }]),
			nhnNode({ operation: 'validateUploaded', attachmentId: '={{ $json.id }}', fileTypes: TYPES, options }),
		);

	it('sends the file types as JSON to the encoded attachment path and reports valid', async () => {
		const seen: Seen[] = [];
		postApi(PATH, seen, 200, ok({ results: [SUCCESS, SUCCESS] }));
		const result = await runWorkflow(validateUploaded(), withStoredToken());

		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ path: PATH, appKey: APP_KEY, authorization: `Bearer ${STORED_TOKEN}` });
		expect(seen[0].contentType).toMatch(/^application\/json/);
		expect(seen[0].json).toEqual({ fileTypes: TYPES });
		expect(result.outputOf('Attachment')[0].json).toEqual({
			attachmentId: ID,
			valid: true,
			fileTypes: TYPES,
			results: [VALID('EMAIL_DEFAULT'), VALID('SMS_DEFAULT')],
		});
		expectNothingLeaked(result);
	});

	it('reads a refused format as valid: false, and as an error with Fail on Invalid', async () => {
		const badFormat = failure(400613, 'Invalid media format');
		postApi(PATH, [], 400, refused(400613, 'Invalid media format', { results: [SUCCESS, badFormat] }));
		const verdict = await runWorkflow(validateUploaded(), withStoredToken());
		expect(verdict.outputOf('Attachment')[0].json).toEqual({
			attachmentId: ID,
			valid: false,
			fileTypes: TYPES,
			results: [VALID('EMAIL_DEFAULT'), { fileType: 'SMS_DEFAULT', valid: false, code: '400613', message: 'Invalid media format' }],
		});

		postApi(PATH, [], 400, refused(400613, 'Invalid media format', { results: [SUCCESS, badFormat] }));
		const failed = await runWorkflow(validateUploaded({ failOnInvalid: true }), withStoredToken());
		expect(failed.errorOf('Attachment')?.message).toBe(
			`${PROVIDER}: HTTP 400, code 400613: Validation failed for SMS_DEFAULT: Invalid media format`,
		);
		expectNothingLeaked(verdict);
		expectNothingLeaked(failed);
	});

	it('treats an expired attachment as an error, not as a verdict', async () => {
		postApi(PATH, [], 404, refused(404202, 'Attachment not found'));
		const result = await runWorkflow(validateUploaded(), withStoredToken());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${PROVIDER}: HTTP 404, code 404202: Attachment not found`);
		expect(error?.description).toMatch(/kept for 7 days/);
		expectNothingLeaked(result);
	});
});
