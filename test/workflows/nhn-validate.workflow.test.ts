import type { INodeParameters } from 'n8n-workflow';

import { chain, fixtureSource } from '../engine/harness';
import { nock } from '../engine/nock';
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
} from './nhn-helpers';
import { NHN_ORIGIN, resetTokenCache, runWorkflow } from './setup';

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
