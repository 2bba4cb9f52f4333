/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- e2e tooling: drives a real n8n from jest, never published */
// Child processes: run one to completion (with a time limit), find free ports, kill a whole process group.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunResult {
	/** null when the process was killed by a signal (see `signal`). */
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	/** Whether the harness killed it for running past `timeoutMs`. */
	timedOut: boolean;
	stdout: string;
	stderr: string;
	/** Wall-clock time of the whole process. */
	ms: number;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the process group after this long; default 120 s. */
	timeoutMs?: number;
}

/**
 * Runs a command in its own process group, collecting stdout and stderr. Never rejects on a non-zero exit
 * (callers decide); rejects only when the command cannot be started.
 */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const started = Date.now();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
	const timeoutMs = options.timeoutMs ?? 120_000;
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		killGroup(child.pid, 'SIGKILL');
	}, timeoutMs);
	try {
		const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', (code, sig) => resolve([code, sig]));
		});
		const stderr = Buffer.concat(err).toString('utf8');
		return {
			exitCode,
			signal,
			timedOut,
			stdout: Buffer.concat(out).toString('utf8'),
			stderr: timedOut ? `${stderr}\n[e2e harness] killed after ${timeoutMs} ms` : stderr,
			ms: Date.now() - started,
		};
	} finally {
		clearTimeout(timer);
	}
}

/** Throws with the command's output when it did not exit 0. */
export function assertSucceeded(what: string, result: RunResult): RunResult {
	if (result.exitCode !== 0) {
		throw new Error(
			`${what} failed (exit ${result.exitCode ?? result.signal}):\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
		);
	}
	return result;
}

/** The last `lines` lines of a text, for error messages. */
export function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** Sends a signal to every process in the group led by `pid` (a child spawned with `detached: true`). */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals | 0): boolean {
	if (!pid) return false;
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false; // ESRCH: the group is already gone
	}
}

/** True while any process of the group led by `pid` is alive. */
export function groupAlive(pid: number | undefined): boolean {
	return killGroup(pid, 0);
}

const handedOut = new Set<number>();

/** A TCP port free on 127.0.0.1 right now, never the same twice in this process. */
export async function freePort(): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((resolve, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				const found = typeof address === 'object' && address ? address.port : 0;
				server.close(() => resolve(found));
			});
		});
		if (port && !handedOut.has(port)) {
			handedOut.add(port);
			return port;
		}
	}
}

export async function sleep(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}
