/**
 * The fast-check arbitraries of the fuzz suite: odd values (quotes, CR/LF, Korean, slashes, `..`, `%`, huge
 * numbers, null, arrays, objects), the JSON and binaries of one item, the faults and odd-but-plausible answers
 * the emulator gives, and one run (an operation, its variant, faults and ITEMS_PER_RUN items).
 */
import fc from 'fast-check';

import { OPERATION_KEYS } from './fuzz-parameters';
import type { FaultSpec } from './support';

export const ITEMS_PER_RUN = 100;

// ---------------------------------------------------------------------------------------------------------
// Values

const FRAGMENTS = [
	'a', 'Z', '0', '7', ' ', '"', "'", '\r', '\n', '\r\n', '\t', '한', '글', '첨부파일', '/', '\\', '.', '..', '../', '%', '%2F',
	'%00', '?', '#', '&', '=', ';', ',', '{{', '}}', '$json', 'EMAIL_DEFAULT', 'sms_default', 'SMS', '😀', '\u0000', '\u202e',
];
const weirdString = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }).map((parts) => parts.join(''));
const hugeNumber = fc.constantFrom(1e21, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 53 + 2, 1.7976931348623157e308, -1e-7);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	weirdString,
	fc.integer(),
	fc.double(),
	hugeNumber,
	fc.constant(null),
	fc.boolean(),
	fc.array(fc.oneof(weirdString, fc.integer(), fc.constant(null)), { maxLength: 3 }),
	fc.dictionary(weirdString, fc.oneof(weirdString, fc.integer()), { maxKeys: 2 }),
);
/**
 * A value a parameter may get: mostly a plausible one (itself right or wrong), sometimes anything at all. An
 * operation reads up to ten of them, so about half the items reach the service and half fail locally.
 */
const either = <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 14, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });

const FILE_TYPES = ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE', 'SMS_DEFAULT', 'RCS_DEFAULT', 'ALIMTALK_IMAGE', 'EMAIL_UNKNOWN'];
const EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.gif', '.exe', '.js', '.txt', '', '.JPG', '.tar.gz'];
const fileName = fc.tuple(weirdString, fc.constantFrom(...EXTENSIONS)).map(([name, extension]) => `${name}${extension}`);

const itemJson = fc.record({
	id: either(fc.constantFrom('@seed:0', '@seed:1', '@seed:2', 'unknown-id-123', '20240101000000AbCdEfGhIjK')),
	bp: either(fc.constantFrom('data', 'data, extra', 'extra', 'data,data', ' data ')),
	fileName: either(fileName),
	fileTypes: either(
		fc.oneof(
			fc.subarray(FILE_TYPES, { maxLength: 3 }),
			fc.subarray(FILE_TYPES, { minLength: 1, maxLength: 2 }).map((types) => types.join(', ')),
		),
	),
	limit: either(fc.integer({ min: 1, max: 20 })),
	hours: either(fc.integer({ min: 0, max: 400 })),
	channel: either(fc.constantFrom('', 'EMAIL', 'SMS', 'RCS', 'ALIMTALK', 'PUSH', 'FAX')),
	filterName: either(fc.constantFrom('', 'seed', '.jpg', 'nothing')),
	fileType: either(fc.constantFrom('', 'EMAIL_DEFAULT', 'SMS_DEFAULT', 'EMAIL_UNKNOWN')),
	// Options: plausible values keep the run short (no long waits); anything else must be refused cleanly.
	timeout: fc.oneof(
		{ weight: 10, arbitrary: fc.constant(2_000) },
		{ weight: 2, arbitrary: fc.integer({ min: 1, max: 3_000 }) },
		// Not numbers from 3000 to 2^31 (slow), nor above: see the Timeout overflow bug in bad-input.test.ts.
		{ weight: 1, arbitrary: anyValue.filter((value) => typeof value !== 'number' || value < 0 || !Number.isFinite(value)) },
	),
	retries: fc.oneof({ weight: 14, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.constantFrom(11, -1, 1.5, '2', null, [1]) }),
	maxRetryWaitMs: fc.oneof({ weight: 14, arbitrary: fc.integer({ min: 0, max: 150 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 'x', null, { ms: 1 }) }),
	keep: fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyValue }),
});

