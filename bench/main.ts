/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- benchmark tooling: starts a real n8n, the emulator and a bare client process, never published */
// `./scripts/bench`: the node's figures in a real n8n 2.41.1 (the packed package installed as users install it)
// against the emulator, each with its goal and PASS/FAIL. Every time is a node's own executionTime from the run
// data (n8n's start-up is never counted); variants are interleaved (A B A B ...) and compared by their medians.
// A missed goal is reported, not an error: the process fails only when a run breaks.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { CREDENTIAL_IDS, emulatorCredentials, projectRoot } from '../e2e/fixtures';
import {
	cleanupE2e,
	createUserFolder,
	importCredentials,
	importWorkflow,
	N8N_VERSION,
	nodeOutputItems,
	packPackage,
	run,
	type UserFolder,
} from '../e2e/harness';
import { DEMO_KEYS, startEmulator } from '../emulator/server';
import type { BareUploadInput, BareUploadResult } from './bare-upload';
import { EmulatorControl, nhnRequests, refused } from './emulator-control';
import { assertRunSucceeded, crashedAfterSuccess, executeMeasured, nodeExecutionMs, peakRssMethod, type N8nExecution } from './n8n-run';
import { figureLine, list, markdownDetails, markdownTable, median, mib, ms, ratio, textTable, type Row } from './report';
import {
	httpRequestUploadWorkflow,
	listAllWorkflow,
	listFileTypesWorkflow,
	MEASURED,
	nodeUploadTwiceWorkflow,
	nodeUploadWorkflow,
	readOnlyWorkflow,
	type CredentialRef,
} from './workflows';

const KIB = 1024;
const MIB = 1024 * 1024;

/** Repetitions per variant (BENCH_REPS overrides them all, e.g. 1 for a smoke run). */
const override = Number(process.env.BENCH_REPS);
const reps = (n: number) => (Number.isInteger(override) && override > 0 ? override : n);
const REPS = { upload: reps(5), many: reps(3), list: reps(5) };

const BIG_BYTES = 25 * MIB;
const SMALL_BYTES = 1 * KIB;
const MANY_COUNT = 200;
const MANY_BYTES = 64 * KIB;
const LIST_COUNT = 10_000;
const LATENCY_MS = 50;
const TOKEN_ITEMS = 1000;

const CREDENTIALS: Record<'main' | 'fresh', CredentialRef> = {
	main: { id: CREDENTIAL_IDS.nhn, name: 'NHN Cloud Notification Hub (demo)' },
	fresh: { id: 'benchNhnFreshToken', name: 'NHN Cloud Notification Hub (bench, no token yet)' },
};

const WF = {
	warmup: 'benchWarmup',
	bigTwice: 'benchUpload25MiBTwice',
	big: 'benchUpload25MiB',
	small: 'benchUpload1KiB',
	readBig: 'benchRead25MiB',
	readSmall: 'benchRead1KiB',
	manyC5: 'benchMany200c5',
	manyC1: 'benchMany200c1',
	manyHttp: 'benchMany200http',
	listC5: 'benchList10kC5',
	listC1: 'benchList10kC1',
	tokens: 'benchTokens1000',
};

const say = (text: string) => process.stdout.write(text);
const step = (text: string) => say(`==> ${text}\n`);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The same bench on this machine: the interleaving order of rep `i` for `variants` (rotated each rep). */
function rotation<T>(variants: T[], i: number): T[] {
	const shift = i % variants.length;
	return [...variants.slice(shift), ...variants.slice(0, shift)];
}

interface World {
	folder: UserFolder;
	emu: EmulatorControl;
	files: { big: string; small: string; manyDir: string; bigSha: string };
	uploadUrl: string;
}

