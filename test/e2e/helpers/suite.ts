/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e tooling: drives a real n8n and the emulator from jest, never published */
// One end-to-end test file's world: the package packed and installed in a fresh n8n user folder, the emulator,
// the example credentials pointing at it, the sample file; every n8n run recorded for the secret scan, and a
// timing line per case.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import {
	createUserFolder,
	executeWorkflow,
	isRun,
	importCredentials,
	importWorkflow,
	n8nHome,
	packPackage,
	readLogLines,
	type CliOptions,
	type ExecuteResult,
	type N8nInstall,
	type N8nRun,
	type RunItem,
	type RunningN8n,
	type UserFolder,
	type WorkflowInput,
} from '../../../tools/n8n-harness';
import { emulatorCredentials, projectRoot, SAMPLE_DIR, writeSampleFile, type SampleFile } from '../../../tools/n8n-harness/fixtures';
import { DEMO_KEYS, startEmulator } from '../../../tools/emulator/server';
import { EmulatorDriver } from './emulator';
import { N8N_COMMAND_MS } from './budgets';

export interface Timing {
	name: string;
	ms: number;
	/** Wall-clock time of each n8n command of the case. */
	runs: number[];
}

/** Every secret the scan looks for: the demo keys' secrets, NHN's Basic authorization value, issued tokens. */
export function demoSecrets(): string[] {
	const { userAccessKeyId, secretAccessKey } = DEMO_KEYS.nhn;
	return [
		DEMO_KEYS.ncp.secretKey,
		secretAccessKey,
		Buffer.from(`${userAccessKeyId}:${secretAccessKey}`).toString('base64'),
	];
}

export class E2eSuite {
	readonly timings: Timing[] = [];

	/** Texts n8n produced (run JSON, log files, server output): scanned for secrets at the end. */
	readonly outputs: Array<{ label: string; text: string }> = [];

	private currentRuns: number[] = [];

	private constructor(
		readonly label: string,
		readonly folder: UserFolder,
		readonly emulator: EmulatorDriver,
		readonly sample: SampleFile,
		readonly setupMs: number,
	) {}

	/**
	 * Packs the built package (run `npm run build` first), installs it in a new user folder, starts the emulator,
	 * writes the sample file and imports the example credentials and `workflows`. `install`: another n8n (1.x).
	 */
	static async start(label: string, workflows: WorkflowInput[] = [], install?: N8nInstall): Promise<E2eSuite> {
		const t0 = Date.now();
		const tarball = await packPackage(projectRoot());
		const [folder, emulator, sample] = await Promise.all([
			createUserFolder({ tarball, install }),
			startEmulator({ port: 0 }),
			writeSampleFile(),
		]);
		const suite = new E2eSuite(label, folder, new EmulatorDriver(emulator), sample, 0);
		await importCredentials(folder, emulatorCredentials(emulator));
		if (workflows.length > 0) await importWorkflow(folder, workflows);
		(suite as { setupMs: number }).setupMs = Date.now() - t0;
		return suite;
	}

