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
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	ErrorProbe,
	INTERNAL_ERROR_MARKERS,
	NCP_LABEL,
	NHN_LABEL,
	SecretScanner,
	pairedIndex,
	resetAll,
	runNode,
	seedNhnAttachment,
	sleep,
	startLocalEmulator,
	type Emulator,
	type FixtureItem,
} from './support';

const KB = 1024;
const MB = 1024 * KB;

interface BadCase {
	name: string;
	parameters: INodeParameters;
	/** Input items (default one item with `json`). */
	items?: FixtureItem[];
	/** `$json` of the single input item, for expressions such as `={{ $json.v }}`. */
	json?: IDataObject;
	detected: 'local' | 'service';
	/** What the message must name (the parameter or property, the value). */
	mentions: RegExp[];
	/** Service cases: the service's code in `context.apiCode`. */
	apiCode?: string;
	/** Prepares the emulator; returns fields merged into the item's json. */
	seed?: (emulator: Emulator) => IDataObject;
}

const fileItem = (fileName: string, spec: { text?: string; size?: number; mode?: 'inline' | 'filesystem' } = {}): FixtureItem[] => [
	{
		json: {},
		binary: {
			data: {
				...(spec.size !== undefined ? { size: spec.size, fill: 'x' } : { text: spec.text ?? 'some bytes' }),
				fileName,
				mimeType: 'application/octet-stream',
				mode: spec.mode ?? 'filesystem',
			},
		},
	},
];

const ncpUpload = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data', ...extra });
const nhnUpload = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'nhn', operation: 'upload', binaryPropertyName: 'data', ...extra });
const ncpGet = (tempRequestId: string): INodeParameters => ({ resource: 'ncp', operation: 'get', tempRequestId });
const nhnGet = (attachmentId: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'nhn', operation: 'get', attachmentId, ...extra });
const nhnList = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'nhn', operation: 'list', returnAll: false, limit: 10, ...extra });
const validateUploaded = (attachmentId: string, fileTypes: unknown = ['EMAIL_DEFAULT']): INodeParameters => ({
	resource: 'nhn',
	operation: 'validateUploaded',
	attachmentId,
	fileTypes: fileTypes as string[],
});
const V = '={{ $json.v }}';
const ITEM_0 = /\b[Ii]tem 0\b/;
const DATA_PROPERTY = /binary property "data"/;

/** Wrong-type expression results, as a previous node's JSON could carry them. */
const WRONG_TYPES: Array<[string, unknown]> = [
	['an object', { id: 'x' }],
	['an array', ['a', 'b']],
	['null', null],
	['a boolean', true],
];