async function setUp(): Promise<World> {
	step('Packing the package and installing it in a fresh n8n user folder; starting the emulator');
	const tarball = await packPackage(projectRoot());
	const [folder, emulator] = await Promise.all([createUserFolder({ tarball }), startEmulator({ port: 0 })]);
	const emu = new EmulatorControl(emulator);

	step('Writing the input files (25 MiB, 1 KiB, 200 x 64 KiB) where Read/Write Files from Disk may read them');
	const bigBytes = randomBytes(BIG_BYTES);
	const big = join(folder.filesDir, 'bench-25MiB.bin');
	const small = join(folder.filesDir, 'bench-1KiB.bin');
	const manyDir = join(folder.filesDir, 'many');
	await mkdir(manyDir, { recursive: true });
	await writeFile(big, bigBytes);
	await writeFile(small, randomBytes(SMALL_BYTES));
	for (let i = 0; i < MANY_COUNT; i++) await writeFile(join(manyDir, `file-${String(i).padStart(3, '0')}.bin`), randomBytes(MANY_BYTES));

	step('Importing the credentials and the workflows');
	const [, nhn] = emulatorCredentials(emulator);
	await importCredentials(folder, [nhn, { ...nhn, id: CREDENTIALS.fresh.id, name: CREDENTIALS.fresh.name }]);
	const uploadUrl = `${emulator.nhnApiBaseUrl}/attachment/v1.0/attachments`;
	await importWorkflow(folder, [
		listFileTypesWorkflow(WF.warmup, CREDENTIALS.main, 1),
		nodeUploadTwiceWorkflow(WF.bigTwice, big, CREDENTIALS.main),
		nodeUploadWorkflow(WF.big, big, CREDENTIALS.main),
		nodeUploadWorkflow(WF.small, small, CREDENTIALS.main),
		readOnlyWorkflow(WF.readBig, big),
		readOnlyWorkflow(WF.readSmall, small),
		nodeUploadWorkflow(WF.manyC5, `${manyDir}/*.bin`, CREDENTIALS.main),
		nodeUploadWorkflow(WF.manyC1, `${manyDir}/*.bin`, CREDENTIALS.main, 1),
		httpRequestUploadWorkflow(WF.manyHttp, `${manyDir}/*.bin`, uploadUrl, CREDENTIALS.main),
		listAllWorkflow(WF.listC5, CREDENTIALS.main),
		listAllWorkflow(WF.listC1, CREDENTIALS.main, 1),
		listFileTypesWorkflow(WF.tokens, CREDENTIALS.fresh, TOKEN_ITEMS),
	]);
	return { folder, emu, files: { big, small, manyDir, bigSha: sha256(bigBytes) }, uploadUrl };
}

/** Runs a workflow that must succeed; logs its wall time (start-up included) next to the measured node's time. */
async function execute(world: World, workflowId: string, label: string): Promise<{ execution: N8nExecution; nodeMs: number }> {
	const execution = await executeMeasured(world.folder, workflowId);
	assertRunSucceeded(label, execution);
	const measured = MEASURED in execution.run.data.resultData.runData;
	const nodeMs = measured ? nodeExecutionMs(execution.run, MEASURED) : NaN;
	const time = measured ? `node ${ms(nodeMs)}, ` : '';
	say(`    ${label}: ${time}peak RSS ${mib(execution.peakRssBytes)}, whole command ${(execution.wallMs / 1000).toFixed(1)} s\n`);
	return { execution, nodeMs };
}

function check(condition: boolean, message: string): void {
	if (!condition) throw new Error(`Check failed: ${message}`);
}

async function warmUp(world: World): Promise<void> {
	step('Warm-up run: the credential gets its token (stored, as between real runs) and the disk cache is warm');
	await world.emu.reset();
	await execute(world, WF.warmup, 'warm-up (list file types, 1 item)');
	const state = await world.emu.state();
	check(state.nhn.tokensIssued === 1, `the warm-up issued ${state.nhn.tokensIssued} tokens, expected 1`);
}

async function bareUpload(world: World): Promise<BareUploadResult> {
	const input: BareUploadInput = {
		apiBaseUrl: world.emu.emulator.nhnApiBaseUrl,
		tokenUrl: world.emu.emulator.nhnTokenUrl,
		appKey: DEMO_KEYS.nhn.appKey,
		userAccessKeyId: DEMO_KEYS.nhn.userAccessKeyId,
		secretAccessKey: DEMO_KEYS.nhn.secretAccessKey,
		file: world.files.big,
		fileName: 'bench-25MiB.bin',
		mimeType: 'application/octet-stream',
		fileTypes: ['EMAIL_DEFAULT'],
	};
	const result = await run(process.execPath, [join(__dirname, 'bare-upload.js'), JSON.stringify(input)], { timeoutMs: 120_000 });
	if (result.exitCode !== 0) throw new Error(`bare upload failed: ${result.stderr}`);
	const answer = JSON.parse(result.stdout.trim()) as BareUploadResult;
	for (const upload of [answer.cold, answer.warm]) {
		check(upload.status === 200 && upload.isSuccessful && !!upload.attachmentId, `bare upload answered ${JSON.stringify(upload)}`);
	}
	say(`    bare fetch 25 MiB: ${ms(answer.warm.ms)} (first upload of its process ${ms(answer.cold.ms)})\n`);
	return answer;
}

