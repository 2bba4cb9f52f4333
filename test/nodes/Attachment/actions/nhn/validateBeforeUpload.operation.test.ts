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

const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const TYPES = ['EMAIL_DEFAULT', 'SMS_DEFAULT'];
const TOO_BIG = failure(400612, 'File size exceeded');
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

const photo = () =>
	fixtureSource([{ json: {}, binary: { data: { base64: JPG.toString('base64'), fileName: 'photo.jpg', mimeType: 'image/jpeg' } } }]);
const beforeUpload = (options: INodeParameters = {}) =>
	chain(photo(), nhnNode({ operation: 'validateBeforeUpload', binaryPropertyName: 'data', fileTypes: TYPES, options }));

describe('NHN Validate Before Upload', () => {
	it('sends the file as Upload does and reports a valid file per type', async () => {
		const seen: Seen[] = [];
		postApi(`${ATTACHMENTS}/do-validate`, seen, 200, ok({ results: [SUCCESS, SUCCESS] }));
		const result = await runWorkflow(beforeUpload(), withStoredToken());

		expect(seen[0]).toMatchObject({ appKey: APP_KEY, authorization: `Bearer ${STORED_TOKEN}` });
		expect(seen[0].parts).toEqual([
			{ name: 'file', fileName: 'photo.jpg', mimeType: 'image/jpeg', bytes: JPG },
			{ name: 'fileName', value: 'photo.jpg' },
			{ name: 'fileTypes', value: 'EMAIL_DEFAULT' },
			{ name: 'fileTypes', value: 'SMS_DEFAULT' },
		]);
		const [item] = result.outputOf('Attachment');
		expect(item.json).toEqual({
			fileName: 'photo.jpg',
			fileSizeByte: JPG.length,
			valid: true,
			fileTypes: TYPES,
			results: [VALID('EMAIL_DEFAULT'), VALID('SMS_DEFAULT')],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expectNothingLeaked(result);
	});

	it('reports one failing type as valid: false, with its code and message', async () => {
		postApi(`${ATTACHMENTS}/do-validate`, [], 200, ok({ results: [SUCCESS, TOO_BIG] }));
		const result = await runWorkflow(beforeUpload(), withStoredToken());
		expect(result.outputOf('Attachment')[0].json).toEqual({
			fileName: 'photo.jpg',
			fileSizeByte: JPG.length,
			valid: false,
			fileTypes: TYPES,
			results: [VALID('EMAIL_DEFAULT'), { fileType: 'SMS_DEFAULT', valid: false, code: '400612', message: 'File size exceeded' }],
		});
		expectNothingLeaked(result);
	});

	it('reads an HTTP 400 with code 400612 as a verdict, not an error', async () => {
		postApi(`${ATTACHMENTS}/do-validate`, [], 400, refused(400612, 'File size exceeded', { results: [SUCCESS, TOO_BIG] }));
		const result = await runWorkflow(beforeUpload(), withStoredToken());
		const [item] = result.outputOf('Attachment');
		expect(item.json.valid).toBe(false);
		expect(item.json.results).toEqual([
			VALID('EMAIL_DEFAULT'),
			{ fileType: 'SMS_DEFAULT', valid: false, code: '400612', message: 'File size exceeded' },
		]);
		expectNothingLeaked(result);
	});

	it('with Fail on Invalid stops with an error naming the failing file type', async () => {
		postApi(`${ATTACHMENTS}/do-validate`, [], 400, refused(400612, 'File size exceeded', { results: [SUCCESS, TOO_BIG] }));
		const result = await runWorkflow(beforeUpload({ failOnInvalid: true }), withStoredToken());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${PROVIDER}: HTTP 400, code 400612: Validation failed for SMS_DEFAULT: File size exceeded`);
		expectNothingLeaked(result);
	});

	it('treats a server error as an error, not as a verdict', async () => {
		postApi(`${ATTACHMENTS}/do-validate`, [], 500, refused(500000, 'Internal server error'));
		const workflow = chain(
			photo(),
			nhnNode({ operation: 'validateBeforeUpload', binaryPropertyName: 'data', fileTypes: TYPES }, { continueOnFail: true }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		const [item] = result.outputOf('Attachment');
		expect(item.json).toEqual({
			error: `${PROVIDER}: HTTP 500, code 500000: Internal server error`,
			httpCode: '500',
			apiCode: '500000',
			provider: PROVIDER,
		});
		expect(item.json.valid).toBeUndefined();
		expectNothingLeaked(result);
	});
});