export interface BinarySpec {
	property: string;
	size: number;
	mode: 'filesystem' | 'inline';
	fileName?: string;
	mimeType?: string;
}

const binarySpec: fc.Arbitrary<BinarySpec> = fc.record(
	{
		property: fc.constantFrom('data', 'data', 'data', 'data', 'extra', 'other'),
		// Mostly small; sometimes empty or just over a file type's limit (SMS 300 KB, AlimTalk 500 KB, RCS 1 MB).
		size: fc.oneof(
			{ weight: 40, arbitrary: fc.integer({ min: 1, max: 2_000 }) },
			{ weight: 2, arbitrary: fc.constant(0) },
			{ weight: 1, arbitrary: fc.constantFrom(300 * 1024 + 1, 500 * 1024 + 1, 1024 * 1024 + 1) },
		),
		mode: fc.constantFrom('filesystem', 'inline'),
		fileName,
		mimeType: fc.constantFrom('application/pdf', 'image/jpeg', 'application/octet-stream', 'text/plain; charset=utf-8'),
	},
	{ requiredKeys: ['property', 'size', 'mode'] },
);

const itemSpec = fc.record({ json: itemJson, binaries: fc.oneof({ weight: 4, arbitrary: fc.array(binarySpec, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant([]) }) });

// ---------------------------------------------------------------------------------------------------------
// Faults: failures and odd-but-plausible answers

const FAULTS: FaultSpec[] = [
	{ type: 'status', status: 500 },
	{ type: 'status', status: 502 },
	{ type: 'status', status: 503 },
	{ type: 'status', status: 429 },
	{ type: 'status', status: 404 },
	{ type: 'status', status: 401 },
	{ type: 'reset' },
	{ type: 'malformed' },
	{ type: 'html', status: 502 },
	{ type: 'html', status: 200 },
	{ type: 'status', status: 200, body: { header: { isSuccessful: false, resultCode: 500000, resultMessage: 'fail "quoted"\r\n' } } },
	{ type: 'status', status: 200, body: 'null' },
	{ type: 'status', status: 200, body: [] },
	{ type: 'status', status: 200, body: { header: { isSuccessful: true }, attachment: 'not an object', attachmentId: 7 } },
	{ type: 'status', status: 200, body: { header: { isSuccessful: true }, attachments: 'x', totalCount: 'many', results: [null, 3] } },
	{ type: 'status', status: 200, body: { header: { isSuccessful: true }, attachments: [null, 1, { attachmentId: {} }], totalCount: 2500 } },
	{ type: 'status', status: 201, body: { tempRequestId: 5, files: 'nope' } },
	{ type: 'status', status: 201, body: { tempRequestId: null, files: [null, { fileId: [] }] } },
	{ type: 'status', status: 400, body: { error: { errorCode: 77102, message: null, details: ['x'] } } },
	{ type: 'status', status: 400, body: { header: null } },
	{ type: 'delay', ms: 60 },
];
const faultRule = fc.record({
	service: fc.constantFrom<'ncp' | 'nhn' | 'nhn-oauth' | 'nhn-preview'>('ncp', 'nhn', 'nhn', 'nhn-oauth', 'nhn-preview'),
	fault: fc.constantFrom(...FAULTS),
	count: fc.integer({ min: 1, max: 3 }),
});

// ---------------------------------------------------------------------------------------------------------
// One run

export const runSpec = fc.record({
	operation: fc.constantFrom(...OPERATION_KEYS),
	variant: fc.record({
		returnAll: fc.boolean(),
		download: fc.boolean(),
		perFile: fc.boolean(),
		failOnInvalid: fc.boolean(),
		concurrency: fc.integer({ min: 1, max: 10 }),
	}),
	faults: fc.array(faultRule, { maxLength: 4 }),
	items: fc.array(itemSpec, { minLength: ITEMS_PER_RUN, maxLength: ITEMS_PER_RUN }),
});

export type RunSpec = typeof runSpec extends fc.Arbitrary<infer T> ? T : never;