/** After an upload run: exactly `count` attachments of `size` bytes stored, no request refused. */
async function checkStored(world: World, label: string, count: number, size: number, sha?: string): Promise<void> {
	const state = await world.emu.state();
	const stored = state.nhn.attachments;
	check(stored.length === count, `${label}: the emulator stored ${stored.length} attachments, expected ${count}`);
	check(stored.every((a) => a.size === size), `${label}: an attachment is not ${size} bytes`);
	if (sha) check(stored.every((a) => a.sha256 === sha), `${label}: the stored bytes differ from the file`);
	check(refused(state) === 0, `${label}: ${refused(state)} requests were refused with 401`);
}

/**
 * Figures 1 and 4, from one interleaved loop. Figure 1: the 25 MiB upload, node vs bare fetch, each the first
 * upload of its process; second uploads (the node's in the same execution, the bare client's in the same process)
 * are reported beside. Figure 4: peak RSS of the run uploading the 25 MiB file minus that of the 1 KiB run,
 * with the same two runs without the Attachment node (Read/Write Files from Disk alone) for its share.
 */
async function uploadAndMemory(world: World): Promise<Row[]> {
	step(`Figures 1 and 4: one 25 MiB file (node, bare fetch), one 1 KiB file, and reading them alone, interleaved, ${REPS.upload} reps`);
	const t: Record<'nodeWarm' | 'nodeCold' | 'bareWarm' | 'bareCold' | 'small', number[]> = {
		nodeWarm: [],
		nodeCold: [],
		bareWarm: [],
		bareCold: [],
		small: [],
	};
	const rss: Record<'big' | 'small' | 'readBig' | 'readSmall', number[]> = { big: [], small: [], readBig: [], readSmall: [] };
	const variants = ['twice', 'bare', 'big', 'small', 'readBig', 'readSmall'] as const;
	for (let i = 0; i < REPS.upload; i++) {
		for (const variant of rotation([...variants], i)) {
			await world.emu.reset();
			const rep = `rep ${i + 1}`;
			if (variant === 'bare') {
				const answer = await bareUpload(world);
				t.bareWarm.push(answer.warm.ms);
				t.bareCold.push(answer.cold.ms);
				await checkStored(world, 'bare 25 MiB', 2, BIG_BYTES, world.files.bigSha);
			} else if (variant === 'twice') {
				const { nodeMs } = await execute(world, WF.bigTwice, `${rep} node 25 MiB, second upload of the execution`);
				t.nodeWarm.push(nodeMs);
				await checkStored(world, 'node 25 MiB twice', 2, BIG_BYTES, world.files.bigSha);
			} else if (variant === 'big') {
				const { execution, nodeMs } = await execute(world, WF.big, `${rep} node 25 MiB`);
				t.nodeCold.push(nodeMs);
				rss.big.push(execution.peakRssBytes);
				await checkStored(world, 'node 25 MiB', 1, BIG_BYTES, world.files.bigSha);
			} else if (variant === 'small') {
				const { execution, nodeMs } = await execute(world, WF.small, `${rep} node 1 KiB`);
				t.small.push(nodeMs);
				rss.small.push(execution.peakRssBytes);
				await checkStored(world, 'node 1 KiB', 1, SMALL_BYTES);
			} else {
				const { execution } = await execute(world, variant === 'readBig' ? WF.readBig : WF.readSmall, `${rep} read ${variant === 'readBig' ? '25 MiB' : '1 KiB'} only`);
				rss[variant].push(execution.peakRssBytes);
			}
		}
	}
	const warmRatio = median(t.nodeWarm) / median(t.bareWarm);
	const coldRatio = median(t.nodeCold) / median(t.bareCold);
	const rssDelta = median(rss.big) - median(rss.small);
	const readDelta = median(rss.readBig) - median(rss.readSmall);
	const rssGoal = 1.2 * BIG_BYTES;
	const rows: Row[] = [
		{
			figure: '1. One 25 MiB file to NHN: node / bare fetch',
			measured: `${ratio(coldRatio)} (${ms(median(t.nodeCold))} vs ${ms(median(t.bareCold))})`,
			goal: '<= 1.30x',
			pass: coldRatio <= 1.3,
			detail:
				`the Attachment node's executionTime (Read/Write Files from Disk, then the node) ${list(t.nodeCold, ms)}, vs the bare client ` +
				`(Node's fetch with FormData/Blob, the same multipart request, token and headers, a process of its own) ${list(t.bareCold, ms)}: ` +
				`each the first upload of its process. Second uploads, right after a first one of the same file (node: a second Attachment node in ` +
				`the same execution; bare: a second fetch in the same process): node ${list(t.nodeWarm, ms)} vs bare ${list(t.bareWarm, ms)}, ` +
				`${ratio(warmRatio)} (${ms(median(t.nodeWarm))} vs ${ms(median(t.bareWarm))}). Medians, interleaved; every upload checked in the ` +
				`emulator (size and SHA-256). The node's time includes reading the file from n8n's filesystem binary store; the bare client holds ` +
				`the bytes in memory before its timer starts. A 1 KiB upload through the node, for scale: ${ms(median(t.small))}.`,
		},
		{
			figure: '4. Peak RSS, 25 MiB upload minus 1 KiB upload',
			measured: `${mib(rssDelta)} (${ratio(rssDelta / BIG_BYTES)} the file)`,
			goal: `<= ${mib(rssGoal)} (1.2x the file)`,
			pass: rssDelta <= rssGoal,
			detail:
				`peak RSS of the \`n8n execute\` process (${peakRssMethod()}; the largest of the process and its task runner), Read/Write Files from ` +
				`Disk then the Attachment node: 25 MiB runs ${list(rss.big, mib)}, 1 KiB runs ${list(rss.small, mib)}; median minus median. ` +
				`The same runs without the Attachment node (reading the file only): ${list(rss.readBig, mib)} vs ${list(rss.readSmall, mib)}, ` +
				`${mib(readDelta)} of the difference, so the upload itself adds about ${mib(rssDelta - readDelta)}. All interleaved.`,
		},
	];
	for (const row of rows) say(figureLine(row));
	return rows;
}