const CASES: BadCase[] = [
	// Binary input
	{ name: 'NCP upload: missing binary property', parameters: ncpUpload(), detected: 'local', mentions: [ITEM_0, /no binary property "data"/] },
	{
		name: 'NCP upload: one of several binary properties missing',
		parameters: ncpUpload({ binaryPropertyName: 'data, invoice' }),
		items: fileItem('a.pdf'),
		detected: 'local',
		mentions: [ITEM_0, /no binary property "invoice"/],
	},
	{ name: 'NHN upload: missing binary property', parameters: nhnUpload(), detected: 'local', mentions: [ITEM_0, /no binary property "data"/] },
	{
		name: 'NHN validate before upload: missing binary property',
		parameters: { resource: 'nhn', operation: 'validateBeforeUpload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT'] },
		detected: 'local',
		mentions: [ITEM_0, /no binary property "data"/],
	},
	{ name: 'NCP upload: empty file (filesystem)', parameters: ncpUpload(), items: fileItem('a.pdf', { text: '' }), detected: 'local', mentions: [ITEM_0, DATA_PROPERTY, /is empty/] },
	{
		name: 'NCP upload: empty file (inline)',
		parameters: ncpUpload(),
		items: fileItem('a.pdf', { text: '', mode: 'inline' }),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /is empty/],
	},
	{ name: 'NHN upload: empty file', parameters: nhnUpload(), items: fileItem('a.pdf', { text: '' }), detected: 'local', mentions: [ITEM_0, DATA_PROPERTY, /is empty/] },
	{
		name: 'NCP upload: over 10 MB (filesystem)',
		parameters: ncpUpload(),
		items: fileItem('big.pdf', { size: 10 * MB + 1 }),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /at most 10 MB/],
	},
	{
		name: 'NCP upload: over 10 MB (inline)',
		parameters: ncpUpload(),
		items: fileItem('big.pdf', { size: 10 * MB + 3, mode: 'inline' }),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /at most 10 MB/],
	},
	{
		name: 'NHN upload: over 30 MB',
		parameters: nhnUpload(),
		items: fileItem('big.pdf', { size: 30 * MB + 1 }),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /at most 30 MB/],
	},
	{
		name: 'NHN upload: SMS over 300 KB',
		parameters: nhnUpload({ fileTypes: ['SMS_DEFAULT'] }),
		items: fileItem('photo.jpg', { size: 300 * KB + 1 }),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /SMS_DEFAULT.*at most 300 KB/],
	},
	{
		name: 'NHN upload: RCS over 1 MB',
		parameters: nhnUpload({ fileTypes: ['RCS_DEFAULT'] }),
		items: fileItem('photo.png', { size: MB + 1 }),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /RCS_DEFAULT.*at most 1 MB/],
	},
	{
		name: 'NHN upload: AlimTalk over 500 KB',
		parameters: nhnUpload({ fileTypes: ['ALIMTALK_IMAGE'] }),
		items: fileItem('photo.jpg', { size: 500 * KB + 1 }),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /ALIMTALK_IMAGE.*at most 500 KB/],
	},
	...['exe', 'js', 'bat', 'vbs', 'Scr'].map(
		(extension): BadCase => ({
			name: `NHN upload: email refuses .${extension}`,
			parameters: nhnUpload({ fileTypes: ['EMAIL_DEFAULT'] }),
			items: fileItem(`run.${extension}`),
			detected: 'local',
			mentions: [ITEM_0, DATA_PROPERTY, new RegExp(`extension "${extension.toLowerCase()}".*EMAIL_DEFAULT`)],
		}),
	),
	{
		name: 'NHN upload: File Name override to .cmd is judged, not the binary name',
		parameters: nhnUpload({ fileTypes: ['EMAIL_DEFAULT'], fileName: 'invoice.cmd' }),
		items: fileItem('invoice.pdf'),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /"invoice\.cmd".*extension "cmd"/],
	},
	{
		name: 'NHN upload: SMS takes no .png',
		parameters: nhnUpload({ fileTypes: ['SMS_DEFAULT'] }),
		items: fileItem('photo.png'),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /SMS_DEFAULT.*accepts only jpg, jpeg/],
	},
	{
		name: 'NHN upload: RCS takes no .pdf',
		parameters: nhnUpload({ fileTypes: ['RCS_DEFAULT'] }),
		items: fileItem('doc.pdf'),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /RCS_DEFAULT.*accepts only/],
	},
	{
		name: 'NHN upload: AlimTalk takes no .gif',
		parameters: nhnUpload({ fileTypes: ['ALIMTALK_IMAGE'] }),
		items: fileItem('anim.gif'),
		detected: 'local',
		mentions: [ITEM_0, DATA_PROPERTY, /ALIMTALK_IMAGE.*accepts only jpg, png/],
	},
	// File types
	...[
		['lower case', 'email_default'],
		['a space', 'EMAIL DEFAULT'],
		['a leading digit', '1EMAIL'],
		['a hyphen', 'EMAIL-DEFAULT'],
	].map(
		([what, fileType]): BadCase => ({
			name: `NHN upload: file type with ${what}`,
			parameters: nhnUpload({ fileTypes: V }),
			json: { v: [fileType] },
			items: fileItem('a.pdf'),
			detected: 'local',
			mentions: [ITEM_0, new RegExp(`File type "${fileType}"`)],
		}),
	),
	{
		name: 'NHN validate uploaded: file types as text with a bad entry',
		parameters: validateUploaded('x', V),
		json: { v: 'EMAIL_DEFAULT, sms' },
		detected: 'local',
		mentions: [ITEM_0, /File type "sms"/],
	},
	...([['an object', { EMAIL_DEFAULT: true }], ['a number', 7], ['a boolean', false]] as Array<[string, unknown]>).map(
		([what, value]): BadCase => ({
			name: `NHN validate uploaded: file types from ${what}`,
			parameters: validateUploaded('x', V),
			json: { v: value as IDataObject },
			detected: 'local',
			mentions: [ITEM_0, /File Types/],
		}),
	),
	{
		name: 'NHN validate uploaded: file types [number]',
		parameters: validateUploaded('x', V),
		json: { v: [42] },
		detected: 'local',
		mentions: [ITEM_0, /File type 42/],
	},
	{ name: 'NHN validate uploaded: no file types', parameters: validateUploaded('x', V), json: { v: [] }, detected: 'local', mentions: [ITEM_0, /file type/] },
	{
		name: 'NHN update file types: file types null',
		parameters: { resource: 'nhn', operation: 'updateFileTypes', attachmentId: 'x', fileTypes: V },
		json: { v: null },
		detected: 'local',
		mentions: [ITEM_0, /file type/],
	},

	// IDs
	...WRONG_TYPES.map(
		([what, value]): BadCase => ({
			name: `NCP get: Temp Request ID from ${what}`,
			parameters: ncpGet(V),
			json: { v: value as IDataObject },
			detected: 'local',
			mentions: [ITEM_0, /Temp Request ID/],
		}),
	),
	...WRONG_TYPES.map(
		([what, value]): BadCase => ({
			name: `NHN get: Attachment ID from ${what}`,
			parameters: nhnGet(V),
			json: { v: value as IDataObject },
			detected: 'local',
			mentions: [ITEM_0, /Attachment ID/],
		}),
	),
	...(['', '   ', '.', '..', '...'] as const).map(
		(id): BadCase => ({
			name: `NCP delete: Temp Request ID ${JSON.stringify(id)}`,
			parameters: { resource: 'ncp', operation: 'delete', tempRequestId: V },
			json: { v: id },
			detected: 'local',
			mentions: [ITEM_0, /Temp Request ID/],
		}),
	),
	...(['', '  ', '..'] as const).map(
		(id): BadCase => ({
			name: `NHN validate uploaded: Attachment ID ${JSON.stringify(id)}`,
			parameters: validateUploaded(V),
			json: { v: id },
			detected: 'local',
			mentions: [ITEM_0, /Attachment ID/],
		}),
	),
	{
		name: 'NHN update file types: Attachment ID missing from the item (undefined)',
		parameters: { resource: 'nhn', operation: 'updateFileTypes', attachmentId: '={{ $json.nothing }}', fileTypes: ['EMAIL_DEFAULT'] },
		detected: 'local',
		mentions: [ITEM_0, /Attachment ID/],
	},

	// Binary property and file name parameters
	...([...WRONG_TYPES, ['a number', 3]] as Array<[string, unknown]>).map(
		([what, value]): BadCase => ({
			name: `NCP upload: Input Binary Field from ${what}`,
			parameters: ncpUpload({ binaryPropertyName: V }),
			json: { v: value as IDataObject },
			items: fileItem('a.pdf'),
			detected: 'local',
			mentions: [ITEM_0, /Input Binary Field/],
		}),
	),
	{ name: 'NCP upload: Input Binary Field " , "', parameters: ncpUpload({ binaryPropertyName: ' , ' }), items: fileItem('a.pdf'), detected: 'local', mentions: [ITEM_0, /Input Binary Field/] },
	{
		name: 'NHN upload: Input Binary Field from a number',
		parameters: nhnUpload({ binaryPropertyName: V }),
		json: { v: 0 },
		items: fileItem('a.pdf'),
		detected: 'local',
		mentions: [ITEM_0, /Input Binary Field/],
	},
	...([['an object', { name: 'a.pdf' }], ['a number', 12], ['an array', ['a.pdf']]] as Array<[string, unknown]>).map(
		([what, value]): BadCase => ({
			name: `NHN upload: File Name from ${what}`,
			parameters: nhnUpload({ fileName: V }),
			json: { v: value as IDataObject },
			items: fileItem('a.pdf'),
			detected: 'local',
			mentions: [ITEM_0, /File Name/],
		}),
	),

	// List
	...([0, 1001, -1, 2.5, '10', null, { n: 1 }] as unknown[]).map(
		(limit): BadCase => ({
			name: `NHN list: Limit ${JSON.stringify(limit)}`,
			parameters: nhnList({ limit: V }),
			json: { v: limit as IDataObject },
			detected: 'local',
			mentions: [ITEM_0, /Limit/],
		}),
	),
	...([-1, 'soon', { h: 1 }] as unknown[]).map(
		(hours): BadCase => ({
			name: `NHN list: Expiring Within ${JSON.stringify(hours)}`,
			parameters: nhnList({ filters: { expiringWithinHours: V } }),
			json: { v: hours as IDataObject },
			detected: 'local',
			mentions: [ITEM_0, /Expiring Within/],
		}),
	),
	{
		name: 'NHN list: File Name filter from a number',
		parameters: nhnList({ filters: { fileName: V } }),
		json: { v: 12 },
		detected: 'local',
		mentions: [ITEM_0, /fileName/],
	},
	{
		name: 'NHN list file types: Message Channel from an array',
		parameters: { resource: 'nhn', operation: 'listFileTypes', messageChannel: V },
		json: { v: ['SMS'] },
		detected: 'local',
		mentions: [ITEM_0, /Message Channel/],
	},

	// Options
	...(
		[
			['timeout', -1, /Timeout/],
			['timeout', 'fast', /Timeout/],
			['timeout', null, /Timeout/],
			['retries', 11, /Retries/],
			['retries', -1, /Retries/],
			['retries', 1.5, /Retries/],
			['retries', [3], /Retries/],
			['maxRetryWaitMs', -5, /Max Retry Wait/],
			['maxRetryWaitMs', true, /Max Retry Wait/],
		] as Array<[string, unknown, RegExp]>
	).map(
		([option, value, mention]): BadCase => ({
			name: `NHN get: option ${option} ${JSON.stringify(value)}`,
			parameters: nhnGet('x', { options: { [option]: V } }),
			json: { v: value as IDataObject },
			detected: 'local',
			mentions: [ITEM_0, mention],
		}),
	),
	{
		name: 'NHN upload: option timeout "fast"',
		parameters: nhnUpload({ options: { timeout: V } }),
		json: { v: 'fast' },
		items: fileItem('a.pdf'),
		detected: 'local',
		mentions: [ITEM_0, /Timeout/],
	},
	{
		name: 'NCP get: option retries 11',
		parameters: { ...ncpGet('t'), options: { retries: 11 } },
		detected: 'local',
		mentions: [ITEM_0, /Retries/],
	},

	// Only the service can tell
	{
		name: 'NHN get: unknown attachment ID',
		parameters: nhnGet('20240101000000NoSuchThing'),
		detected: 'service',
		apiCode: '404202',
		mentions: [/HTTP 404, code 404202/, /20240101000000NoSuchThing/],
	},
	{
		name: 'NHN validate uploaded: unknown attachment ID',
		parameters: validateUploaded('20240101000000NoSuchThing'),
		detected: 'service',
		apiCode: '404202',
		mentions: [/HTTP 404, code 404202/, /20240101000000NoSuchThing/],
	},
	{
		name: 'NHN update file types: unknown attachment ID',
		parameters: { resource: 'nhn', operation: 'updateFileTypes', attachmentId: 'gone/../x', fileTypes: ['EMAIL_DEFAULT'] },
		detected: 'service',
		apiCode: '404202',
		mentions: [/HTTP 404, code 404202/, /gone\/\.\.\/x/],
	},
	{
		name: 'NCP get: unknown tempRequestId',
		parameters: ncpGet('f355aac1-0000-0000-0000-000000000000-99'),
		detected: 'service',
		apiCode: '77103',
		mentions: [/HTTP 400, code 77103/, /f355aac1-0000-0000-0000-000000000000-99/],
	},
	{
		name: 'NCP delete: unknown tempRequestId (a number from an expression)',
		parameters: { resource: 'ncp', operation: 'delete', tempRequestId: V },
		json: { v: 123456 },
		detected: 'service',
		apiCode: '77103',
		mentions: [/HTTP 400, code 77103/, /123456/],
	},
	{
		name: 'NHN upload: unknown but well-formed file type',
		parameters: nhnUpload({ fileTypes: ['EMAIL_UNKNOWN'] }),
		items: fileItem('a.pdf'),
		detected: 'service',
		apiCode: '400100',
		mentions: [/HTTP 400, code 400100/, /EMAIL_UNKNOWN/],
	},
	{
		name: 'NHN validate uploaded: unknown file type, Fail on Invalid',
		parameters: { ...validateUploaded('placeholder', ['SMS_UNKNOWN']), attachmentId: '={{ $json.id }}', options: { failOnInvalid: true } },
		seed: (emulator) => ({ id: seedNhnAttachment(emulator, 'known') }),
		detected: 'service',
		apiCode: '400100',
		mentions: [/HTTP 400, code 400100/, /SMS_UNKNOWN/],
	},
	{
		name: 'NHN list: unknown file type filter',
		parameters: nhnList({ filters: { fileType: 'EMAIL_UNKNOWN' } }),
		detected: 'service',
		apiCode: '400100',
		mentions: [/HTTP 400, code 400100/, /EMAIL_UNKNOWN/],
	},
	{
		name: 'NHN list file types: unknown channel',
		parameters: { resource: 'nhn', operation: 'listFileTypes', messageChannel: V },
		json: { v: 'FAX' },
		detected: 'service',
		apiCode: '400100',
		mentions: [/HTTP 400, code 400100/, /FAX/],
	},
	{
		name: 'NHN upload: a known and an unknown file type',
		parameters: nhnUpload({ fileTypes: ['EMAIL_DEFAULT', 'EMAIL_NOPE'] }),
		items: fileItem('a.pdf'),
		detected: 'service',
		apiCode: '400100',
		mentions: [/HTTP 400, code 400100/, /EMAIL_NOPE/],
	},
];