	/** The environment of every n8n command: "Read/Write Files from Disk" may read the sample folder. */
	env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
		return { N8N_RESTRICT_FILE_ACCESS_TO: `${this.folder.filesDir};${SAMPLE_DIR}`, ...extra };
	}

	/** Runs one case, recording its wall-clock time and the n8n commands it ran. */
	async timed<T>(name: string, body: () => Promise<T>): Promise<T> {
		const t0 = Date.now();
		this.currentRuns = [];
		try {
			return await body();
		} finally {
			this.timings.push({ name, ms: Date.now() - t0, runs: this.currentRuns });
		}
	}

	/** Counts a command the case ran other than through execute (a REST execution, an import). */
	recordCommand(ms: number): void {
		this.currentRuns.push(ms);
	}

	/** `n8n execute --id`; the run must come back (success or not), and its output is kept for the scan. */
	async execute(workflowId: string, options: CliOptions = {}): Promise<ExecuteResult & { run: N8nRun }> {
		const result = await executeWorkflow(this.folder, workflowId, {
			timeoutMs: N8N_COMMAND_MS,
			...options,
			env: this.env(options.env),
		});
		this.recordCommand(result.ms);
		await this.keepForScan(`execute ${workflowId}`, result.stdout + result.stderr, result.logFile);
		if (!result.run) {
			throw new Error(
				`n8n execute ${workflowId} printed no run (exit ${result.exitCode}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
			);
		}
		return result as ExecuteResult & { run: N8nRun };
	}

	/** Like execute, and the run must have succeeded. */
	async executeOk(workflowId: string, options: CliOptions = {}): Promise<N8nRun> {
		const result = await this.execute(workflowId, options);
		if (result.exitCode !== 0 || result.run.status !== 'success') {
			const error = result.run.data.resultData.error;
			throw new Error(`${workflowId} did not succeed (exit ${result.exitCode}, ${result.run.status}): ${error?.message} ${error?.description ?? ''}`);
		}
		return result.run;
	}

	async importWorkflows(workflows: WorkflowInput[]): Promise<void> {
		const result = await importWorkflow(this.folder, workflows);
		this.recordCommand(result.ms);
	}

	async keepForScan(label: string, text: string, logFile?: string): Promise<void> {
		this.outputs.push({ label, text });
		if (logFile) {
			const lines = await readLogLines(logFile);
			this.outputs.push({ label: `${label} log ${logFile}`, text: lines.map((line) => JSON.stringify(line)).join('\n') });
		}
	}

	/** Texts that contain any of the secrets (the demo secrets and every token the emulator issued), with the secret. */
	secretFindings(extraSecrets: string[] = []): Array<{ label: string; secret: string }> {
		const secrets = [...demoSecrets(), ...this.emulator.issuedTokens(), ...extraSecrets].filter((s) => s.length >= 8);
		const findings: Array<{ label: string; secret: string }> = [];
		for (const { label, text } of this.outputs) {
			for (const secret of secrets) if (text.includes(secret)) findings.push({ label, secret: `${secret.slice(0, 6)}…` });
		}
		return findings;
	}

	/** The data of a binary field of a run item: inline base64, or the file n8n stored in filesystem mode (under .n8n/storage). */
	async binaryBytes(binary: NonNullable<RunItem['binary']>[string]): Promise<Buffer> {
		// In filesystem mode `data` holds the mode's name and `id` says where the file is.
		if (!binary.id) return Buffer.from(binary.data ?? '', 'base64');
		const match = /^filesystem(?:-v2)?:(.+)$/.exec(binary.id);
		if (!match) throw new Error(`binary data id "${binary.id}" is not a filesystem id`);
		return await readFile(join(this.folder.n8nDir, 'storage', match[1]));
	}

	/** One line per case, printed once per file. */
	timingReport(): string {
		const lines = [`${this.label}: setup (pack, user folder, emulator, imports) ${this.setupMs} ms`];
		for (const t of this.timings) {
			const runs = t.runs.length > 0 ? ` (n8n commands: ${t.runs.map((ms) => `${ms}`).join(' + ')} ms)` : '';
			lines.push(`${this.label}: ${t.name}: ${t.ms} ms${runs}`);
		}
		return lines.join('\n');
	}

	async close(): Promise<void> {
		await this.emulator.emulator.close();
	}
}

/** The editor's "Execute workflow" button over REST, then the execution read back (data unflattened). */
export async function runManuallyOverRest(
	server: RunningN8n,
	workflowId: string,
	triggerName: string,
	timeoutMs = N8N_COMMAND_MS,
	/** More of the editor's request body: n8n 1.x also wants the workflow itself (`workflowData`). */
	extraBody: Record<string, unknown> = {},
): Promise<{ executionId: string; status: string; run: N8nRun; rawData: string }> {
	const started = await server.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: triggerName },
		...extraBody,
	});
	const executionId = started.data?.executionId;
	if (started.status !== 200 || !executionId) throw new Error(`manual run: HTTP ${started.status} ${JSON.stringify(started.body)}`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const res = await server.rest<{ status: string; finished: boolean; data: string; mode: string; startedAt: string; stoppedAt?: string }>(
			'GET',
			`/executions/${executionId}`,
		);
		const execution = res.data;
		if (res.status === 200 && execution && !['new', 'running', 'waiting'].includes(execution.status)) {
			const run = {
				data: typeof execution.data === 'string' ? flatted().parse(execution.data) : undefined,
				mode: execution.mode,
				status: execution.status,
				finished: execution.finished,
				startedAt: execution.startedAt,
				stoppedAt: execution.stoppedAt,
			};
			// n8n 1.x can show an execution's final status a moment before its run data is saved: wait until the data holds
			// at least the node that started the run.
			if (isRun(run) && Object.keys(run.data.resultData.runData).length > 0) {
				return { executionId, status: execution.status, run, rawData: execution.data };
			}
		}
		if (Date.now() > deadline) {
			throw new Error(`execution ${executionId} did not finish with its run data: ${JSON.stringify(res.body).slice(0, 500)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** n8n's own copy of `flatted` (the format of execution data over REST). */
function flatted(): { parse(text: string): unknown } {
	const requireFromN8n = createRequire(join(n8nHome(), 'node_modules', 'n8n', 'package.json'));
	return requireFromN8n('flatted') as { parse(text: string): unknown };
}