/** Figure 2: 200 x 64 KiB with 50 ms latency: node at its default concurrency, HTTP Request node, node at concurrency 1. */
async function manyUploads(world: World): Promise<Row[]> {
	step(`Figure 2: ${MANY_COUNT} files of 64 KiB, ${LATENCY_MS} ms latency: node (default c=10), HTTP Request, node (c=1), interleaved, ${REPS.many} reps`);
	const times: Record<'c5' | 'http' | 'c1', number[]> = { c5: [], http: [], c1: [] };
	const stored: number[] = [];
	const workflowOf = { c5: WF.manyC5, http: WF.manyHttp, c1: WF.manyC1 };
	const labelOf = { c5: 'node default c=10', http: 'HTTP Request node', c1: 'node c=1' };
	for (let i = 0; i < REPS.many; i++) {
		for (const variant of rotation(['c5', 'http', 'c1'] as const, i)) {
			await world.emu.reset(LATENCY_MS);
			const { execution, nodeMs } = await execute(world, workflowOf[variant], `rep ${i + 1} ${labelOf[variant]}`);
			times[variant].push(nodeMs);
			const items = nodeOutputItems(execution.run, MEASURED);
			check(items.length === MANY_COUNT, `${labelOf[variant]} output ${items.length} items, expected ${MANY_COUNT}`);
			if (variant === 'http') {
				const ok = items.filter((item) => (item.json.header as { isSuccessful?: boolean } | undefined)?.isSuccessful === true);
				check(ok.length === MANY_COUNT, `HTTP Request: ${MANY_COUNT - ok.length} answers without a successful header`);
			} else {
				check(items.every((item) => typeof item.json.attachmentId === 'string'), `${labelOf[variant]}: an item has no attachmentId`);
			}
			// The count is a figure (2c), so a wrong one is reported rather than thrown.
			const state = await world.emu.state();
			stored.push(state.nhn.attachments.length);
			check(state.nhn.attachments.every((a) => a.size === MANY_BYTES), `${labelOf[variant]}: an attachment is not ${MANY_BYTES} bytes`);
			check(refused(state) === 0, `${labelOf[variant]}: ${refused(state)} requests were refused with 401`);
		}
	}
	const vsHttp = median(times.c5) / median(times.http);
	const vsSequential = median(times.c1) / median(times.c5);
	const detail =
		`executionTime of the measured node: node c=10 ${list(times.c5, ms)}; HTTP Request (multipart \`file\`, \`fileName\`, \`fileTypes\`, ` +
		`predefined credential \`nhnCloudNotificationHubApi\`, default options) ${list(times.http, ms)}; node c=1 ${list(times.c1, ms)}; interleaved, medians.`;
	const rows: Row[] = [
		{
			figure: `2a. 200 x 64 KiB to NHN, ${LATENCY_MS} ms latency: node (default c=10) / HTTP Request node`,
			measured: `${ratio(vsHttp)} (${ms(median(times.c5))} vs ${ms(median(times.http))})`,
			goal: '<= 1.00x (no slower)',
			pass: vsHttp <= 1,
			detail,
		},
		{
			figure: '2b. Same uploads: speed-up of the default c=10 over c=1',
			measured: `${ratio(vsSequential)} (${ms(median(times.c1))} vs ${ms(median(times.c5))})`,
			goal: '>= 4.00x',
			pass: vsSequential >= 4,
			detail: 'node c=1 time / node c=10 time, from the same interleaved runs.',
		},
		{
			figure: '2c. Attachments stored per run',
			measured: new Set(stored).size === 1 ? `${stored[0]} in each of ${stored.length} runs` : `per run: ${stored.join(', ')}`,
			goal: `exactly ${MANY_COUNT}`,
			pass: stored.every((count) => count === MANY_COUNT),
			detail: 'emulator state after each run (reset before each), all of 64 KiB; no request refused.',
		},
	];
	for (const row of rows) say(figureLine(row));
	return rows;
}