const figures = { cases: 0, local: 0, service: 0, requestsForLocalCases: 0, itemNamed: 0, errorItems: 0, nonNodeErrors: 0 };
const startedAt = Date.now();
let emulator: Emulator;
const scanner = new SecretScanner();
const probe = new ErrorProbe();

beforeAll(async () => {
	emulator = await startLocalEmulator();
	probe.install();
});

afterAll(async () => {
	probe.restore();
	await emulator.close();
	console.log(
		`RELIABILITY bad-input: cases=${figures.cases} locallyDetected=${figures.local} serviceDetected=${figures.service} ` +
			`requestsSeenForLocalCases=${figures.requestsForLocalCases} itemNamedInMessage=${figures.itemNamed} ` +
			`errorItemsWithContinueOnFail=${figures.errorItems} nonNodeErrors=${figures.nonNodeErrors} ` +
			`secretsFound=${scanner.found} durationMs=${Date.now() - startedAt}`,
	);
});

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
		resetAll(emulator, scanner);
		probe.thrown.length = 0;
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
		resetAll(emulator, scanner);
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
		resetAll(emulator, scanner);
		const run = await runNode(
			emulator,
			fileItem('photo'),
			{ resource: 'nhn', operation: 'validateBeforeUpload', binaryPropertyName: 'data', fileTypes: ['SMS_DEFAULT'] },
			{ continueOnFail: false },
		);
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
		resetAll(emulator, scanner);
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
		resetAll(emulator, scanner);
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
		resetAll(emulator, scanner);
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
		resetAll(emulator, scanner);
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
		resetAll(emulator, scanner);
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
