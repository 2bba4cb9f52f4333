/* eslint-disable no-console -- e2e tests print one timing line per case */
// The package on the last n8n 1.x line (1.123.x, on Node 22), installed from its tarball as on 2.x, in one process:
// the three examples, NHN and NCP operations, token renewal after expiry (between runs and mid-run), the credential
// tests with wrong keys, and the errors' provider, status, code and message. The emulator is never reset here (a
// reset also revokes every token, which the real service never does): each case reads what changed in its state.
import { createHash } from 'node:crypto';

import { cleanupE2e, E2E_OWNER, importCredentials, n8nInstall, nodeOutputItems, nodeOutputJson, startServer, type RunningN8n } from '../../tools/n8n-harness';
import { CREDENTIAL_IDS, emulatorCredentials, EXAMPLE_FILES, loadExample, nhnCredentialData } from '../../tools/n8n-harness/fixtures';
import { DEMO_KEYS } from '../../tools/emulator/server';
import { DAY_MS, type EmulatorStateView } from '../e2e/helpers/emulator';
import { E2eSuite, runManuallyOverRest } from '../e2e/helpers/suite';
import { sleep } from '../../tools/n8n-harness/proc';
import { FRESH_NHN, LONG_RUN_ITEMS, N8N1_WORKFLOWS, WF } from './n8n1-workflows';

jest.setTimeout(120_000);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** What the emulator holds now that it did not hold at `before`. */
function added(before: EmulatorStateView, after: EmulatorStateView) {
	const known = (ids: string[]) => new Set(ids);
	const ncpBefore = known(before.ncp.files.map((f) => f.fileId));
	const nhnBefore = known(before.nhn.attachments.map((a) => a.attachmentId));
	return {
		ncpFiles: after.ncp.files.filter((f) => !ncpBefore.has(f.fileId)),
		nhnAttachments: after.nhn.attachments.filter((a) => !nhnBefore.has(a.attachmentId)),
		ncpMails: after.ncp.mails.slice(before.ncp.mails.length),
		nhnMails: after.nhn.mails.slice(before.nhn.mails.length),
		requests: after.requests.slice(before.requests.length),
		tokensIssued: after.nhn.tokensIssued - before.nhn.tokensIssued,
	};
}