/** Figure 3: Return All over 10,000 attachments with 50 ms latency: requests made, and time vs sequential paging. */
async function listAll(world: World): Promise<Row[]> {
	step(`Figure 3: listing ${LIST_COUNT} attachments, ${LATENCY_MS} ms latency: node (default c=10) vs sequential paging (c=1), interleaved, ${REPS.list} reps`);
	const times: Record<'c5' | 'c1', number[]> = { c5: [], c1: [] };
	const requests: Record<'c5' | 'c1', number[]> = { c5: [], c1: [] };
	for (let i = 0; i < REPS.list; i++) {
		for (const variant of rotation(['c5', 'c1'] as const, i)) {
			await world.emu.reset(LATENCY_MS);
			await world.emu.seedNhn(LIST_COUNT);
			const { execution, nodeMs } = await execute(world, variant === 'c5' ? WF.listC5 : WF.listC1, `rep ${i + 1} list all ${variant === 'c5' ? 'default c=10' : 'c=1'}`);
			times[variant].push(nodeMs);
			const items = nodeOutputItems(execution.run, MEASURED);
			check(items.length === LIST_COUNT, `list all (${variant}) output ${items.length} items, expected ${LIST_COUNT}`);
			check(new Set(items.map((item) => item.json.attachmentId)).size === LIST_COUNT, `list all (${variant}) output duplicates`);
			const state = await world.emu.state();
			check(refused(state) === 0, `list all (${variant}): requests refused with 401`);
			requests[variant].push(nhnRequests(state).length);
		}
	}
	const speed = median(times.c5) / median(times.c1);
	const rows: Row[] = [
		{
			figure: `3a. List all ${LIST_COUNT.toLocaleString('en-US')} NHN attachments: requests made`,
			measured: `${[...new Set(requests.c5)].join(', ')} (c=10); ${[...new Set(requests.c1)].join(', ')} (c=1)`,
			goal: '10',
			pass: [...requests.c5, ...requests.c1].every((count) => count === 10),
			detail: `NHN API requests in the emulator's request log per run (token endpoint excluded; none was needed), all runs: c=10 ${requests.c5.join(', ')}; c=1 ${requests.c1.join(', ')}.`,
		},
		{
			figure: `3b. List all, ${LATENCY_MS} ms latency: node (default c=10) / sequential paging (c=1)`,
			measured: `${ratio(speed)} (${ms(median(times.c5))} vs ${ms(median(times.c1))})`,
			goal: '<= 0.50x',
			pass: speed <= 0.5,
			detail: `executionTime, c=10 ${list(times.c5, ms)}; c=1 ${list(times.c1, ms)}; interleaved, medians; every run output all ${LIST_COUNT} distinct attachments.`,
		},
	];
	for (const row of rows) say(figureLine(row));
	return rows;
}

