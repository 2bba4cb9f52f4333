/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- e2e tests: drive a real n8n and the emulator, print a summary and one timing line per case; never published */
// The fault matrix in a real n8n 2.41.1 (the package installed from its packed tarball) against the in-process
// emulator: the companion of the engine-level matrix (test/reliability). Each fault is one workflow, run once with
// `n8n execute`: Manual Trigger → (a first NHN call that settles the access token) → a Code node making 3 items →
// one Attachment node per operation (NCP upload, NCP get, NHN upload, NHN list, NHN get), Continue On Fail on,
// Concurrency 1, the fault injected on the middle item's request of each operation.
//
// Checked per operation: 3 output items paired 0, 1, 2; the faulted item ends in success where README "Retries"
// says the node retries (reads after 502/503/504/reset/timeout/429, uploads after 429 only; an expired NHN token is
// renewed), else in a clear error item naming the provider and the HTTP status or the failure (never a TypeError);
// the node's time and the run's wall time stay under attempts × timeout + max retry wait (+ slack); the emulator
// saw the request count the policy implies, stored each successful upload once and nothing else. At the end: a
// secret scan of every run's output and log, and one RELIABILITY summary line.
import { setTimeout as sleep } from 'node:timers/promises';

import { importCredentials, nodeOutputItems, nodeRuns, cleanupE2e, type N8nRun, type RunItem } from '../../e2e/harness';
import { DEMO_KEYS, type FaultMatch, type FaultSpec } from '../../emulator/server';
import { DAY_MS, sha256, type EmulatorStateView } from './helpers/emulator';
import { E2eSuite } from './helpers/suite';
import { attachmentNode, codeWithFiles, manualTrigger, START, workflow, type InlineFile } from './helpers/workflows';

jest.setTimeout(120_000);

const ITEMS = 3;
const MIDDLE = 1;
const NCP_LABEL = 'NAVER Cloud Outbound Mailer';
const NHN_LABEL = 'NHN Cloud Notification Hub';
/** n8n's own start-up and shutdown around the workflow, on top of what the options allow the node. */
const STARTUP_SLACK_MS = 15_000;
/** Per node: the two healthy items and the node's own bookkeeping. */
const NODE_SLACK_MS = 2_000;

const WRONG_NCP_CREDENTIAL = { id: 'ncpWrongSecret1', name: 'NAVER Cloud Outbound Mailer (wrong secret)' };
const WRONG_NCP_SECRET = `${DEMO_KEYS.ncp.secretKey}-but-not-this-one`;

// ---------------------------------------------------------------------------------------------------------------
// Operations

type OpKey = 'ncpUpload' | 'ncpGet' | 'nhnUpload' | 'nhnList' | 'nhnGet';

interface Operation {
	key: OpKey;
	/** The Attachment node's name in every workflow. */
	node: string;
	resource: 'ncp' | 'nhn';
	/** README "Retries": retried after 502/503/504, a reset or a timeout. */
	read: boolean;
	/** Stores a file per successful item. */
	stores: boolean;
	parameters: Record<string, unknown>;
	/** The middle item's request: its own path (gets), or a route all items share (the first is let through). */
	route(ids: CaseIds): { match: FaultMatch; shared: boolean };
}

