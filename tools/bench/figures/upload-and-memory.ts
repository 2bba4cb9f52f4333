/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmark tooling: runs the bare client as a process of its own, never published */
// Figures 1, 4 and 4b, from one interleaved loop: the 25 MiB upload through the node against a bare fetch client,
// and the peak memory of the runs uploading 25 MiB and 1 KiB, with and without the Attachment node.
import { join } from 'node:path';

import { run } from '../../n8n-harness';
import { DEMO_KEYS } from '../../emulator/server';
import type { BareUploadInput, BareUploadResult } from '../bare-upload';
import { refused } from '../emulator-control';
import { peakRssMethod } from '../n8n-run';
import { list, median, mib, ms, ratio, type Row } from '../report';
import { check, execute, reportRows, rotation, say, step, type World } from '../runs';
import { BIG_BYTES, REPS, SMALL_BYTES, WF } from '../settings';

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
	// build/bench/bare-upload.js, next to this module's folder.
	const result = await run(process.execPath, [join(__dirname, '..', 'bare-upload.js'), JSON.stringify(input)], { timeoutMs: 120_000 });
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
 * Figures 1, 4 and 4b, from one interleaved loop. Figure 1: the 25 MiB upload, node vs bare fetch, each the first
 * upload of its process; second uploads (the node's in the same execution, the bare client's in the same process)
 * are reported beside. Figure 4: peak RSS of the run uploading the 25 MiB file minus that of the 1 KiB run,
 * with the same two runs without the Attachment node (Read/Write Files from Disk alone) for its share. Figure 4b:
 * figure 4 minus that share, what the upload itself adds.
 */
export async function uploadAndMemory(world: World): Promise<Row[]> {
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
	const uploadDelta = rssDelta - readDelta;
	const rssGoal = 1.2 * BIG_BYTES;
	return reportRows([
		{
			figure: '1. One 25 MiB file to NHN: node / bare fetch',
			measured: `${ratio(coldRatio)} (${ms(median(t.nodeCold))} vs ${ms(median(t.bareCold))})`,
			goal: '<= 1.30x',
			pass: coldRatio <= 1.3,
			loadSensitive: true,
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
			figure: '1b. A second 25 MiB upload in the same process: node / bare fetch\'s second',
			measured: `${ratio(warmRatio)} (${ms(median(t.nodeWarm))} vs ${ms(median(t.bareWarm))})`,
			goal: '<= 1.50x',
			pass: warmRatio <= 1.5,
			loadSensitive: true,
			detail:
				`node: a second Attachment node uploading the same file right after a first one in the same execution ${list(t.nodeWarm, ms)}; ` +
				`bare: a second fetch in the same process ${list(t.bareWarm, ms)}; medians of the same interleaved runs as figure 1.`,
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
		{
			figure: '4b. Peak RSS added by the upload itself (4 minus the same runs without the Attachment node)',
			measured: `${mib(uploadDelta)} (${ratio(uploadDelta / BIG_BYTES)} the file)`,
			goal: `<= ${mib(rssGoal)} (1.2x the file)`,
			pass: uploadDelta <= rssGoal,
			detail:
				`the difference of the two median differences measured in the same interleaved runs: 25 MiB minus 1 KiB with the Attachment ` +
				`node (figure 4, ${mib(rssDelta)}) minus 25 MiB minus 1 KiB reading the file only (${mib(readDelta)}).`,
		},
	]);
}
