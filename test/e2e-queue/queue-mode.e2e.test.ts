/* eslint-disable no-console -- e2e tests print their timings and the token requests per worker */
// n8n 2.41.1 in queue mode, as an operator runs it: Redis, PostgreSQL, binary data in the database, one main and two
// workers, the package installed from its tarball in each. Every workflow runs through a production webhook on the
// main, so a worker runs it. The emulator is reset before each case; the checks read its state.
import { createHash } from 'node:crypto';

import { cleanupE2e } from '../../tools/n8n-harness';
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
const countOf = (ran: Record<string, string[]>) => Object.fromEntries(Object.entries(ran).map(([name, ids]) => [name, ids.length]));
const PARALLEL = 30;

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

	it('NHN Get with download: the worker stores the downloaded file in the database and the webhook answers it byte-equal', async () => {
		await timed('NHN get with download', async () => {
			const { sample } = world;
			const uploaded = (await callOk(world.cluster, PATHS.nhnUpload)) as { attachmentId: string };
			const before = await executionsByWorker(world.cluster);
			const bytes = await callForBytes(world.cluster, PATHS.nhnGet, { attachmentId: uploaded.attachmentId });
			expect(sha256(bytes)).toBe(sample.sha256);
			const [executionId] = Object.values(await newExecutions(world.cluster, before, 1)).flat();
			const rows = await world.cluster.sql(
				`select "fileName", encode(sha256(data), 'hex') from binary_data where "sourceType" = 'execution' and "sourceId" = '${executionId}'`,
			);
			expect(rows).toEqual([['invoice.pdf', sample.sha256]]);
			// One upload, one get, one preview download: nothing stored twice.
			const state = await world.emulator.state();
			expect(state.nhn.attachments.map((a) => a.sha256)).toEqual([sample.sha256]);
		});
	});

	it('NCP upload then get: one temporary file, byte for byte the sample, found again by its tempRequestId', async () => {
		await timed('NCP upload and get', async () => {
			const { sample } = world;
			const got = (await callOk(world.cluster, PATHS.ncp)) as { tempRequestId: string; files: unknown[]; fileIds: string[] };
			const state = await world.emulator.state();
			expect(state.ncp.files).toEqual([
				{ tempRequestId: got.tempRequestId, fileId: got.fileIds[0], fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 },
			]);
			expect(got.files).toEqual([
				{ fileName: 'invoice.pdf', fileSize: sample.bytes.length, fileId: got.fileIds[0], tempRequestId: got.tempRequestId },
			]);
			expect(state.requests.filter((r) => r.service === 'ncp').map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201', 'GET 200']);
		});
	});

	it('NHN List with Return All pages through more than 1,000 attachments in a worker', async () => {
		await timed('NHN list, Return All over 1,500 attachments', async () => {
			await world.emulator.seedNhn(1500);
			const seeded = (await world.emulator.state()).nhn.attachments.map((a) => a.attachmentId);
			const listed = (await callOk(world.cluster, PATHS.list)) as Array<{ attachmentId: string }>;
			expect(listed).toHaveLength(1500);
			expect(new Set(listed.map((a) => a.attachmentId))).toEqual(new Set(seeded));
		});
	});

	it('Example 1 and Example 2 as shipped (webhook trigger): files stored once each, mails sent with them', async () => {
		await timed('Examples 1 and 2', async () => {
			const { sample } = world;
			await callOk(world.cluster, PATHS.example1);
			let state = await world.emulator.state();
			expect(state.ncp.files.map((f) => [f.fileName, f.sha256])).toEqual([['invoice.pdf', sample.sha256]]);
			expect(state.nhn.attachments.map((a) => [a.fileName, a.sha256])).toEqual([['invoice.pdf', sample.sha256]]);

			await world.emulator.reset();
			await callOk(world.cluster, PATHS.example2);
			state = await world.emulator.state();
			const [ncpFile] = state.ncp.files;
			const [nhnFile] = state.nhn.attachments;
			expect(state.ncp.files).toHaveLength(1);
			expect(state.nhn.attachments).toHaveLength(1);
			expect(state.ncp.mails.map((m) => m.attachments)).toEqual([[{ id: ncpFile.fileId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }]]);
			expect(state.nhn.mails.map((m) => m.attachments)).toEqual([[{ id: nhnFile.attachmentId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }]]);
		});
	});

	it('Example 3 (webhook trigger, tempRequestId from the body): lists the expiring NHN attachments, gets then deletes the NCP file', async () => {
		await timed('Example 3', async () => {
			const { emulator } = world;
			const upload = await emulator.ncpUpload([{ bytes: world.sample.bytes, fileName: 'invoice.pdf', mimeType: 'application/pdf' }]);
			await callOk(world.cluster, PATHS.example3, { tempRequestId: upload.tempRequestId });
			const state = await emulator.state();
			expect(state.ncp.files).toEqual([]);
			expect(state.requests.filter((r) => r.service === 'ncp').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'POST /ncp/api/v1/files 201',
				`GET /ncp/api/v1/files/${upload.tempRequestId} 200`,
				`DELETE /ncp/api/v1/files/${upload.tempRequestId} 200`,
			]);
			// The NHN list was answered once (a first 401 is the token the emulator's reset forgot, renewed).
			expect(state.requests.filter((r) => r.service === 'nhn' && r.method === 'GET' && r.path.endsWith('/attachments') && r.status === 200)).toHaveLength(1);
		});
	});

	it(`${PARALLEL} parallel uploads are spread over both workers; each file is stored once, byte for byte`, async () => {
		await timed(`${PARALLEL} parallel NHN uploads`, async () => {
			const { sample } = world;
			// Latency keeps the runs overlapping, so one worker cannot take them all in turn.
			await world.emulator.admin('POST', '/latency', { ms: 100 });
			const before = await executionsByWorker(world.cluster);
			const answers = (await Promise.all(Array.from({ length: PARALLEL }, async () => await callOk(world.cluster, PATHS.nhnUpload)))) as Array<{ attachmentId: string }>;
			const ran = await newExecutions(world.cluster, before, PARALLEL);
			const state = await world.emulator.state();
			expect(new Set(answers.map((a) => a.attachmentId)).size).toBe(PARALLEL);
			expect(state.nhn.attachments).toHaveLength(PARALLEL);
			expect(new Set(state.nhn.attachments.map((a) => a.attachmentId))).toEqual(new Set(answers.map((a) => a.attachmentId)));
			expect(state.nhn.attachments.every((a) => a.sha256 === sample.sha256)).toBe(true);
			expect(Object.values(ran).flat()).toHaveLength(PARALLEL);
			const busy = Object.entries(ran).filter(([, ids]) => ids.length > 0).map(([name]) => name);
			expect(new Set(busy)).toEqual(new Set(world.cluster.workers.map((w) => w.name)));
			timings.push(`queue mode: executions per worker: ${Object.entries(ran).map(([name, ids]) => `${name} ${ids.length}`).join(', ')}`);
		});
	});

	it('NHN token renewal after the token expired: each worker asks for a token at most once, every run succeeds', async () => {
		await timed('token renewal after expiry', async () => {
			const { sample } = world;
			const batch = async () => (await Promise.all(Array.from({ length: PARALLEL }, async () => await callOk(world.cluster, PATHS.nhnUpload)))) as Array<{ attachmentId: string }>;
			await world.emulator.admin('POST', '/latency', { ms: 50 });
			// The reset forgot every token: the first batch gets each worker a token (at most one request each).
			let marks = proxyMarks(world.cluster);
			let before = await executionsByWorker(world.cluster);
			await batch();
			const first = tokenRequestsSince(world, marks);
			const firstRan = await newExecutions(world.cluster, before, PARALLEL);
			const { tokenLifetimeSeconds } = (await world.emulator.state()).nhn;
			await world.emulator.advanceClock(tokenLifetimeSeconds * 1000 + 60_000);

			marks = proxyMarks(world.cluster);
			before = await executionsByWorker(world.cluster);
			const tokensBefore = (await world.emulator.state()).nhn.tokensIssued;
			const answers = await batch();
			const renewals = tokenRequestsSince(world, marks);
			const ran = await newExecutions(world.cluster, before, PARALLEL);
			const state = await world.emulator.state();
			timings.push(
				`queue mode: token requests per worker: first use ${JSON.stringify(first)} (executions ${JSON.stringify(countOf(firstRan))}); ` +
					`after expiry ${JSON.stringify(renewals)} (executions ${JSON.stringify(countOf(ran))}); tokens issued after expiry ${state.nhn.tokensIssued - tokensBefore}`,
			);

			for (const count of [...Object.values(first), ...Object.values(renewals)]) expect(count).toBeLessThanOrEqual(1);
			// Someone renewed, and every worker that ran a job after expiry renewed or took the token another stored.
			expect(Object.values(renewals).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
			expect(state.nhn.tokensIssued - tokensBefore).toBeLessThanOrEqual(world.cluster.workers.length);
			expect(answers).toHaveLength(PARALLEL);
			expect(state.nhn.attachments).toHaveLength(2 * PARALLEL);
			expect(state.nhn.attachments.every((a) => a.sha256 === sample.sha256)).toBe(true);
		});
	});
});
