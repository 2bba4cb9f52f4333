/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e tooling: drives a real n8n from jest and reports its crashes on stderr, never published */
// n8n's CLI on a user folder: import credentials and workflows, execute a workflow and read its run JSON.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atLeast, configuredLogLevel, n8nEnv } from './env';
import { n8nBin } from './paths';
import { assertSucceeded, freePort, run, type RunResult } from './proc';
import { isRun, parseRunJson, type N8nRun } from './run-data';
import type { UserFolderLayout } from './user-folder-layout';

export interface CredentialInput {
	/** Any string id; workflows refer to it as `credentials: { <type>: { id, name } }`. */
	id: string;
	name: string;
	type: string;
	/** Plain values: `n8n import:credentials` encrypts an object `data` with the instance key. */
	data: Record<string, unknown>;
}

export interface WorkflowInput {
	/** Required, at most 21 characters (longer ids are not run by `n8n execute`). */
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	active?: boolean;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CliOptions {
	/** Extra environment (wins over n8nEnv). */
	env?: Record<string, string | undefined>;
	timeoutMs?: number;
}

let commandCount = 0;

/** Runs `n8n <args>` on the folder with its own task-broker port and its own log file (returned as `logFile`). */
export async function n8nCli(
	folder: UserFolderLayout,
	args: string[],
	options: CliOptions = {},
): Promise<RunResult & { logFile: string }> {
	const logFile = join(folder.logsDir, `${String(++commandCount).padStart(3, '0')}-${args[0].replace(/\W+/g, '-')}.log`);
	const env = n8nEnv(folder, {
		// A server may be running on this folder: the CLI's task broker needs a port of its own.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_FILE_LOCATION: logFile,
		...options.env,
	});
	const result = await run(folder.install?.bin ?? n8nBin(), args, { cwd: folder.dir, env, timeoutMs: options.timeoutMs });
	return { ...result, logFile };
}

async function writeInput(folder: UserFolderLayout, name: string, content: unknown): Promise<string> {
	const file = join(folder.inputDir, `${String(++commandCount).padStart(3, '0')}-${name}.json`);
	await writeFile(file, JSON.stringify(content, null, 2));
	return file;
}

/** `n8n import:credentials --input=<file>`; throws when it fails. */
export async function importCredentials(folder: UserFolderLayout, credentials: CredentialInput[]): Promise<RunResult> {
	const file = await writeInput(folder, 'credentials', credentials);
	return assertSucceeded('n8n import:credentials', await n8nCli(folder, ['import:credentials', `--input=${file}`]));
}

/**
 * `n8n import:workflow --input=<file>` (one workflow or several), with `flags` such as `--activeState=fromJson`
 * (queue mode: keep each workflow's `active`); throws when it fails.
 */
export async function importWorkflow(
	folder: UserFolderLayout,
	workflow: WorkflowInput | WorkflowInput[],
	flags: string[] = [],
): Promise<RunResult> {
	const workflows = (Array.isArray(workflow) ? workflow : [workflow]).map((w) => ({
		active: false,
		settings: {},
		...w,
	}));
	for (const w of workflows) {
		if (!w.id || w.id.length > 21) throw new Error(`Workflow "${w.name}" needs an id of 1 to 21 characters`);
	}
	const file = await writeInput(folder, 'workflows', workflows);
	return assertSucceeded('n8n import:workflow', await n8nCli(folder, ['import:workflow', `--input=${file}`, ...flags]));
}

export interface ExecuteResult {
	/** 0 on success, 1 when a node (or the workflow) failed. */
	exitCode: number | null;
	/** The run (IRun), also on failure; undefined only when n8n printed none (see stdout/stderr/logFile). */
	run: N8nRun | undefined;
	stdout: string;
	stderr: string;
	/** n8n's JSON-lines log of this command. */
	logFile: string;
	ms: number;
}

/**
 * `n8n execute --id=<id> --rawOutput`. n8n prints the run through its logger at level info (also when the
 * execution failed), so the level is raised to info when N8N_LOG_LEVEL asks for less. The run is read from
 * stdout; when the console format hides it (debug level prefixes every line), from the command's log file.
 */
export async function executeWorkflow(
	folder: UserFolderLayout,
	workflowId: string,
	options: CliOptions = {},
): Promise<ExecuteResult> {
	const result = await n8nCli(folder, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		timeoutMs: options.timeoutMs,
		env: { N8N_LOG_LEVEL: atLeast(configuredLogLevel(), 'info'), ...options.env },
	});
	const parsed = parseRunJson(result.stdout) ?? (await runFromLogFile(result.logFile));
	// `n8n execute` (2.41 on Node 24) now and then dies of a signal while it shuts down, after it printed the whole run,
	// with or without this package's node in the workflow (the benchmark sees it as exit 139, SIGSEGV). The run is
	// complete, so its exit code is the one n8n gives a run of that status; the crash is reported, never hidden.
	let exitCode = result.exitCode;
	const crashed = exitCode === null && result.signal !== null && !result.timedOut && parsed !== undefined;
	if (crashed) {
		exitCode = parsed.status === 'success' ? 0 : 1;
		process.stderr.write(`[e2e harness] n8n execute --id=${workflowId} died of ${result.signal} after printing its run (status ${parsed.status})\n`);
	}
	return {
		exitCode,
		run: parsed,
		stdout: result.stdout,
		stderr: result.stderr,
		logFile: result.logFile,
		ms: result.ms,
	};
}

/** The last log message of a JSON-lines n8n log that is a run. */
async function runFromLogFile(logFile: string): Promise<N8nRun | undefined> {
	const lines = await readLogLines(logFile);
	for (const entry of lines.reverse()) {
		if (typeof entry.message !== 'string' || !entry.message.startsWith('{')) continue;
		try {
			const parsed: unknown = JSON.parse(entry.message);
			if (isRun(parsed)) return parsed;
		} catch {
			continue; // a log message that merely starts with "{"
		}
	}
	return undefined;
}

export interface LogEntry {
	level: string;
	message: string;
	metadata?: Record<string, unknown>;
	[key: string]: unknown;
}

/** The entries of an n8n JSON-lines log file (N8N_LOG_OUTPUT=file); [] when it does not exist. */
export async function readLogLines(logFile: string): Promise<LogEntry[]> {
	const text = await readFile(logFile, 'utf8').catch(() => '');
	const entries: LogEntry[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		try {
			entries.push(JSON.parse(line) as LogEntry);
		} catch {
			entries.push({ level: 'unparsed', message: line });
		}
	}
	return entries;
}