const NCP_FILES = '/ncp/api/v1/files';
const NHN_ATTACHMENTS = '/nhn/attachment/v1.0/attachments';
const exactly = (path: string) => `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

const OPERATIONS: Operation[] = [
	{
		key: 'ncpUpload',
		node: 'NCP upload',
		resource: 'ncp',
		read: false,
		stores: true,
		parameters: { binaryPropertyName: 'data', requestMode: 'single' },
		route: () => ({ match: { service: 'ncp', method: 'POST', pathRegex: exactly(NCP_FILES) }, shared: true }),
	},
	{
		key: 'ncpGet',
		node: 'NCP get',
		resource: 'ncp',
		read: true,
		stores: false,
		parameters: { tempRequestId: '={{ $json.ncpId }}' },
		route: (ids) => ({ match: { service: 'ncp', method: 'GET', pathRegex: exactly(`${NCP_FILES}/${ids.ncp[MIDDLE]}`) }, shared: false }),
	},
	{
		key: 'nhnUpload',
		node: 'NHN upload',
		resource: 'nhn',
		read: false,
		stores: true,
		parameters: { binaryPropertyName: 'data', fileTypeChannel: 'EMAIL', fileTypes: ['EMAIL_DEFAULT'] },
		route: () => ({ match: { service: 'nhn', method: 'POST', pathRegex: exactly(NHN_ATTACHMENTS) }, shared: true }),
	},
	{
		key: 'nhnList',
		node: 'NHN list',
		resource: 'nhn',
		read: true,
		stores: false,
		// One attachment per input item: three items in, three out.
		parameters: { returnAll: false, limit: 1, filters: {} },
		route: () => ({ match: { service: 'nhn', method: 'GET', pathRegex: exactly(NHN_ATTACHMENTS) }, shared: true }),
	},
	{
		key: 'nhnGet',
		node: 'NHN get',
		resource: 'nhn',
		read: true,
		stores: false,
		parameters: { attachmentId: '={{ $json.nhnId }}', download: false },
		route: (ids) => ({ match: { service: 'nhn', method: 'GET', pathRegex: exactly(`${NHN_ATTACHMENTS}/${ids.nhn[MIDDLE]}`) }, shared: false }),
	},
];

const opByKey = (key: OpKey) => OPERATIONS.find((op) => op.key === key) as Operation;

// ---------------------------------------------------------------------------------------------------------------
// Faults

type Outcome = 'success' | 'error';

interface RetryOptions {
	retries: number;
	maxRetryWaitMs: number;
	timeout: number;
}

interface FaultCase {
	/** Short: the workflow id is `e2eFault-<key>` (21 characters at most). */
	key: string;
	title: string;
	ops: OpKey[];
	/** Injected on the middle item's request of each operation (once). */
	spec?: FaultSpec;
	options: RetryOptions;
	outcome(op: Operation): Outcome;
	/** How a clear error item of this fault reads (after the provider's name). */
	errorPattern: RegExp;
	/** Only the middle item is faulted, or every item (a credential refused). */
	scope: 'middle' | 'all';
	/** The emulator's clock moves past the token lifetime while the middle item's request waits. */
	expireTokenMidRun?: boolean;
	/** A retry after the server's Retry-After: the node took at least this long. */
	minNodeMs?: number;
}

const ALL_OPS: OpKey[] = ['ncpUpload', 'ncpGet', 'nhnUpload', 'nhnList', 'nhnGet'];
const NHN_OPS: OpKey[] = ['nhnUpload', 'nhnList', 'nhnGet'];
const NCP_OPS: OpKey[] = ['ncpUpload', 'ncpGet'];
const OPTIONS: RetryOptions = { retries: 3, maxRetryWaitMs: 3_000, timeout: 2_000 };
const readsRecover = (op: Operation): Outcome => (op.read ? 'success' : 'error');
const TOKEN_WAIT_MS = 1_500;
const SLOW_ANSWER_MS = 3_000;

const CASES: FaultCase[] = [
	{ key: 'http500', title: 'HTTP 500', ops: ALL_OPS, spec: { type: 'status', status: 500 }, options: OPTIONS, outcome: () => 'error', errorPattern: /HTTP 500/, scope: 'middle' },
	{ key: 'http502', title: 'HTTP 502', ops: ALL_OPS, spec: { type: 'status', status: 502 }, options: OPTIONS, outcome: readsRecover, errorPattern: /HTTP 502/, scope: 'middle' },
	{
		key: 'http503ra1',
		title: 'HTTP 503 with Retry-After: 1',
		ops: ALL_OPS,
		spec: { type: 'status', status: 503, headers: { 'Retry-After': '1' } },
		options: OPTIONS,
		outcome: readsRecover,
		errorPattern: /HTTP 503/,
		scope: 'middle',
		minNodeMs: 1_000,
	},
	{ key: 'http429', title: 'HTTP 429', ops: ALL_OPS, spec: { type: 'status', status: 429 }, options: OPTIONS, outcome: () => 'success', errorPattern: /HTTP 429/, scope: 'middle' },
	{
		key: 'reset',
		title: 'connection reset',
		ops: ALL_OPS,
		spec: { type: 'reset' },
		options: OPTIONS,
		outcome: readsRecover,
		errorPattern: /connection was reset|EPIPE|socket hang up/,
		scope: 'middle',
	},
	{
		key: 'timeout',
		title: `answer after ${SLOW_ANSWER_MS} ms, timeout 500 ms`,
		ops: ALL_OPS,
		spec: { type: 'delay', ms: SLOW_ANSWER_MS },
		options: { ...OPTIONS, timeout: 500 },
		outcome: readsRecover,
		errorPattern: /timed out/,
		scope: 'middle',
	},
	{
		key: 'malformed',
		title: 'malformed JSON (HTTP 200)',
		ops: ALL_OPS,
		spec: { type: 'malformed' },
		options: OPTIONS,
		outcome: () => 'error',
		errorPattern: /HTTP 200.*not the JSON object/,
		scope: 'middle',
	},
	{ key: 'html', title: 'HTML error page (HTTP 502)', ops: ALL_OPS, spec: { type: 'html', status: 502 }, options: OPTIONS, outcome: readsRecover, errorPattern: /HTTP 502/, scope: 'middle' },
	{
		key: 'nhn200fail',
		title: 'NHN HTTP 200 with header.isSuccessful false',
		ops: NHN_OPS,
		spec: {
			type: 'status',
			status: 200,
			headers: { 'X-NC-ALWAYS-200-OK': 'true' },
			body: { header: { isSuccessful: false, resultCode: 500000, resultMessage: 'Internal server error' } },
		},
		options: OPTIONS,
		outcome: () => 'error',
		errorPattern: /HTTP 200, code 500000: Internal server error/,
		scope: 'middle',
	},
	{
		key: 'nhnTokenExp',
		title: 'NHN token expires mid-run',
		ops: NHN_OPS,
		spec: { type: 'delay', ms: TOKEN_WAIT_MS },
		options: OPTIONS,
		outcome: () => 'success',
		errorPattern: /$^/,
		scope: 'middle',
		expireTokenMidRun: true,
	},
	{
		key: 'ncpBadSig',
		title: 'NCP signature refused (wrong secret key)',
		ops: NCP_OPS,
		options: OPTIONS,
		outcome: () => 'error',
		errorPattern: /HTTP 401, code 200: Authentication Failed - Signature mismatch/,
		scope: 'all',
	},
];

// ---------------------------------------------------------------------------------------------------------------
// Data: per case, the items' files and the IDs the gets read (seeded in the emulator before the run)

interface CaseIds {
	ncp: string[];
	nhn: string[];
}

const caseIds = (index: number): CaseIds => ({
	ncp: Array.from({ length: ITEMS }, (_, i) => `e2e-fault-${String(index).padStart(2, '0')}-item-${i}-99`),
	// The NHN shape: yyyyMMddHHmmss + 11 characters.
	nhn: Array.from({ length: ITEMS }, (_, i) => `20250101000000F${String(index).padStart(2, '0')}I${i}e2eflt`),
});

const caseFiles = (c: FaultCase): InlineFile[] =>
	Array.from({ length: ITEMS }, (_, i) => ({
		bytes: Buffer.from(`%PDF-1.4\n% e2e fault ${c.key} item ${i}\n%%EOF\n`),
		fileName: `fault-${c.key}-${i}.pdf`,
		mimeType: 'application/pdf',
	}));

const workflowId = (c: FaultCase) => `e2eFault-${c.key}`;

function caseWorkflow(c: FaultCase, index: number) {
	const ids = caseIds(index);
	const files = caseFiles(c);
	const hasNhn = c.ops.some((key) => opByKey(key).resource === 'nhn');
	const items = files.map((file, i) => ({ json: { item: i, ncpId: ids.ncp[i], nhnId: ids.nhn[i] }, binary: { data: file } }));
	const options = { concurrency: 1, ...c.options };
	const wrongCredential = c.key === 'ncpBadSig' ? { credentials: { ncpOutboundMailerApi: WRONG_NCP_CREDENTIAL } } : {};
	const nodes = [
		manualTrigger(),
		// An NHN call before the matrix: it meets (and renews) whatever token the credential holds, so the faulted
		// routes only ever see requests with a valid token.
		...(hasNhn ? [attachmentNode('Settle NHN token', 'nhn', 'listFileTypes', { messageChannel: 'EMAIL', options: {} })] : []),
		codeWithFiles('Three items', items),
		...c.ops.map((key) => {
			const op = opByKey(key);
			return attachmentNode(op.node, op.resource, key.slice(3).toLowerCase(), { ...op.parameters, options }, {
				onError: 'continueRegularOutput',
				...wrongCredential,
			});
		}),
	];
	const edges: Array<[string, string]> = hasNhn
		? [
				[START, 'Settle NHN token'],
				['Settle NHN token', 'Three items'],
			]
		: [[START, 'Three items']];
	for (const key of c.ops) edges.push(['Three items', opByKey(key).node]);
	return workflow(workflowId(c), `e2e fault: ${c.title}`, nodes, edges);
}

const WORKFLOWS = CASES.map((c, index) => caseWorkflow(c, index));

// ---------------------------------------------------------------------------------------------------------------
// Checks

const labelOf = (op: Operation) => (op.resource === 'ncp' ? NCP_LABEL : NHN_LABEL);

/** Words that give away an error the node did not mean to raise. */
const INTERNAL_ERROR = /TypeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|is not defined|\[object Object\]|undefined/;

function expectClearError(item: RunItem, op: Operation, c: FaultCase): void {
	const message = String(item.json.error);
	expect({ message, provider: item.json.provider }).toEqual({ message: expect.stringMatching(new RegExp(`^${labelOf(op)}: `)), provider: labelOf(op) });
	expect(message).toMatch(c.errorPattern);
	expect(message).not.toMatch(INTERNAL_ERROR);
	expect(String(item.json.description ?? '')).not.toMatch(INTERNAL_ERROR);
}

function expectSuccess(item: RunItem, op: Operation, ids: CaseIds, index: number): void {
	expect(item.json.error).toBeUndefined();
	switch (op.key) {
		case 'ncpUpload':
			expect(item.json).toMatchObject({ tempRequestId: expect.any(String), fileIds: [expect.any(String)] });
			break;
		case 'ncpGet':
			expect(item.json).toMatchObject({ tempRequestId: ids.ncp[index], fileIds: [`${ids.ncp[index]}-file`] });
			break;
		case 'nhnUpload':
			expect(item.json).toMatchObject({ attachmentId: expect.any(String), fileTypes: ['EMAIL_DEFAULT'] });
			break;
		case 'nhnList':
			expect(item.json).toMatchObject({ attachmentId: expect.any(String), fileName: expect.any(String) });
			break;
		case 'nhnGet':
			expect(item.json).toMatchObject({ attachmentId: ids.nhn[index], fileName: `seed-${index}.jpg` });
			break;
	}
}

const pairedIndex = (item: RunItem): number | undefined => {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : paired?.item;
};

// ---------------------------------------------------------------------------------------------------------------
// Figures for the summary line

/** One line per case: each operation's middle item as it came out, and the node's time. */
const matrix: string[] = [];

/** Each case's run, for the checks that read several cases at once. */
const runs = new Map<string, N8nRun>();

/**
 * The summary line: `faults` kinds of fault, `runs` n8n executions (one per fault); `succeeded` and `clearErrors`
 * count the faulted items (each operation's middle item; all three when the credential is refused) by how they came
 * out; `itemsLost` input items without an output item; `duplicateUploads` stored files beyond the successful uploads.
 */
const figures = { faults: new Set<string>(), runs: 0, succeeded: 0, clearErrors: 0, itemsLost: 0, duplicateUploads: 0, secretsFound: 0 };

describe('fault matrix in a real n8n against the emulator', () => {
	let suite: E2eSuite;

	beforeAll(async () => {
		suite = await E2eSuite.start('faults', WORKFLOWS);
		const t0 = Date.now();
		await importCredentials(suite.folder, [
			{
				...WRONG_NCP_CREDENTIAL,
				type: 'ncpOutboundMailerApi',
				data: { accessKeyId: DEMO_KEYS.ncp.accessKeyId, secretKey: WRONG_NCP_SECRET, site: 'custom', customBaseUrl: suite.emulator.emulator.ncpBaseUrl },
			},
		]);
		(suite as { setupMs: number }).setupMs += Date.now() - t0;
	}, 180_000);

	beforeEach(async () => {
		await suite.emulator.reset();
	});

	afterAll(async () => {
		if (suite) {
			console.log(matrix.join('\n'));
			console.log(suite.timingReport());
			console.log(
				`RELIABILITY e2e-faults: faults=${figures.faults.size} runs=${figures.runs} succeeded=${figures.succeeded} ` +
					`clearErrors=${figures.clearErrors} itemsLost=${figures.itemsLost} duplicateUploads=${figures.duplicateUploads} ` +
					`secretsFound=${figures.secretsFound}`,
			);
			await suite.close();
		}
		await cleanupE2e();
	});

	/** Puts the items' NCP uploads and NHN attachments in the emulator under the case's fixed IDs. */
	function seed(ids: CaseIds): void {
		const state = suite.emulator.emulator.state;
		const now = state.clock.now();
		for (let i = 0; i < ITEMS; i++) {
			const ncpData = Buffer.from(`seeded ncp file ${ids.ncp[i]}`);
			const file = { fileId: `${ids.ncp[i]}-file`, tempRequestId: ids.ncp[i], fileName: `seed-${i}.pdf`, size: ncpData.length, sha256: sha256(ncpData), data: ncpData };
			state.ncp.uploads.set(ids.ncp[i], { tempRequestId: ids.ncp[i], files: [file] });
			state.ncp.filesById.set(file.fileId, file);
			const nhnData = Buffer.from(`seeded nhn attachment ${ids.nhn[i]}`);
			state.nhn.attachments.set(ids.nhn[i], {
				attachmentId: ids.nhn[i],
				fileName: `seed-${i}.jpg`,
				fileFormat: 'JPG',
				size: nhnData.length,
				sha256: sha256(nhnData),
				data: nhnData,
				uploadedFileTypes: ['EMAIL_DEFAULT'],
				createdAtMs: now,
				expiresAtMs: now + 7 * DAY_MS,
			});
		}
	}

	/** Injects the case's fault on each operation's middle-item request; returns the ids of the rules that carry it. */
	async function inject(c: FaultCase, ids: CaseIds): Promise<Map<OpKey, number>> {
		const ruleIds = new Map<OpKey, number>();
		if (!c.spec) return ruleIds;
		for (const key of c.ops) {
			const { match, shared } = opByKey(key).route(ids);
			// On a route all items share, item 0's request is let through by a no-op first rule (rules are taken in order).
			if (shared) await suite.emulator.admin('POST', '/faults', { match, count: 1, fault: { type: 'delay', ms: 0 } });
			const rule = await suite.emulator.admin<{ id: number }>('POST', '/faults', { match, count: 1, fault: c.spec });
			ruleIds.set(key, rule.id);
		}
		return ruleIds;
	}

	/**
	 * Notes when each rule is taken (the request arrived), polling the live state; `onTaken` runs then (the token
	 * case moves the clock while the request waits in its delay).
	 */
	function watchRules(ruleIds: number[], onTaken: (id: number) => Promise<void>) {
		const takenAt = new Map<number, number>();
		const pending: Array<Promise<void>> = [];
		const timer = setInterval(() => {
			const live = new Set(suite.emulator.emulator.state.faults.map((rule) => rule.id));
			for (const id of ruleIds) {
				if (!takenAt.has(id) && !live.has(id)) {
					takenAt.set(id, Date.now());
					pending.push(onTaken(id));
				}
			}
		}, 10);
		return {
			takenAt,
			async stop() {
				clearInterval(timer);
				await Promise.all(pending);
			},
		};
	}

	for (const [index, c] of CASES.entries()) {
		const ops = c.ops.map(opByKey);
		const attempts = c.options.retries + 1;
		const nodeBoundMs = attempts * c.options.timeout + c.options.maxRetryWaitMs + NODE_SLACK_MS;
		const runBoundMs = ops.length * (attempts * c.options.timeout + c.options.maxRetryWaitMs) + STARTUP_SLACK_MS;
		const outcomes = ops.map((op) => `${op.key} ${c.outcome(op)}`).join(', ');

		it(`${c.title}: ${outcomes}`, async () => {
			await suite.timed(`${c.title} (${ops.length} operations; wall-time bound ${runBoundMs} ms)`, async () => {
				const ids = caseIds(index);
				seed(ids);
				const ruleIds = await inject(c, ids);
				const watcher = watchRules([...ruleIds.values()], async () => {
					if (c.expireTokenMidRun) await suite.emulator.advanceClock(DAY_MS + 60_000);
				});
				let run: N8nRun;
				let wallMs: number;
				try {
					const result = await suite.execute(workflowId(c));
					run = result.run;
					wallMs = result.ms;
					figures.runs += 1;
					figures.faults.add(c.key);
					// A slow answer the node gave up on is still being handled: let it end before reading the state.
					if (c.spec?.type === 'delay') {
						const lastTaken = Math.max(0, ...watcher.takenAt.values());
						await sleep(Math.max(0, lastTaken + c.spec.ms + 500 - Date.now()));
					}
				} finally {
					await watcher.stop();
				}
				const emu = await suite.emulator.state();
				runs.set(c.key, run);
				const matrixLine: string[] = [];

				expect(run.data.resultData.error).toBeUndefined();
				if (c.expireTokenMidRun) {
					// One token per operation's middle item, and one for the first call when it met a token of an earlier case.
					const settled = emu.requests.filter((r) => r.path === `${NHN_ATTACHMENTS}/file-types` && r.status === 401).length;
					expect(emu.nhn.tokensIssued).toBe(ops.length + settled);
				}
				// Every injected fault met its request.
				expect(suite.emulator.emulator.state.faults).toEqual([]);
				expect(watcher.takenAt.size).toBe(ruleIds.size);

				for (const op of ops) {
					const items = nodeOutputItems(run, op.node);
					const seen = new Set(items.map(pairedIndex));
					figures.itemsLost += Array.from({ length: ITEMS }, (_, i) => i).filter((i) => !seen.has(i)).length;
					expect(items.map(pairedIndex)).toEqual([0, 1, 2]);

					const expected = items.map((_, i) => (c.scope === 'all' || i === MIDDLE ? c.outcome(op) : 'success'));
					const middle = items[MIDDLE];
					matrixLine.push(
						`${op.key}=${middle?.json.error === undefined ? 'success' : `error "${String(middle.json.error)}"${middle.json.description ? ` [${String(middle.json.description)}]` : ''}`} ` +
							`(node ${nodeRuns(run, op.node)[0].executionTime} ms)`,
					);
					items.forEach((item, i) => {
						if (expected[i] === 'success') expectSuccess(item, op, ids, i);
						else expectClearError(item, op, c);
						if (c.scope === 'all' || i === MIDDLE) {
							if (expected[i] === 'success') figures.succeeded += 1;
							else figures.clearErrors += 1;
						}
					});

					// Time: the node within attempts × timeout + max retry wait; a Retry-After honoured.
					const [nodeRun] = nodeRuns(run, op.node);
					expect(nodeRun.executionTime).toBeLessThan(nodeBoundMs);
					if (c.minNodeMs && c.outcome(op) === 'success') expect(nodeRun.executionTime).toBeGreaterThanOrEqual(c.minNodeMs);

					// Requests: one per item, plus one resend for the middle item where it was retried or renewed.
					const { match, shared } = op.route(ids);
					const onRoute = (r: EmulatorStateView['requests'][number]) =>
						r.service === match.service && r.method === match.method && new RegExp(match.pathRegex as string).test(r.path);
					const requests = emu.requests.filter(onRoute);
					const resent = c.spec && c.outcome(op) === 'success' ? 1 : 0;
					expect(requests).toHaveLength((shared ? ITEMS : 1) + resent);
					if (c.expireTokenMidRun) {
						// The middle request waits while the clock moves past the token's lifetime: refused (401), renewed, resent.
						const middle = ['delay 401', '- 200'];
						expect(requests.map((r) => `${r.fault ?? '-'} ${r.status}`)).toEqual(shared ? ['delay 200', ...middle, '- 200'] : middle);
					}

					// Storage: each successful upload stored once, nothing else; no input stored twice.
					if (op.stores) {
						const files = caseFiles(c);
						const stored =
							op.resource === 'ncp'
								? emu.ncp.files.filter((f) => !ids.ncp.includes(f.tempRequestId))
								: emu.nhn.attachments.filter((a) => !ids.nhn.includes(a.attachmentId));
						const succeededShas = items.filter((item) => item.json.error === undefined).map((item) => sha256(files[pairedIndex(item) as number].bytes));
						const storedShas = stored.map((f) => f.sha256);
						figures.duplicateUploads += storedShas.length - new Set(storedShas).size;
						figures.duplicateUploads += storedShas.filter((sha) => !succeededShas.includes(sha)).length;
						expect(storedShas.sort()).toEqual([...succeededShas].sort());
						const returnedIds = items
							.filter((item) => item.json.error === undefined)
							.map((item) => (op.resource === 'ncp' ? (item.json.fileIds as string[])[0] : item.json.attachmentId));
						expect(stored.map((f) => ('fileId' in f ? f.fileId : f.attachmentId)).sort()).toEqual([...returnedIds].sort());
					}
				}

				matrix.push(`faults: ${c.key}: ${matrixLine.join(' | ')}`);

				// The run's wall time (n8n's start-up included) within the bound the options give.
				expect(wallMs).toBeLessThan(runBoundMs);
			});
		});
	}

	// README "Retries": an upload met by 502, 503, 504, a reset or a timeout is not retried, since the service may
	// already have stored the file, and the error's description says so (fixed in 6a68a11; found by the engine-level
	// matrix, confirmed here in a real n8n). The attempts are named only when there were several: here there was one.
	it('the error item of an upload that was not retried (502, 503, reset, timeout, HTML 502) says it may have been stored', () => {
		const unretried = ['http502', 'http503ra1', 'reset', 'timeout', 'html'];
		const errors = unretried.flatMap((key) => {
			const run = runs.get(key);
			if (!run) throw new Error(`the ${key} case did not run`);
			return (['ncpUpload', 'nhnUpload'] as OpKey[]).map((op) => ({ key, op, json: nodeOutputItems(run, opByKey(op).node)[MIDDLE].json }));
		});
		expect(errors).toHaveLength(10);
		const silent = errors.filter(
			({ json }) => typeof json.error !== 'string' || !/^Not retried: the service may have applied this request/.test(String(json.description ?? '')),
		);
		expect(silent.map(({ key, op }) => `${key} ${op}`)).toEqual([]);
		// An error the service answered in full (500, a malformed 200) is not said to be unretried.
		for (const key of ['http500', 'malformed']) {
			const run = runs.get(key) as N8nRun;
			for (const op of ['ncpUpload', 'nhnUpload'] as OpKey[]) {
				expect(String(nodeOutputItems(run, opByKey(op).node)[MIDDLE].json.description ?? '')).not.toMatch(/Not retried/);
			}
		}
	});

	it('no demo secret key, secret access key or issued token appears in any run output or log', async () => {
		await suite.timed('secret scan of every run output and log', async () => {
			await suite.emulator.state();
			const findings = suite.secretFindings([WRONG_NCP_SECRET]);
			figures.secretsFound = findings.length;
			expect(suite.emulator.issuedTokens().length).toBeGreaterThan(0);
			expect(suite.outputs.length).toBeGreaterThanOrEqual(CASES.length);
			expect(findings).toEqual([]);
		});
	});
});