describe('n8n 1.123.x (the last 1.x line) on Node 22, one process', () => {
	let suite: E2eSuite;
	let server: RunningN8n;
	const ids: Record<string, string> = {};

	const ncpCredential = (secretKey: string) => {
		const [ncp] = emulatorCredentials(suite.emulator.emulator);
		return { type: ncp.type, name: ncp.name, data: { ...ncp.data, secretKey } };
	};
	const nhnCredential = (secretAccessKey: string) => {
		const [, nhn] = emulatorCredentials(suite.emulator.emulator);
		return { type: nhn.type, name: nhn.name, data: { ...nhn.data, secretAccessKey } };
	};

	beforeAll(async () => {
		const t0 = Date.now();
		const install = n8nInstall('1.x');
		suite = await E2eSuite.start(`n8n ${install.version}`, N8N1_WORKFLOWS, install);
		const emulator = suite.emulator.emulator;
		const [one, two] = await Promise.all([EXAMPLE_FILES[0], EXAMPLE_FILES[1]].map(async (file) => await loadExample(file, emulator)));
		Object.assign(ids, { one: one.id, two: two.id });
		await suite.importWorkflows([one, two]);
		await importCredentials(suite.folder, [{ ...FRESH_NHN, type: 'nhnCloudNotificationHubApi', data: nhnCredentialData(emulator) }]);
		server = await startServer(suite.folder, { env: suite.env() });
		// n8n 1.x has no owner from the environment: the first visitor sets it up, as in a browser. Its REST routes
		// come up a moment after /healthz/readiness answers.
		const deadline = Date.now() + 30_000;
		for (;;) {
			const setup = await fetch(`${server.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: E2E_OWNER.email, firstName: E2E_OWNER.firstName, lastName: E2E_OWNER.lastName, password: E2E_OWNER.password }),
			});
			if (setup.status === 200) break;
			if (setup.status !== 404 || Date.now() > deadline) throw new Error(`owner setup: HTTP ${setup.status} ${await setup.text()}`);
			await sleep(250);
		}
		suite.timings.push({ name: `whole setup, server ready in ${server.readyMs} ms`, ms: Date.now() - t0, runs: [] });
	}, 240_000);

	afterAll(async () => {
		if (server) await server.stop();
		if (suite) {
			console.log(suite.timingReport());
			await suite.close();
		}
		await cleanupE2e();
	});

	it('Example 1 as shipped: one NCP file and one NHN attachment, with the sample file\'s bytes', async () => {
		await suite.timed('Example 1', async () => {
			const before = await suite.emulator.state();
			const run = await suite.executeOk(ids.one);
			const change = added(before, await suite.emulator.state());
			const [ncp] = nodeOutputJson(run, 'Upload to NCP');
			const [nhn] = nodeOutputJson(run, 'Upload to NHN Cloud');
			expect(change.ncpFiles).toEqual([expect.objectContaining({ tempRequestId: ncp.tempRequestId, fileName: 'invoice.pdf', sha256: suite.sample.sha256 })]);
			expect(change.nhnAttachments).toEqual([expect.objectContaining({ attachmentId: nhn.attachmentId, fileName: 'invoice.pdf', sha256: suite.sample.sha256 })]);
		});
	});

	it('Example 2 as shipped: both mails sent with the uploaded files', async () => {
		await suite.timed('Example 2', async () => {
			const before = await suite.emulator.state();
			await suite.executeOk(ids.two);
			const change = added(before, await suite.emulator.state());
			const { sample } = suite;
			expect(change.ncpMails.map((m) => m.attachments)).toEqual([[{ id: change.ncpFiles[0].fileId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }]]);
			expect(change.nhnMails.map((m) => m.attachments)).toEqual([[{ id: change.nhnAttachments[0].attachmentId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }]]);
		});
	});

	it('Example 3 as shipped, run from the editor: reports the expiring NHN attachments, gets then deletes the NCP upload', async () => {
		await suite.timed('Example 3 over REST', async () => {
			const { emulator } = suite;
			// Three attachments uploaded six and a half days ago (the emulator's clock moved back, then forward again).
			await emulator.advanceClock(-6.5 * DAY_MS);
			await emulator.seedNhn(3);
			const expiring = (await emulator.state()).nhn.attachments.slice(-3).map((a) => a.attachmentId);
			await emulator.advanceClock(6.5 * DAY_MS);
			const upload = await emulator.ncpUpload([{ bytes: suite.sample.bytes, fileName: 'invoice.pdf', mimeType: 'application/pdf' }]);
			const example = await loadExample(EXAMPLE_FILES[2], emulator.emulator);
			const source = example.nodes.find((node) => node.name === 'NCP temporary uploads to clean up') as { parameters: { jsCode: string } };
			const placeholder = 'const tempRequestIds = [];';
			expect(source.parameters.jsCode).toContain(placeholder);
			source.parameters.jsCode = source.parameters.jsCode.replace(placeholder, `const tempRequestIds = ['${upload.tempRequestId}'];`);
			await suite.importWorkflows([example]);
			const stored = await server.rest<Record<string, unknown>>('GET', `/workflows/${example.id}`);
			const { status, run } = await runManuallyOverRest(server, example.id, 'Every day at 6', 60_000, { workflowData: stored.data });
			expect(status).toBe('success');
			const [report] = nodeOutputJson(run, 'Report what will expire');
			expect(new Set(report.attachmentIds as string[])).toEqual(new Set(expiring));
			expect(nodeOutputJson(run, 'Delete NCP temporary files')).toEqual([expect.objectContaining({ tempRequestId: upload.tempRequestId, deleted: true })]);
			expect((await emulator.state()).ncp.files.filter((f) => f.tempRequestId === upload.tempRequestId)).toEqual([]);
		});
	});

	it('NHN upload, get with download (byte-equal) and list with Return All', async () => {
		await suite.timed('NHN upload, get, list', async () => {
			await suite.emulator.seedNhn(1050);
			const before = await suite.emulator.state();
			const run = await suite.executeOk(WF.nhn);
			const after = await suite.emulator.state();
			const change = added(before, after);
			const [uploaded] = nodeOutputJson(run, 'Upload');
			expect(change.nhnAttachments).toEqual([expect.objectContaining({ attachmentId: uploaded.attachmentId, sha256: suite.sample.sha256 })]);
			const [got] = nodeOutputItems(run, 'Get');
			expect(got.json.attachmentId).toBe(uploaded.attachmentId);
			expect(sha256(await suite.binaryBytes(got.binary!.file))).toBe(suite.sample.sha256);
			const listed = nodeOutputJson(run, 'List').map((a) => a.attachmentId);
			expect(new Set(listed)).toEqual(new Set(after.nhn.attachments.map((a) => a.attachmentId)));
		});
	});

	it('NCP upload and get', async () => {
		await suite.timed('NCP upload, get', async () => {
			const before = await suite.emulator.state();
			const run = await suite.executeOk(WF.ncp);
			const change = added(before, await suite.emulator.state());
			const [got] = nodeOutputJson(run, 'Get');
			expect(change.ncpFiles).toEqual([expect.objectContaining({ tempRequestId: got.tempRequestId, fileName: 'invoice.pdf', sha256: suite.sample.sha256 })]);
			expect(got.fileIds).toEqual([change.ncpFiles[0].fileId]);
		});
	});

	it('errors keep the provider, the HTTP status, the API code and the API message', async () => {
		await suite.timed('errors (Continue On Fail)', async () => {
			// n8n 1.123's `execute` sometimes dies of a signal after printing a successful run: the run is what counts.
			const { run } = await suite.execute(WF.errors);
			expect(run.status).toBe('success');
			const [nhn] = nodeOutputJson(run, 'NHN get');
			const [ncp] = nodeOutputJson(run, 'NCP get');
			expect(nhn).toMatchObject({ error: expect.stringMatching(/^NHN Cloud Notification Hub: HTTP 404, code 404202: \S/), httpCode: '404', apiCode: '404202' });
			expect(ncp).toMatchObject({ error: expect.stringMatching(/^NAVER Cloud Outbound Mailer: HTTP 400, code 77103: \S/), httpCode: '400', apiCode: '77103' });
			expect(String(ncp.error)).toContain('no-such-temp-request-id');
		});
	});

	it('credential tests: good keys pass, a wrong secret fails, for both credentials', async () => {
		await suite.timed('credential tests over REST', async () => {
			// n8n 1.x tests saved credentials only (the editor saves first): by id, with the form's values.
			const ncpGood = await server.testCredential({ id: CREDENTIAL_IDS.ncp, ...ncpCredential(DEMO_KEYS.ncp.secretKey) });
			const ncpBad = await server.testCredential({ id: CREDENTIAL_IDS.ncp, ...ncpCredential('mistyped-ncp-value-e2e') });
			const nhnBad = await server.testCredential({ id: CREDENTIAL_IDS.nhn, ...nhnCredential('mistyped-nhn-value-e2e') });
			const nhnGood = await server.testCredential({ id: CREDENTIAL_IDS.nhn, ...nhnCredential(DEMO_KEYS.nhn.secretAccessKey) });
			console.log(`n8n 1.x credential tests: ${JSON.stringify({ ncpGood, ncpBad, nhnBad, nhnGood })}`);
			expect(ncpGood.status).toBe('OK');
			expect(nhnGood.status).toBe('OK');
			expect(ncpBad.status).toBe('Error');
			expect(nhnBad.status).toBe('Error');
		});
	});

	it('NHN token renewed between runs: a run after the stored token expired gets a new one and succeeds', async () => {
		await suite.timed('token renewal between runs', async () => {
			await suite.executeOk(WF.upload);
			const { tokenLifetimeSeconds } = (await suite.emulator.state()).nhn;
			await suite.emulator.advanceClock(tokenLifetimeSeconds * 1000 + 60_000);
			const before = await suite.emulator.state();
			const run = await suite.executeOk(WF.upload);
			const change = added(before, await suite.emulator.state());
			const [uploaded] = nodeOutputJson(run, 'Upload');
			expect(change.nhnAttachments.map((a) => a.attachmentId)).toEqual([uploaded.attachmentId]);
			expect(change.tokensIssued).toBe(1);
			expect(change.requests.filter((r) => r.service === 'nhn-oauth' && r.status === 200)).toHaveLength(1);
		});
	});

	it('NHN token renewed mid-run: a token issued at the start of a run of about 6 s expires after 3 s; every item answered', async () => {
		await suite.timed('token renewal mid-run', async () => {
			await suite.emulator.admin('POST', '/token-lifetime', { seconds: 3 });
			await suite.emulator.admin('POST', '/latency', { ms: 200 });
			try {
				// A credential that has never had a token: the run's first request issues one, which expires 3 s later.
				const before = await suite.emulator.state();
				const run = await suite.executeOk(WF.longRun);
				const change = added(before, await suite.emulator.state());
				expect(nodeOutputItems(run, 'File types')).toHaveLength(LONG_RUN_ITEMS);
				expect(change.tokensIssued).toBeGreaterThanOrEqual(2);
				const answered = change.requests.filter((r) => r.path.endsWith('/file-types') && r.status === 200);
				expect(answered).toHaveLength(LONG_RUN_ITEMS);
			} finally {
				await suite.emulator.admin('POST', '/latency', { ms: 0 });
				await suite.emulator.admin('POST', '/token-lifetime', { seconds: 86_400 });
			}
		});
	});
});
