/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- benchmark tooling: spawns `n8n execute` and reads /proc, never published */
// `n8n execute --id=<id> --rawOutput` as the e2e harness runs it, plus the peak resident memory of the n8n process:
// under GNU time (`/usr/bin/time -v`, Debian's `time` package) when it is installed, else by polling VmHWM of the
// process and its children in /proc until it exits.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import {
	freePort,
	isRun,
	n8nBin,
	n8nEnv,
	nodeRuns,
	parseRunJson,
	readLogLines,
	type N8nRun,
	type UserFolderLayout,
} from '../n8n-harness';

const GNU_TIME = '/usr/bin/time';

export type PeakRssMethod = 'GNU time -v' | '/proc VmHWM polling';

export interface N8nExecution {
	run: N8nRun;
	exitCode: number | null;
	/** Peak resident set size in bytes: the largest of the n8n process and its children (task runners). */
	peakRssBytes: number;
	peakRssMethod: PeakRssMethod;
	/** Wall-clock time of the whole command (start-up included): for the log, never a figure. */
	wallMs: number;
	stdout: string;
	stderr: string;
}

let runCount = 0;

export function peakRssMethod(): PeakRssMethod {
	return existsSync(GNU_TIME) ? 'GNU time -v' : '/proc VmHWM polling';
}

/** VmHWM of one process in bytes (0 once it is gone). */
async function vmHwm(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
	const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
	return match ? Number(match[1]) * 1024 : 0;
}

/** The process and all its descendants, from /proc/<pid>/task/<tid>/children. */
async function processTree(root: number): Promise<number[]> {
	const seen: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.shift() as number;
		seen.push(pid);
		const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
		for (const tid of tasks) {
			const children = await readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '');
			for (const child of children.split(/\s+/).filter(Boolean)) queue.push(Number(child));
		}
	}
	return seen;
}

/**
 * Runs `n8n execute` for `workflowId` on the folder and returns its run (success or not) with its peak RSS.
 * Throws only when n8n printed no run at all.
 */
export async function executeMeasured(
	folder: UserFolderLayout,
	workflowId: string,
	extraEnv: Record<string, string | undefined> = {},
	timeoutMs = 300_000,
): Promise<N8nExecution> {
	const index = String(++runCount).padStart(3, '0');
	const logFile = join(folder.logsDir, `bench-${index}-${workflowId}.log`);
	const timeFile = join(folder.logsDir, `bench-${index}-${workflowId}.time`);
	const env = n8nEnv(folder, {
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_FILE_LOCATION: logFile,
		N8N_LOG_LEVEL: 'info',
		...extraEnv,
	});
	const args = ['execute', `--id=${workflowId}`, '--rawOutput'];
	const method = peakRssMethod();
	const [command, commandArgs] =
		method === 'GNU time -v' ? [GNU_TIME, ['-v', '-o', timeFile, n8nBin(), ...args]] : [n8nBin(), args];

	const started = Date.now();
	const child = spawn(command, commandArgs, { cwd: folder.dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => err.push(chunk));

	let polledPeak = 0;
	let exited = false;
	const poll = async () => {
		while (!exited && child.pid) {
			for (const pid of await processTree(child.pid)) polledPeak = Math.max(polledPeak, await vmHwm(pid));
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
	};
	const polling = method === '/proc VmHWM polling' ? poll() : Promise.resolve();
	const timer = setTimeout(() => {
		if (child.pid) process.kill(-child.pid, 'SIGKILL');
	}, timeoutMs);
	const exitCode = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code) => resolve(code));
	});
	exited = true;
	clearTimeout(timer);
	await polling;
	const wallMs = Date.now() - started;

	let peakRssBytes = polledPeak;
	if (method === 'GNU time -v') {
		const report = await readFile(timeFile, 'utf8').catch(() => '');
		const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
		if (!match) throw new Error(`GNU time wrote no peak RSS for ${workflowId}:\n${report}`);
		peakRssBytes = Number(match[1]) * 1024;
		await rm(timeFile, { force: true });
	}

	const stdout = Buffer.concat(out).toString('utf8');
	const stderr = Buffer.concat(err).toString('utf8');
	const run = parseRunJson(stdout) ?? (await runFromLog(logFile));
	if (!run) {
		throw new Error(`n8n execute ${workflowId} printed no run (exit ${exitCode}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
	}
	return { run, exitCode, peakRssBytes, peakRssMethod: method, wallMs, stdout, stderr };
}

async function runFromLog(logFile: string): Promise<N8nRun | undefined> {
	for (const entry of (await readLogLines(logFile)).reverse()) {
		if (typeof entry.message !== 'string' || !entry.message.startsWith('{')) continue;
		try {
			const parsed: unknown = JSON.parse(entry.message);
			if (isRun(parsed)) return parsed;
		} catch {
			continue;
		}
	}
	return undefined;
}

/** Runs that printed a successful run and then died of a signal (n8n's own exit, after the work was done). */
export const crashedAfterSuccess: string[] = [];

/**
 * Throws unless the run succeeded; names the failing node's error. A process that printed a successful run and
 * only then died of a signal (exit 128 + n, seen as 139 = SIGSEGV while n8n shuts down) still counts: its run
 * data and its peak RSS are complete. Such runs are listed in `crashedAfterSuccess`.
 */
export function assertRunSucceeded(label: string, execution: N8nExecution): void {
	const { run } = execution;
	if (execution.exitCode === 0 && run.status === 'success') return;
	if (run.status === 'success' && execution.exitCode !== null && execution.exitCode > 128) {
		crashedAfterSuccess.push(`${label} (exit ${execution.exitCode})`);
		process.stderr.write(`    warning: ${label}: n8n exited with ${execution.exitCode} after printing a successful run\n${execution.stderr.slice(-1500)}\n`);
		return;
	}
	const error = run.data.resultData.error;
	throw new Error(
		`${label}: the workflow did not succeed (exit ${execution.exitCode}, status ${run.status}): ${error?.message ?? ''} ${error?.description ?? ''}`,
	);
}

/** The node's own execution time (`runData[node][0].executionTime`), in milliseconds. */
export function nodeExecutionMs(run: N8nRun, nodeName: string): number {
	const [first] = nodeRuns(run, nodeName);
	if (first.error) throw new Error(`Node "${nodeName}" failed: ${first.error.message} ${first.error.description ?? ''}`);
	return first.executionTime;
}
