// The queue-mode test file's world: the emulator, the sample file, and a cluster (Redis, PostgreSQL, one main, two
// workers) with the package installed from its tarball in every process's user folder, the example credentials,
// the operations and the examples behind production webhooks.
import {
	importCredentials,
	importWorkflow,
	packPackage,
	startQueueCluster,
	type QueueCluster,
	type WorkflowInput,
} from '../../../tools/n8n-harness';
import { sleep } from '../../../tools/n8n-harness/proc';
import { emulatorCredentials, EXAMPLE_FILES, loadExample, projectRoot, SAMPLE_DIR, writeSampleFile, type SampleFile } from '../../../tools/n8n-harness/fixtures';
import { startEmulator } from '../../../tools/emulator/server';
import { EmulatorDriver } from '../../e2e/helpers/emulator';
import { exampleOnWebhook, OPERATION_WORKFLOWS, PATHS } from './webhook-workflows';

export interface QueueWorld {
	cluster: QueueCluster;
	emulator: EmulatorDriver;
	sample: SampleFile;
	setupMs: number;
}

/** Example 3 reads its tempRequestIds from a Code node the user edits; here the source is the webhook's body. */
async function example3(emulator: EmulatorDriver): Promise<WorkflowInput> {
	const example = await loadExample(EXAMPLE_FILES[2], emulator.emulator);
	const source = example.nodes.find((node) => node.name === 'NCP temporary uploads to clean up') as { parameters: { jsCode: string } };
	// Where the example says to list the tempRequestIds to clean up (empty as shipped): here, the webhook body's.
	const placeholder = 'const tempRequestIds = [];';
	if (!source.parameters.jsCode.includes(placeholder)) throw new Error(`Example 3 no longer holds "${placeholder}"`);
	source.parameters.jsCode = source.parameters.jsCode.replace(placeholder, "const tempRequestIds = [$('Every day at 6').first().json.body.tempRequestId];");
	return exampleOnWebhook(example, PATHS.example3);
}

export async function startQueueWorld(): Promise<QueueWorld> {
	const t0 = Date.now();
	const [tarball, emu, sample] = await Promise.all([packPackage(projectRoot()), startEmulator({ port: 0 }), writeSampleFile()]);
	const emulator = new EmulatorDriver(emu);
	const examples = [
		exampleOnWebhook(await loadExample(EXAMPLE_FILES[0], emu), PATHS.example1),
		exampleOnWebhook(await loadExample(EXAMPLE_FILES[1], emu), PATHS.example2),
		await example3(emulator),
	];
	const workflows = [...OPERATION_WORKFLOWS, ...examples];
	const cluster = await startQueueCluster({
		tarball,
		workers: 2,
		// Read/Write Files from Disk reads the sample where the examples expect it.
		env: { N8N_RESTRICT_FILE_ACCESS_TO: SAMPLE_DIR },
		prepare: async (main) => {
			await importCredentials(main, emulatorCredentials(emu));
			await importWorkflow(main, workflows);
		},
	});
	await cluster.activate(workflows.filter((w) => w.active).map((w) => w.id));
	return { cluster, emulator, sample, setupMs: Date.now() - t0 };
}

/** POSTs to a webhook; throws unless HTTP 200. The answer's body as JSON, or as bytes with `binary`. */
export async function callOk(cluster: QueueCluster, path: string, body: unknown = {}): Promise<unknown> {
	const res = await cluster.callWebhook(path, body);
	if (res.status !== 200) throw new Error(`POST /webhook/${path}: HTTP ${res.status} ${await res.text()}`);
	const text = await res.text();
	return text ? JSON.parse(text) : undefined;
}

export async function callForBytes(cluster: QueueCluster, path: string, body: unknown = {}): Promise<Buffer> {
	const res = await cluster.callWebhook(path, body);
	if (res.status !== 200) throw new Error(`POST /webhook/${path}: HTTP ${res.status} ${await res.text()}`);
	return Buffer.from(await res.arrayBuffer());
}

/** The executions each worker has started so far (from its log), by worker name. */
export async function executionsByWorker(cluster: QueueCluster): Promise<Record<string, string[]>> {
	const entries = await Promise.all(cluster.workers.map(async (w) => [w.name, await w.executions()] as const));
	return Object.fromEntries(entries);
}

/**
 * The executions started since `before`, by worker, once `expected` of them are in the logs (a worker's log line
 * may land a moment after the webhook has answered); at most 10 s of waiting.
 */
export async function newExecutions(
	cluster: QueueCluster,
	before: Record<string, string[]>,
	expected: number,
): Promise<Record<string, string[]>> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const now = await executionsByWorker(cluster);
		const added = Object.fromEntries(Object.entries(now).map(([name, ids]) => [name, ids.filter((id) => !before[name]?.includes(id))]));
		const count = Object.values(added).reduce((sum, ids) => sum + ids.length, 0);
		if (count >= expected || Date.now() > deadline) return added;
		await sleep(200);
	}
}

/** Token requests each worker sent (through its proxy) to the emulator's token URL since `marks` (request counts per worker). */
export function tokenRequestsSince(world: QueueWorld, marks: Record<string, number>): Record<string, number> {
	const issuePath = new URL(world.emulator.emulator.nhnTokenUrl).pathname;
	return Object.fromEntries(
		world.cluster.workers.map((w) => [w.name, w.proxy.requests.slice(marks[w.name] ?? 0).filter((r) => r.path === issuePath).length]),
	);
}

export function proxyMarks(cluster: QueueCluster): Record<string, number> {
	return Object.fromEntries(cluster.workers.map((w) => [w.name, w.proxy.requests.length]));
}
