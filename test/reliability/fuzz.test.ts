/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test tooling: reads FUZZ_* settings from the environment, listens for unhandled rejections, prints the RELIABILITY summary line; never published */
/**
 * Property-based test (fast-check): many random parameter and input combinations through the node in
 * n8n-core's engine, against the emulator with random faults and odd-but-plausible answers injected.
 *
 * Each fast-check run is one execution of one operation (the operation parameter cannot be an expression, so
 * it varies per run) over ITEMS_PER_RUN items whose JSON carries random values (strings with quotes, CR/LF,
 * Korean, slashes, `..`, `%`; numbers, huge numbers, null, arrays, objects, booleans) that the parameters read
 * through `={{ $json.x }}` expressions, and random binaries (present or not, size, filesystem or inline, name).
 * Continue On Fail is on. Property, for every run:
 *   - the node does not fail as a whole; every output item is a success or an error item, and every error an
 *     operation threw was a NodeApiError or NodeOperationError (see ErrorProbe), with no sign of a programming
 *     error in any message ("TypeError", "Cannot read properties", ...);
 *   - every input item has exactly one output item (List: 0..n, or one error item), with its pairedItem;
 *   - no upload is stored twice (stored uploads are all accounted for by a success, an error naming them, or
 *     a timeout where the file may have been stored);
 *   - no secret or issued token is visible; no unhandled rejection happens.
 * Environment: FUZZ_RUNS (default 120 executions), FUZZ_SEED, FUZZ_TRACE=1 (one line per execution).
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	ErrorProbe,
	INTERNAL_ERROR_MARKERS,
	SecretScanner,
	injectFault,
	pairedIndex,
	resetAll,
	runNode,
	seedNcpUpload,
	seedNhnAttachment,
	startLocalEmulator,
	type Emulator,
	type FaultSpec,
	type FixtureItem,
} from './support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const ITEMS_PER_RUN = 100;
/** Fixed by default so that the figures quoted in RELIABILITY.md can be reproduced; FUZZ_SEED=<n> explores others. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);
const ERROR_ITEM_KEYS = new Set(['error', 'description', 'httpCode', 'provider', 'apiCode']);

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

const itemJson = fc.record({
	id: either(fc.constantFrom('@seed:0', '@seed:1', '@seed:2', 'unknown-id-123', '20240101000000AbCdEfGhIjK')),
	bp: either(fc.constantFrom('data', 'data, extra', 'extra', 'data,data', ' data ')),
	fileName: either(fc.tuple(weirdString, fc.constantFrom(...EXTENSIONS)).map(([name, extension]) => `${name}${extension}`)),
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

interface BinarySpec {
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
		fileName: fc.tuple(weirdString, fc.constantFrom(...EXTENSIONS)).map(([name, extension]) => `${name}${extension}`),
		mimeType: fc.constantFrom('application/pdf', 'image/jpeg', 'application/octet-stream', 'text/plain; charset=utf-8'),
	},
	{ requiredKeys: ['property', 'size', 'mode'] },
);

const itemSpec = fc.record({ json: itemJson, binaries: fc.oneof({ weight: 4, arbitrary: fc.array(binarySpec, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant([]) }) });

// ---------------------------------------------------------------------------------------------------------
// Operations and the parameters they read through expressions

type OperationKey =
	| 'ncp.upload'
	| 'ncp.get'
	| 'ncp.delete'
	| 'nhn.upload'
	| 'nhn.list'
	| 'nhn.get'
	| 'nhn.validateBeforeUpload'
	| 'nhn.validateUploaded'
	| 'nhn.updateFileTypes'
	| 'nhn.listFileTypes';
const OPERATION_KEYS: OperationKey[] = [
	'ncp.upload', 'ncp.get', 'ncp.delete', 'nhn.upload', 'nhn.list', 'nhn.get', 'nhn.validateBeforeUpload',
	'nhn.validateUploaded', 'nhn.updateFileTypes', 'nhn.listFileTypes',
];

const X = (field: string) => `={{ $json.${field} }}`;

function parametersFor(key: OperationKey, variant: { returnAll: boolean; download: boolean; perFile: boolean; failOnInvalid: boolean; concurrency: number }): INodeParameters {
	const [resource, operation] = key.split('.');
	const options: INodeParameters = {
		timeout: X('timeout'),
		retries: X('retries'),
		maxRetryWaitMs: X('maxRetryWaitMs'),
		keepInputBinary: X('keep'),
		concurrency: variant.concurrency,
	};
	const base: INodeParameters = { resource, operation, options };
	switch (key) {
		case 'ncp.upload':
			return { ...base, binaryPropertyName: X('bp'), requestMode: variant.perFile ? 'perFile' : 'single' };
		case 'ncp.get':
		case 'ncp.delete':
			return { ...base, tempRequestId: X('id') };
		case 'nhn.upload':
			return { ...base, binaryPropertyName: X('bp'), fileName: X('fileName'), fileTypes: X('fileTypes') };
		case 'nhn.validateBeforeUpload':
			return {
				...base,
				binaryPropertyName: X('bp'),
				fileName: X('fileName'),
				fileTypes: X('fileTypes'),
				options: { ...options, failOnInvalid: variant.failOnInvalid },
			};
		case 'nhn.list':
			return {
				...base,
				returnAll: variant.returnAll,
				limit: X('limit'),
				filters: { fileName: X('filterName'), fileType: X('fileType'), messageChannel: X('channel'), expiringWithinHours: X('hours') },
			};
		case 'nhn.get':
			return { ...base, attachmentId: X('id'), download: variant.download, binaryPropertyName: X('bp') };
		case 'nhn.validateUploaded':
			return { ...base, attachmentId: X('id'), fileTypes: X('fileTypes'), options: { ...options, failOnInvalid: variant.failOnInvalid } };
		case 'nhn.updateFileTypes':
			return { ...base, attachmentId: X('id'), fileTypes: X('fileTypes') };
		case 'nhn.listFileTypes':
			return { ...base, messageChannel: X('channel') };
	}
}

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

const runSpec = fc.record({
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

type RunSpec = typeof runSpec extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------------------
// Figures

const figures = {
	runs: 0,
	cases: 0,
	successItems: 0,
	errorItems: 0,
	apiErrors: 0,
	operationErrors: 0,
	listOutputs: 0,
	uploadsStored: 0,
	orphanUploadsAfterTimeout: 0,
	duplicateUploads: 0,
	violations: 0,
	unhandledRejections: 0,
};
const perOperation: Record<string, number> = {};
let emulator: Emulator;
const scanner = new SecretScanner();
const probe = new ErrorProbe();
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => {
	rejections.push(reason);
};

beforeAll(async () => {
	emulator = await startLocalEmulator();
	probe.install();
	process.on('unhandledRejection', onRejection);
});

afterAll(async () => {
	process.off('unhandledRejection', onRejection);
	probe.restore();
	await emulator.close();
});

// ---------------------------------------------------------------------------------------------------------
// One run

function materialise(items: RunSpec['items'], seeds: string[], runIndex: number): FixtureItem[] {
	return items.map((spec, index) => {
		const json = { ...(spec.json as IDataObject) };
		if (typeof json.id === 'string' && json.id.startsWith('@seed:')) json.id = seeds[Number(json.id.slice(6))];
		const item: FixtureItem = { json };
		if (spec.binaries.length > 0) {
			item.binary = {};
			for (const binary of spec.binaries) {
				item.binary[binary.property] = {
					size: binary.size,
					fill: `${runIndex}:${index}:`,
					fileName: binary.fileName,
					mimeType: binary.mimeType ?? 'application/octet-stream',
					mode: binary.mode,
				};
			}
		}
		return item;
	});
}

function violation(message: string): never {
	figures.violations++;
	throw new Error(message);
}

function checkErrorItem(item: INodeExecutionData, where: string): void {
	const json = item.json;
	for (const key of Object.keys(json)) if (!ERROR_ITEM_KEYS.has(key)) violation(`${where}: unexpected key "${key}" in an error item`);
	const text = `${String(json.error)} ${String(json.description ?? '')}`;
	for (const marker of INTERNAL_ERROR_MARKERS) if (text.includes(marker)) violation(`${where}: "${marker}" in ${text}`);
	if (json.error === '' || typeof json.error !== 'string') violation(`${where}: error item without a message`);
	if (json.provider !== undefined) figures.apiErrors++;
	else figures.operationErrors++;
}

async function oneRun(spec: RunSpec): Promise<void> {
	const runIndex = figures.runs++;
	resetAll(emulator, scanner);
	probe.thrown.length = 0;
	const resource = spec.operation.split('.')[0];
	const seeds =
		resource === 'ncp'
			? [0, 1, 2].map((i) => seedNcpUpload(emulator, `fuzz-${runIndex}-${i}`))
			: [0, 1, 2].map((i) => seedNhnAttachment(emulator, `fuzz-${runIndex}-${i}`, `seed-${i}.jpg`));
	const seededNhn = new Set(emulator.state.nhn.attachments.keys());
	const seededNcp = new Set(emulator.state.ncp.uploads.keys());
	for (const rule of spec.faults) injectFault(emulator, { service: rule.service }, rule.fault, rule.count);

	const items = materialise(spec.items, seeds, runIndex);
	const run = await runNode(emulator, items, parametersFor(spec.operation, spec.variant), { continueOnFail: true });
	figures.cases += items.length;
	// FUZZ_TRACE=1 prints one line per run (operation, concurrency, time, requests, faults).
	if (process.env.FUZZ_TRACE) console.log(`TRACE ${spec.operation} c=${spec.variant.concurrency} ms=${run.elapsedMs} req=${emulator.state.requests.length} faults=${JSON.stringify(spec.faults.map((f) => [f.service, f.fault.type, (f.fault as { status?: number }).status, f.count]))}`);
	perOperation[spec.operation] = (perOperation[spec.operation] ?? 0) + items.length;
	const where = `run ${runIndex} (${spec.operation})`;

	if (run.error) violation(`${where}: the node failed as a whole: ${run.error.message}`);
	const foreign = probe.foreign();
	if (foreign.length > 0) violation(`${where}: an operation threw ${foreign[0].name}: ${foreign[0].message}`);

	const counts = new Array<number>(items.length).fill(0);
	const failedInputs = new Set<number>();
	let timedOut = 0;
	for (const item of run.items) {
		const index = pairedIndex(item);
		if (index === undefined || index < 0 || index >= items.length) violation(`${where}: output item with pairedItem ${String(index)}`);
		counts[index]++;
		if (typeof item.json.error === 'string' || item.json.error !== undefined) {
			checkErrorItem(item, `${where} item ${index}`);
			failedInputs.add(index);
			figures.errorItems++;
			if (String(item.json.error).includes('timed out')) timedOut++;
		} else {
			figures.successItems++;
		}
	}
	counts.forEach((count, index) => {
		if (spec.operation === 'nhn.list') {
			if (failedInputs.has(index) && count !== 1) violation(`${where}: input ${index} has an error item and ${count - 1} more`);
			figures.listOutputs += count;
		} else if (count !== 1) {
			violation(`${where}: input ${index} has ${count} output items`);
		}
	});

	// Uploads: every stored upload is accounted for by a success, an error naming it, or a timeout.
	if (spec.operation === 'ncp.upload' || spec.operation === 'nhn.upload') {
		const accounted = new Set<string>();
		for (const item of run.items) {
			const json = item.json;
			for (const id of (Array.isArray(json.tempRequestIds) ? json.tempRequestIds : []) as unknown[]) accounted.add(String(id));
			if (typeof json.attachmentId === 'string') accounted.add(json.attachmentId);
			const named = /tempRequestId ([^.]+)\./.exec(String(json.description ?? ''))?.[1];
			for (const id of named?.split(', ') ?? []) accounted.add(id);
			const stored = /stored as attachment (\S+) /.exec(String(json.description ?? ''))?.[1];
			if (stored) accounted.add(stored);
		}
		const storedIds =
			spec.operation === 'ncp.upload'
				? [...emulator.state.ncp.uploads.keys()].filter((id) => !seededNcp.has(id))
				: [...emulator.state.nhn.attachments.keys()].filter((id) => !seededNhn.has(id));
		const unaccounted = storedIds.filter((id) => !accounted.has(id)).length;
		figures.uploadsStored += storedIds.length;
		figures.orphanUploadsAfterTimeout += Math.min(unaccounted, timedOut);
		figures.duplicateUploads += Math.max(0, unaccounted - timedOut);
		if (unaccounted > timedOut) violation(`${where}: ${unaccounted} stored uploads not accounted for (${timedOut} timeouts)`);
	}

	if (scanner.scan(run.result, emulator, where) > 0) violation(`${where}: a secret is visible`);
	if (rejections.length > 0) violation(`${where}: unhandled rejection ${String(rejections[0])}`);
}

describe('fuzz', () => {
	it(`${RUNS} random executions of ${ITEMS_PER_RUN} items each: success or a clear node error, one output per item, no leak`, async () => {
		const started = Date.now();
		let failure: unknown;
		try {
			await fc.assert(fc.asyncProperty(runSpec, oneRun), { numRuns: RUNS, seed: SEED, endOnFailure: true });
		} catch (error) {
			failure = error;
		}
		const durationMs = Date.now() - started;
		figures.unhandledRejections = rejections.length;
		console.log(
			`RELIABILITY fuzz: cases=${figures.cases} runs=${figures.runs} itemsPerRun=${ITEMS_PER_RUN} seed=${SEED} ` +
				`successItems=${figures.successItems} errorItems=${figures.errorItems} apiErrors=${figures.apiErrors} ` +
				`operationErrors=${figures.operationErrors} listOutputs=${figures.listOutputs} uploadsStored=${figures.uploadsStored} ` +
				`orphanUploadsAfterTimeout=${figures.orphanUploadsAfterTimeout} duplicateUploads=${figures.duplicateUploads} ` +
				`violations=${figures.violations} unhandledRejections=${figures.unhandledRejections} secretsFound=${scanner.found} ` +
				`durationMs=${durationMs} perOperation=${JSON.stringify(perOperation)}`,
		);
		if (failure) throw failure;
		expect(figures.cases).toBeGreaterThanOrEqual(10_000);
		expect(figures.violations).toBe(0);
		expect(figures.duplicateUploads).toBe(0);
		expect(rejections).toEqual([]);
		expect(scanner.found).toBe(0);
	}, 240_000);
});
