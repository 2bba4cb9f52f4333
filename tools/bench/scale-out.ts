/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark tooling: reports a broken run on stderr and exits 1, never published */
// `./scripts/bench-scale-out`: n8n's queue mode (one main, Redis, PostgreSQL, binary data in the database) with the
// package installed in every process: 200 NHN uploads, each its own production-webhook execution, with 50 ms of
// emulator latency, run by two workers and then, in the same run and on the same main and Redis, by one (the other
// worker stopped). Prints the wall time of each batch and the ratio; the emulator's state checks every upload.
import { randomUUID } from 'node:crypto';
import {
	cleanupE2e,
	importCredentials,
	importWorkflow,
	packPackage,
	startQueueCluster,
	type QueueCluster,
	type WorkflowInput,
} from '../n8n-harness';
import { CREDENTIAL_IDS, emulatorAdmin, emulatorCredentials, projectRoot, SAMPLE_DIR, SAMPLE_FILE, writeSampleFile } from '../n8n-harness/fixtures';
import { startEmulator } from '../emulator/server';
import { loadNow } from './runs';

const UPLOADS = 200;
const LATENCY_MS = 50;
const PATH = 'scale-out-upload';

const WORKFLOW: WorkflowInput = {
	id: 'benchScaleOut01',
	name: 'bench: one NHN upload per webhook call',
	active: true,
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: randomUUID(),
			position: [0, 0],
			parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
		},
		{ name: 'Read', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1.1, position: [200, 0], parameters: { fileSelector: SAMPLE_FILE, options: {} } },
		{
			name: 'Upload',
			type: 'n8n-nodes-ncp-nhn-attachment.attachment',
			typeVersion: 1,
			position: [400, 0],
			parameters: { resource: 'nhn', operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT'], options: {} },
			credentials: { nhnCloudNotificationHubApi: { id: CREDENTIAL_IDS.nhn, name: 'NHN Cloud Notification Hub (demo)' } },
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Read', type: 'main', index: 0 }]] },
		Read: { main: [[{ node: 'Upload', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
} as unknown as WorkflowInput;

/** Fires every call at once (the main enqueues them; the workers take 10 each at a time) and times the batch. */
async function batch(cluster: QueueCluster): Promise<{ ms: number; failed: number }> {
	const started = Date.now();
	const answers = await Promise.all(
		Array.from({ length: UPLOADS }, async () => {
			const res = await cluster.callWebhook(PATH, {});
			const body = await res.text();
			return res.status === 200 && body.includes('attachmentId');
		}),
	);
	return { ms: Date.now() - started, failed: answers.filter((ok) => !ok).length };
}

async function main(): Promise<void> {
	const [tarball, emulator] = await Promise.all([packPackage(projectRoot()), startEmulator({ port: 0 }), writeSampleFile()]);
	const cluster = await startQueueCluster({
		tarball,
		workers: 2,
		env: { N8N_RESTRICT_FILE_ACCESS_TO: SAMPLE_DIR },
		prepare: async (main) => {
			await importCredentials(main, emulatorCredentials(emulator));
			await importWorkflow(main, [WORKFLOW]);
		},
	});
	try {
		await cluster.activate([WORKFLOW.id as string]);
		// Warm-up: a token issued and the node loaded in both workers.
		await batch(cluster);
		await emulatorAdmin(emulator, 'POST', '/reset');
		await emulatorAdmin(emulator, 'POST', '/latency', { ms: LATENCY_MS });
		const two = await batch(cluster);
		const storedTwo = ((await emulatorAdmin(emulator, 'GET', '/state')) as { nhn: { attachments: unknown[] } }).nhn.attachments.length;
		await cluster.workers[1].server.stop();
		await emulatorAdmin(emulator, 'POST', '/reset');
		await emulatorAdmin(emulator, 'POST', '/latency', { ms: LATENCY_MS });
		const one = await batch(cluster);
		const storedOne = ((await emulatorAdmin(emulator, 'GET', '/state')) as { nhn: { attachments: unknown[] } }).nhn.attachments.length;
		const load = loadNow();
		process.stdout.write(
			`SCALE-OUT ${UPLOADS} NHN uploads, ${LATENCY_MS} ms latency, one execution each through production webhooks:\n` +
				`  two workers: ${two.ms} ms (${two.failed} failed, ${storedTwo} stored)\n` +
				`  one worker:  ${one.ms} ms (${one.failed} failed, ${storedOne} stored)\n` +
				`  speed-up of two workers over one: ${(one.ms / two.ms).toFixed(2)}x (load average ${load})\n`,
		);
		if (two.failed + one.failed > 0 || storedTwo !== UPLOADS || storedOne !== UPLOADS) process.exitCode = 1;
	} finally {
		await cluster.stop();
		await emulator.close();
		await cleanupE2e();
	}
}

main().catch(async (error: Error) => {
	process.stderr.write(`Scale-out benchmark failed: ${error.stack ?? error.message}\n`);
	await cleanupE2e().catch(() => undefined);
	process.exit(1);
});
