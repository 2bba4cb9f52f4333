import { chain, fixtureSource, readBinary } from '../../../../engine/harness';
import type { FixtureBinary } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	anyRequest,
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

const PDF = Buffer.from('%PDF-1.7 invoice bytes \u0000\u00ff');
const KB = 1024;
const MB = 1024 * KB;

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** The upload endpoint answering `body`, recording what it received. */
function uploadApi(seen: Seen[], body: object = ok({ attachmentId: 'att-1', results: [SUCCESS] }), status = 200) {
	return nock(NHN_ORIGIN)
		.post(ATTACHMENTS)
		.reply(async (request: Request) => {
			seen.push(await seenOf(request));
			return [status, body];
		});
}

const pdfItem = (extra: Partial<FixtureBinary> = {}) => ({
	json: { order: 7 },
	binary: { data: { base64: PDF.toString('base64'), fileName: 'invoice.pdf', mimeType: 'application/pdf', ...extra } },
});

describe('NHN Upload', () => {
	it('sends file, fileName and one fileTypes part per type, authorised, from a filesystem-mode binary', async () => {
		const seen: Seen[] = [];
		const api = uploadApi(seen, ok({ attachmentId: 'att-1', results: [SUCCESS, SUCCESS] }));
		const workflow = chain(
			fixtureSource([pdfItem()]),
			nhnNode({ operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'] }),
		);
		const result = await runWorkflow(workflow, withStoredToken());

		expect(api.isDone()).toBe(true);
		expect(seen[0]).toMatchObject({ method: 'POST', path: ATTACHMENTS, appKey: APP_KEY, authorization: `Bearer ${STORED_TOKEN}` });
		expect(seen[0].parts).toEqual([
			{ name: 'file', fileName: 'invoice.pdf', mimeType: 'application/pdf', bytes: PDF },
			{ name: 'fileName', value: 'invoice.pdf' },
			{ name: 'fileTypes', value: 'EMAIL_DEFAULT' },
			{ name: 'fileTypes', value: 'EMAIL_TEMPLATE' },
		]);
		const [item] = result.outputOf('Attachment');
		expect(item.json).toEqual({
			attachmentId: 'att-1',
			fileName: 'invoice.pdf',
			fileSizeByte: PDF.length,
			fileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary).toBeUndefined();
		expectNothingLeaked(result);
	});

	it('takes an inline binary built in a Code node (no id) and stores it under the File Name parameter', async () => {
		const csv = 'id,total\n1,1200\n';
		const seen: Seen[] = [];
		uploadApi(seen, ok({ attachmentId: 'att-inline' }));
		const workflow = chain(
			fixtureSource([{ json: {}, binary: { report: { text: csv, fileName: 'tmp-export.csv', mimeType: 'text/csv', mode: 'inline' } } }]),
			nhnNode({ operation: 'upload', binaryPropertyName: 'report', fileName: 'monthly.csv' }),
		);
		const result = await runWorkflow(workflow, withStoredToken());

		expect(seen[0].parts).toEqual([
			{ name: 'file', fileName: 'monthly.csv', mimeType: 'text/csv', bytes: Buffer.from(csv) },
			{ name: 'fileName', value: 'monthly.csv' },
		]);
		expect(result.outputOf('Attachment')[0].json).toEqual({
			attachmentId: 'att-inline',
			fileName: 'monthly.csv',
			fileSizeByte: Buffer.byteLength(csv),
			fileTypes: [],
		});
		expectNothingLeaked(result);
	});

	it('round-trips a Korean file name in the fileName part and the file part', async () => {
		const name = '견적서 2026년 11월.pdf';
		const seen: Seen[] = [];
		uploadApi(seen, ok({ attachmentId: 'att-ko', results: [SUCCESS] }));
		const workflow = chain(
			fixtureSource([pdfItem({ fileName: name })]),
			nhnNode({ operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT'] }),
		);
		const result = await runWorkflow(workflow, withStoredToken());

		expect(seen[0].parts?.map((part) => [part.name, part.fileName ?? part.value])).toEqual([
			['file', name],
			['fileName', name],
			['fileTypes', 'EMAIL_DEFAULT'],
		]);
		expect(result.outputOf('Attachment')[0].json.fileName).toBe(name);
		expectNothingLeaked(result);
	});

	it('keeps the input binary on the output item when asked', async () => {
		uploadApi([], ok({ attachmentId: 'att-keep' }));
		const workflow = chain(
			fixtureSource([pdfItem()]),
			nhnNode({ operation: 'upload', binaryPropertyName: 'data', options: { keepInputBinary: true } }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		const [item] = result.outputOf('Attachment');
		expect(item.json.attachmentId).toBe('att-keep');
		expect(item.binary?.data.fileName).toBe('invoice.pdf');
		expect(await readBinary(item, 'data')).toEqual(PDF);
		expectNothingLeaked(result);
	});

	it.each([
		['a missing binary property', { data: { text: 'x', fileName: 'x.pdf' } }, 'nope', ['EMAIL_DEFAULT'], /^Item 0 has no binary property "nope": its binary properties are "data"$/],
		['an empty file', { data: { text: '', fileName: 'empty.pdf' } }, 'data', [], /^The file "empty.pdf" in binary property "data" of item 0 is empty$/],
		[
			'a file over 30 MB, from its metadata',
			{ data: { size: 30 * MB + 1, fill: 'x', fileName: 'big.pdf', mimeType: 'application/pdf' } },
			'data',
			['EMAIL_DEFAULT'],
			/^The file "big.pdf" in binary property "data" of item 0 is 31,457,281 bytes; Notification Hub accepts at most 31,457,280 bytes per file$/,
		],
		[
			'an SMS_DEFAULT image over 300 KB',
			{ data: { size: 300 * KB + 1, fill: 'x', fileName: 'photo.jpg', mimeType: 'image/jpeg' } },
			'data',
			['EMAIL_DEFAULT', 'SMS_DEFAULT'],
			/^The file "photo.jpg" in binary property "data" of item 0 is 307,201 bytes; SMS_DEFAULT \(SMS \(MMS\)\) accepts at most 307,200 bytes$/,
		],
		[
			'an .exe file as EMAIL_DEFAULT',
			{ data: { text: 'MZ', fileName: 'setup.exe', mimeType: 'application/octet-stream' } },
			'data',
			['EMAIL_DEFAULT'],
			/^The file "setup.exe" in binary property "data" of item 0 has the extension "exe", which EMAIL_DEFAULT \(email\) refuses$/,
		],
		[
			'a PNG as SMS_DEFAULT',
			{ data: { text: 'png', fileName: 'logo.png', mimeType: 'image/png' } },
			'data',
			['SMS_DEFAULT'],
			/^The file "logo.png" in binary property "data" of item 0 has the extension "png"; SMS_DEFAULT \(SMS \(MMS\)\) accepts only jpg, jpeg$/,
		],
		['a malformed file type', { data: { text: 'x', fileName: 'x.pdf' } }, 'data', ['email_default'], /^File type "email_default" of item 0 is not a file type name$/],
	])('refuses %s before any request', async (_case, binary, property, fileTypes, message) => {
		const seen = anyRequest();
		const workflow = chain(
			fixtureSource([{ json: {}, binary }]),
			nhnNode({ operation: 'upload', binaryPropertyName: property, fileTypes }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(seen).toEqual([]);
		expectNothingLeaked(result);
	});

	it('reads HTTP 200 with header.isSuccessful false (X-NC-ALWAYS-200-OK style) as a failure', async () => {
		uploadApi([], refused(400200, 'Upload error'), 200);
		const workflow = chain(fixtureSource([pdfItem()]), nhnNode({ operation: 'upload', binaryPropertyName: 'data' }));
		const result = await runWorkflow(workflow, withStoredToken());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${PROVIDER}: HTTP 200, code 400200: Upload error`);
		expect(() => result.outputOf('Attachment')).toThrow();
		expectNothingLeaked(result);
	});

	it('reads a failed entry in results[] as a failure of the item, not a success', async () => {
		uploadApi([], ok({ attachmentId: 'att-half', results: [SUCCESS, failure(400613, 'Invalid media format')] }));
		const workflow = chain(
			fixtureSource([pdfItem({ fileName: 'scan.jpg', mimeType: 'image/jpeg' })]),
			nhnNode({ operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT', 'RCS_DEFAULT'] }, { continueOnFail: true }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		const [item] = result.outputOf('Attachment');
		expect(item.json).toMatchObject({
			error: `${PROVIDER}: HTTP 200, code 400613: Partial failure: Invalid media format`,
			httpCode: '200',
			apiCode: '400613',
			provider: PROVIDER,
		});
		expect(item.json.description).toMatch(/format is not accepted/);
		expect(item.json.attachmentId).toBeUndefined();
		expectNothingLeaked(result);
	});

	it('with Continue On Fail gives one item per input, the failing one as an error item', async () => {
		const names: string[] = [];
		nock(NHN_ORIGIN)
			.post(ATTACHMENTS)
			.times(3)
			.reply(async (request: Request) => {
				const name = (await seenOf(request)).parts?.find((part) => part.name === 'fileName')?.value as string;
				names.push(name);
				return name === 'b.pdf'
					? [413, refused(413000, 'Payload too large')]
					: [200, ok({ attachmentId: `att-${name}`, results: [SUCCESS] })];
			});
		const workflow = chain(
			fixtureSource(['a.pdf', 'b.pdf', 'c.pdf'].map((fileName) => ({ json: {}, binary: { data: { text: fileName, fileName } } }))),
			nhnNode({ operation: 'upload', binaryPropertyName: 'data' }, { continueOnFail: true }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		const output = result.outputOf('Attachment');

		expect(names.sort()).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.attachmentId).toBe('att-a.pdf');
		expect(output[1].json).toEqual({
			error: `${PROVIDER}: HTTP 413, code 413000: Payload too large`,
			httpCode: '413',
			apiCode: '413000',
			provider: PROVIDER,
		});
		expect(output[2].json.attachmentId).toBe('att-c.pdf');
		expectNothingLeaked(result);
	});
});