/** Figure 5: token requests during a 1,000-item run with a credential that holds no token yet. */
async function tokens(world: World): Promise<Row[]> {
	step(`Figure 5: ${TOKEN_ITEMS} items (List File Types, default concurrency) with a credential that has no token yet`);
	await world.emu.reset();
	const { execution, nodeMs } = await execute(world, WF.tokens, `${TOKEN_ITEMS} items`);
	const items = nodeOutputItems(execution.run, MEASURED);
	check(items.length === TOKEN_ITEMS, `list file types output ${items.length} items, expected ${TOKEN_ITEMS}`);
	const state = await world.emu.state();
	const rows: Row[] = [
		{
			figure: `5. Token requests during a ${TOKEN_ITEMS.toLocaleString('en-US')}-item NHN run`,
			measured: String(state.nhn.tokensIssued),
			goal: '1',
			pass: state.nhn.tokensIssued === 1,
			detail:
				`emulator \`tokensIssued\` ${state.nhn.tokensIssued} (token endpoint calls ${state.nhn.tokenRequests}); ${nhnRequests(state).length} NHN API requests, ` +
				`${refused(state)} refused with 401; node executionTime ${ms(nodeMs)}; fresh credential, never used before this run.`,
		},
	];
	for (const row of rows) say(figureLine(row));
	return rows;
}

function git(args: string[]): string {
	const result = spawnSync('git', args, { cwd: projectRoot(), encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : '?';
}

async function writeResults(rows: Row[], totalMs: number): Promise<string> {
	const commit = git(['rev-parse', '--short', 'HEAD']);
	const dirty = git(['status', '--porcelain', '--', 'nodes', 'credentials']) !== '';
	const version = (JSON.parse(await readFile(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
	const cpu = cpus();
	const text = [
		'# Benchmark results',
		'',
		`Written by \`./scripts/bench\` on ${new Date().toISOString().slice(0, 10)}: n8n-nodes-ncp-nhn-attachment ${version} at ${commit}` +
			`${dirty ? ' (with uncommitted changes under nodes/ or credentials/)' : ''}, n8n ${N8N_VERSION}, Node ${process.versions.node}, ` +
			`${cpu.length} x ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM; the whole run took ${Math.round(totalMs / 1000)} s.`,
		'',
		markdownTable(rows),
		'',
		'Times are the measured node\'s own `executionTime` from the run data of `n8n execute` (never the CLI\'s start-up); ' +
			'variants ran interleaved (A B C, B C A, ...) and are compared by their medians. The emulator ran in the benchmark\'s ' +
			'process and was reset before every run (the tokens it had issued were kept valid, as a real service keeps them).',
		'',
		'## How each figure was measured',
		'',
		markdownDetails(rows),
		'',
		...(crashedAfterSuccess.length > 0
			? [`n8n died of a signal after printing a successful run in ${crashedAfterSuccess.length} run(s), counted as they printed: ${crashedAfterSuccess.join('; ')}.`, '']
			: []),
	].join('\n');
	const file = join(projectRoot(), 'bench', 'results', 'latest.md');
	await mkdir(join(projectRoot(), 'bench', 'results'), { recursive: true });
	await writeFile(file, text);
	return file;
}

async function main(): Promise<void> {
	const started = Date.now();
	const world = await setUp();
	try {
		await warmUp(world);
		const rows = [
			...(await uploadAndMemory(world)),
			...(await manyUploads(world)),
			...(await listAll(world)),
			...(await tokens(world)),
		];
		rows.sort((a, b) => a.figure.localeCompare(b.figure, 'en', { numeric: true }));
		const totalMs = Date.now() - started;
		const file = await writeResults(rows, totalMs);
		say(`\n${textTable(rows)}\n\n${rows.filter((row) => row.pass).length} of ${rows.length} goals met; ` +
			`written to ${file}; ${Math.round(totalMs / 1000)} s in all.\n`);
		if (crashedAfterSuccess.length > 0) say(`n8n died of a signal after a successful run in: ${crashedAfterSuccess.join('; ')}\n`);
	} finally {
		await world.emu.emulator.close();
		await cleanupE2e();
	}
}

main().catch(async (error: Error) => {
	process.stderr.write(`Benchmark failed: ${error.stack ?? error.message}\n`);
	await cleanupE2e().catch(() => undefined);
	process.exit(1);
});
