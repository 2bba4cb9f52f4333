/* eslint-disable no-console -- e2e tests print their timings and the token requests per worker */
// n8n 2.41.1 in queue mode, as an operator runs it: Redis, PostgreSQL, binary data in the database, one main and two
// workers, the package installed from its tarball in each. Every workflow runs through a production webhook on the
// main, so a worker runs it. The emulator is reset before each case; the checks read its state.
import { createHash } from 'node:crypto';

import { cleanupE2e } from '../../e2e/harness';
import { DAY_MS } from '../e2e/helpers/emulator';
import {
	callForBytes,
	callOk,
	executionsByWorker,
	newExecutions,
	proxyMarks,
	startQueueWorld,
	tokenRequestsSince,
	type QueueWorld,
} from './helpers/queue-suite';
import { PATHS } from './helpers/webhook-workflows';

jest.setTimeout(180_000);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('queue mode (n8n 2.41.1): one main, two workers, Redis, PostgreSQL, binary data in the database', () => {
	let world: QueueWorld;
	const timings: string[] = [];
	const timed = async (name: string, body: () => Promise<void>) => {
		const t0 = Date.now();
		try {
			await body();
		} finally {
			timings.push(`queue mode: ${name}: ${Date.now() - t0} ms`);
		}
	};

	beforeAll(async () => {
		world = await startQueueWorld();
		timings.push(
			`queue mode: setup (Redis, PostgreSQL, package in 3 user folders, imports, main ready in ${world.cluster.main.readyMs} ms, ` +
				`workers in ${world.cluster.workers.map((w) => w.server.readyMs).join(' and ')} ms): ${world.setupMs} ms`,
		);
	}, 300_000);

	beforeEach(async () => {
		await world.emulator.reset();
	});

	afterAll(async () => {
		console.log(timings.join('\n'));
		if (world) {
			await world.cluster.stop();
			await world.emulator.emulator.close();
		}
		await cleanupE2e();
	});

	it('NHN upload: the worker reads the file from the database and the service stores it once, byte for byte', async () => {
		await timed('NHN upload', async () => {
			const before = await executionsByWorker(world.cluster);
			const answer = (await callOk(world.cluster, PATHS.nhnUpload)) as Record<string, unknown>;
			const { sample } = world;
			expect(answer).toEqual({ attachmentId: expect.any(String), fileName: 'invoice.pdf', fileSizeByte: sample.bytes.length, fileTypes: ['EMAIL_DEFAULT'] });
			const state = await world.emulator.state();
			expect(state.nhn.attachments).toEqual([
				expect.objectContaining({ attachmentId: answer.attachmentId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }),
			]);
			const ran = await newExecutions(world.cluster, before, 1);
			expect(Object.values(ran).flat()).toHaveLength(1);
			// The file Read/Write Files stored for that execution is in the database, not on a disk.
			const [executionId] = Object.values(ran).flat();
			const rows = await world.cluster.sql(
				`select "fileName", "fileSize", encode(sha256(data), 'hex') from binary_data where "sourceType" = 'execution' and "sourceId" = '${executionId}'`,
			);
			expect(rows).toEqual([['invoice.pdf', String(sample.bytes.length), sample.sha256]]);
		});
	});
});
