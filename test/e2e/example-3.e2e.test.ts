/* eslint-disable no-console -- e2e tests print one timing line per case */
// Example 3 (scheduled clean-up) in a real n8n 2.41.1, run as the editor's "Execute workflow" runs it, in the two
// states a user meets: nothing expiring (the demo's normal state) and some attachments expiring. As shipped, its NCP
// list is empty: the NCP steps must not run. One user folder, one emulator, one n8n server.
import { cleanupE2e, nodeOutputJson, startServer, type N8nRun, type RunningN8n } from '../../tools/n8n-harness';
import { EXAMPLE_FILES, loadExample } from '../../tools/n8n-harness/fixtures';
import { DAY_MS } from './helpers/emulator';
import { E2eSuite, runManuallyOverRest } from './helpers/suite';

jest.setTimeout(120_000);

const EXAMPLE_3 = EXAMPLE_FILES[2];
const TRIGGER = 'Every day at 6';
const NCP_NODES = ['NCP temporary uploads to clean up', 'Look up NCP temporary files', 'Delete NCP temporary files'];

describe('Example 3 in every state', () => {
	let suite: E2eSuite;
	let server: RunningN8n;
	let workflowId: string;

	beforeAll(async () => {
		suite = await E2eSuite.start('example-3');
		const example = await loadExample(EXAMPLE_3, suite.emulator.emulator);
		workflowId = example.id as string;
		await suite.importWorkflows([example]);
		server = await startServer(suite.folder, { env: suite.env() });
	}, 180_000);

	beforeEach(async () => {
		await suite.emulator.reset();
	});

	afterAll(async () => {
		if (server) await server.stop();
		if (suite) {
			console.log(suite.timingReport());
			await suite.close();
		}
		await cleanupE2e();
	});

	async function runExample(): Promise<N8nRun> {
		const t0 = Date.now();
		const { status, run, rawData } = await runManuallyOverRest(server, workflowId, TRIGGER);
		suite.recordCommand(Date.now() - t0);
		await suite.keepForScan('example 3 over REST', rawData);
		expect(status).toBe('success');
		return run;
	}

	/** Attachments uploaded `ageMs` ago (the emulator's clock moved back, then forward again). */
	async function seedAged(ageMs: number, count: number): Promise<string[]> {
		await suite.emulator.advanceClock(-ageMs);
		await suite.emulator.seedNhn(count);
		await suite.emulator.advanceClock(ageMs);
		return (await suite.emulator.state()).nhn.attachments.slice(-count).map((attachment) => attachment.attachmentId);
	}

	it('nothing expiring, as shipped: a report of nothing (no undefined), and the NCP steps do not run', async () => {
		await suite.timed('Example 3, nothing expiring', async () => {
			await seedAged(0, 2);
			const run = await runExample();

			const [report, ...more] = nodeOutputJson(run, 'Report what will expire');
			console.log(`nothing expiring: report ${JSON.stringify(report)}`);
			expect(more).toEqual([]);
			expect(report).toEqual({ expiringCount: 0, report: 'No attachment expires within 24 hours.', attachmentIds: [] });
			expect(JSON.stringify(run.data.resultData.runData)).not.toContain('undefined');
			expect(nodeOutputJson(run, NCP_NODES[0])).toEqual([]);
			for (const node of NCP_NODES.slice(1)) expect(run.data.resultData.runData[node]).toBeUndefined();
			expect((await suite.emulator.state()).requests.filter((r) => r.service === 'ncp')).toEqual([]);
		});
	});

	it('some expiring: the report lists exactly those, and the NCP steps still wait for real IDs', async () => {
		await suite.timed('Example 3, some expiring', async () => {
			const expiring = await seedAged(6.5 * DAY_MS, 2);
			const fresh = await seedAged(0, 1);
			const run = await runExample();

			const [report] = nodeOutputJson(run, 'Report what will expire');
			console.log(`some expiring: report ${JSON.stringify(report)}`);
			expect(report.expiringCount).toBe(2);
			expect([...(report.attachmentIds as string[])].sort()).toEqual([...expiring].sort());
			const lines = String(report.report).split('\n');
			expect(lines).toHaveLength(2);
			for (const id of expiring) expect(lines.some((line) => new RegExp(`\\(${id}\\) expires \\d{4}-`).test(line))).toBe(true);
			expect(String(report.report)).not.toContain(fresh[0]);
			for (const node of NCP_NODES.slice(1)) expect(run.data.resultData.runData[node]).toBeUndefined();
		});
	});
});
