/* eslint-disable no-console -- test tooling: prints the one RELIABILITY summary line that RELIABILITY.md quotes; never published */
/**
 * Bad-input matrix: wrong parameters, wrong files and wrong expression results, through n8n-core's engine
 * against the emulator. Each case runs one item twice: without Continue On Fail (the node's error, as n8n
 * stores it) and with it (exactly one error item, pairedItem 0).
 *
 * Locally detectable input must fail with a NodeOperationError naming the item and the parameter or binary
 * property, before any request (the emulator, reset before each case, must have seen none, token requests
 * included). Input only the service can judge must fail with a NodeApiError naming the provider, HTTP status
 * and the service's code, for item 0 (its context), and naming the offending value.
 * The cases are in bad-input-cases/ (ncp.ts, nhn.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { ITEM_0, V, fileItem, ncpUpload, nhnGet, nhnUpload, validateBeforeUpload } from './bad-input-cases/builders';
import type { BadCase } from './bad-input-cases/builders';
import { NCP_CASES } from './bad-input-cases/ncp';
import { NHN_CASES } from './bad-input-cases/nhn';
import { reliabilitySuite } from './suite';
import { INTERNAL_ERROR_MARKERS, NCP_LABEL, NHN_LABEL, pairedIndex, runNode, seedNhnAttachment, sleep, type FixtureItem } from './support';

const CASES: BadCase[] = [...NCP_CASES, ...NHN_CASES];

const figures = { cases: 0, local: 0, service: 0, requestsForLocalCases: 0, itemNamed: 0, errorItems: 0, nonNodeErrors: 0 };
const startedAt = Date.now();
const suite = reliabilitySuite(() =>
	console.log(
		`RELIABILITY bad-input: cases=${figures.cases} locallyDetected=${figures.local} serviceDetected=${figures.service} ` +
			`requestsSeenForLocalCases=${figures.requestsForLocalCases} itemNamedInMessage=${figures.itemNamed} ` +
			`errorItemsWithContinueOnFail=${figures.errorItems} nonNodeErrors=${figures.nonNodeErrors} ` +
			`secretsFound=${suite.scanner.found} durationMs=${Date.now() - startedAt}`,
	),
);
const { scanner, probe } = suite;

function inputOf(testCase: BadCase, seeded: IDataObject): FixtureItem[] {
	const items = testCase.items ?? [{ json: {} }];
	return items.map((item) => ({ ...item, json: { ...item.json, ...testCase.json, ...seeded } }));
}

describe('bad input', () => {
	it('has at least 40 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
	});

	it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
		// Without Continue On Fail: the node's error as n8n stores it.
		const emulator = suite.reset();
		const seeded = testCase.seed?.(emulator) ?? {};
		const failing = await runNode(emulator, inputOf(testCase, seeded), testCase.parameters, { continueOnFail: false });
		const requests = emulator.state.requests.length;
		const error = failing.error;
		expect(error).toBeDefined();
		const message = String(error?.message);
		for (const marker of INTERNAL_ERROR_MARKERS) expect(message).not.toContain(marker);
		for (const mention of testCase.mentions) expect(message).toMatch(mention);
		expect((error?.context as IDataObject | undefined)?.itemIndex).toBe(0);
		expect(probe.thrown.filter((thrown) => thrown.kind === 'other')).toEqual([]);
		figures.nonNodeErrors += probe.foreign().length;
		if (ITEM_0.test(message)) figures.itemNamed++;

		if (testCase.detected === 'local') {
			expect(error?.name).toBe('NodeOperationError');
			expect(message).toMatch(ITEM_0);
			figures.requestsForLocalCases += requests;
			expect(emulator.state.requests).toEqual([]);
		} else {
			const label = testCase.parameters.resource === 'ncp' ? NCP_LABEL : NHN_LABEL;
			expect(error?.name).toBe('NodeApiError');
			expect(message.startsWith(`${label}: `)).toBe(true);
			expect((error?.context as IDataObject | undefined)?.apiCode).toBe(testCase.apiCode);
			expect(requests).toBeGreaterThan(0);
		}
		expect(scanner.scan(failing.result, emulator, testCase.name)).toBe(0);

		// With Continue On Fail: exactly one error item for the one input item, with the same message.
		suite.reset();
		const seededAgain = testCase.seed?.(emulator) ?? {};
		const continuing = await runNode(emulator, inputOf(testCase, seededAgain), testCase.parameters, { continueOnFail: true });
		expect(continuing.error).toBeUndefined();
		expect(continuing.items).toHaveLength(1);
		expect(pairedIndex(continuing.items[0])).toBe(0);
		expect(String(continuing.items[0].json.error)).toBe(message.replace(seeded.id as string, seededAgain.id as string));
		if (testCase.detected === 'local') expect(emulator.state.requests).toEqual([]);
		expect(scanner.scan(continuing.result, emulator, `${testCase.name} (continue)`)).toBe(0);
		figures.errorItems++;

		figures.cases++;
		if (testCase.detected === 'local') figures.local++;
		else figures.service++;
	});

	it('Validate Before Upload reports a file the service refuses as a verdict (valid: false), not an error', async () => {
		const emulator = suite.reset();
		const run = await runNode(emulator, fileItem('photo'), validateBeforeUpload(['SMS_DEFAULT']), { continueOnFail: false });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ valid: false, results: [{ fileType: 'SMS_DEFAULT', valid: false, code: '400613' }] });
		expect(scanner.scan(run.result, emulator, 'verdict')).toBe(0);
	});
});

describe('found by the bad-input matrix', () => {
	/*
	 * BUG: Concurrency is read once for the whole node (nodes/Attachment/helpers/parameters.ts:83-89) and a bad
	 * value is thrown from the router before the item loop (nodes/Attachment/actions/router.ts:61-63,
	 * `concurrencyOf(this)` as an argument of runBounded). So (1) the message, "Concurrency must be a whole number
	 * from 1 to 50", names no item; and (2) with Continue On Fail on, the node as a whole fails and n8n's engine
	 * passes the input items through unchanged as the node's output: no error field, as if every item had
	 * succeeded (README "Errors": every input item gives one output item or one error item).
	 * Expected: one error item per input item (pairedItem i) naming the item and Concurrency, like any option.
	 */
	it.each([0, 51, 2.5, 'many'])('Concurrency %p with Continue On Fail gives one error item per input item', async (value) => {
		const emulator = suite.reset();
		const items: FixtureItem[] = [{ json: { v: value } }, { json: { v: value } }];
		const run = await runNode(emulator, items, nhnGet('x', { options: { concurrency: V } }), { continueOnFail: true });
		expect(scanner.scan(run.result, emulator, 'concurrency')).toBe(0);
		expect(emulator.state.requests).toEqual([]);
		expect(run.items).toHaveLength(2);
		run.items.forEach((item, index) => {
			expect(pairedIndex(item)).toBe(index);
			expect(String(item.json.error)).toMatch(/Concurrency/);
			expect(String(item.json.error)).toMatch(new RegExp(`\\b[Ii]tem ${index}\\b`));
		});
	});

	/*
	 * BUG: NCP Upload turns every error of its request step into a NodeApiError
	 * (nodes/Attachment/actions/ncp/upload.operation.ts:59-64, `throw new NodeApiError(this.getNode(), error, ...)`),
	 * and the options are read inside that step (`requestPolicy` at :45). So a wrong Timeout, Retries or Max Retry
	 * Wait of an NCP upload, detected locally before any request, surfaces as a NodeApiError with httpCode null
	 * (tagged reWrapped, shouldReport true), not as the NodeOperationError every other operation gives for the
	 * same option (README "Errors"). The message itself is kept. Expected: NodeOperationError (rethrow errors
	 * that are already NodeOperationErrors, or read the options before the upload loop).
	 */
	it.each([
		['retries', 11],
		['timeout', 'fast'],
		['maxRetryWaitMs', -1],
	])('NCP upload: option %s %p is a NodeOperationError, like in every other operation', async (option, value) => {
		const emulator = suite.reset();
		const run = await runNode(emulator, [{ ...fileItem('a.pdf')[0], json: { v: value } }], ncpUpload({ options: { [option]: V } }), {
			continueOnFail: false,
		});
		expect(scanner.scan(run.result, emulator, 'ncp option')).toBe(0);
		expect(emulator.state.requests).toEqual([]);
		expect(run.error?.message).toMatch(ITEM_0);
		expect(run.error?.name).toBe('NodeOperationError');
	});

	/*
	 * BUG: Timeout accepts any number from 0 up (nodes/Attachment/helpers/parameters.ts:64-70 `numberOption`, used by `requestPolicy` at :72-78; the
	 * UI sets only minValue 0), but Node's timers hold at most 2^31 - 1 ms (about 24.8 days): above that Node
	 * prints a TimeoutOverflowWarning and sets the timeout to 1 ms. So Timeout 2147483648 or 3000000000 (meant as
	 * "very long") makes every request fail after 1 ms with "The request timed out" (a NodeApiError); reads are
	 * even retried, each attempt timing out again. For an upload this is the ambiguous case: the request may
	 * still reach the service after the client gave up (seen with a GET: answered 200 after the client's timeout).
	 * Expected: a NodeOperationError before any request (or the value capped at 2^31 - 1).
	 */
	it.each([2 ** 31, 3e9])('NHN upload: Timeout %p ms is refused or honoured, never an instant timeout', async (timeout) => {
		const emulator = suite.reset();
		const run = await runNode(emulator, fileItem('a.pdf'), nhnUpload({ options: { timeout } }), { continueOnFail: false });
		await sleep(100);
		expect(scanner.scan(run.result, emulator, 'huge timeout')).toBe(0);
		if (run.error) {
			expect(run.error.name).toBe('NodeOperationError');
			expect(run.error.message).toMatch(/Timeout of item 0/);
			expect(emulator.state.requests).toEqual([]);
		} else {
			expect(run.items[0].json.attachmentId).toEqual(expect.any(String));
		}
		expect(emulator.state.nhn.attachments.size).toBe(run.error ? 0 : 1);
	});

	it('Concurrency 0 without Continue On Fail: a NodeOperationError naming Concurrency, before any request', async () => {
		const emulator = suite.reset();
		const run = await runNode(emulator, [{ json: {} }], nhnGet('x', { options: { concurrency: 0 } }), { continueOnFail: false });
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toMatch(/Concurrency/);
		expect(emulator.state.requests).toEqual([]);
	});

	/*
	 * BUG: Get with Download File checks "Put Output File in Field" only after the API request
	 * (nodes/Attachment/actions/nhn/get.operation.ts:47-52 come after the request at :39-44), so a field name that
	 * is locally wrong (empty, or not text) still costs a request, and a token request, before the item fails.
	 * README "Errors": input that is wrong locally fails before any request is sent. Expected: no request.
	 */
	it.each([
		['empty', ''],
		['a number', 5],
	])('NHN get with download: output field %s fails before any request', async (_what, value) => {
		const emulator = suite.reset();
		const id = seedNhnAttachment(emulator, 'download');
		const run = await runNode(emulator, [{ json: { v: value } }], nhnGet(id, { download: true, binaryPropertyName: V }), {
			continueOnFail: false,
		});
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toMatch(/Put Output File in Field of item 0/);
		expect(scanner.scan(run.result, emulator, 'download field')).toBe(0);
		expect(emulator.state.requests).toEqual([]);
	});
});
