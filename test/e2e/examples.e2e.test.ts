/* eslint-disable no-console -- e2e tests print one timing line per case */
// The three example workflows as shipped (only the official base URLs swapped for the emulator's), and the
// credential tests of the editor, in a real n8n 2.41.1 with the package installed from its packed tarball. One
// user folder, one emulator and one running n8n server for the whole file; the emulator is reset before each case.
import {
	cleanupE2e,
	importWorkflow,
	nodeOutputItems,
	nodeOutputJson,
	readLogLines,
	startServer,
	type RunningN8n,
} from '../../tools/n8n-harness';
import { CREDENTIAL_IDS, emulatorCredentials, EXAMPLE_FILES, loadExample } from '../../tools/n8n-harness/fixtures';
import { DEMO_KEYS } from '../../tools/emulator/server';
import { DAY_MS, HOUR_MS } from './helpers/emulator';
import { E2eSuite, runManuallyOverRest } from './helpers/suite';
import { budgetForCommands, E2E_TEST_MS } from './helpers/budgets';

jest.setTimeout(E2E_TEST_MS);

const [EXAMPLE_1, EXAMPLE_2, EXAMPLE_3, EXAMPLE_4] = EXAMPLE_FILES;
/** Where Example 3 says to list the tempRequestIds to clean up (empty as shipped). */
const PLACEHOLDER = 'const tempRequestIds = [];';
/** Mistyped values for the secret fields in the credential tests; the scan makes sure they are not echoed either. */
const MISTYPED = { ncp: 'mistyped-ncp-value-e2e', nhn: 'mistyped-nhn-value-e2e' };

describe('the example workflows and the credential tests in a real n8n', () => {
	let suite: E2eSuite;
	let server: RunningN8n;
	const ids: Record<string, string> = {};

	/** The values of the example credentials (pointing at the emulator) with another secret. */
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
		// The examples are loaded once the emulator is up (its URLs replace the official ones). Example 3 is imported
		// by its case, after the tempRequestId it needs exists.
		suite = await E2eSuite.start('examples');
		const emulator = suite.emulator.emulator;
		const [one, two, three, four] = await Promise.all(
			[EXAMPLE_1, EXAMPLE_2, EXAMPLE_3, EXAMPLE_4].map(async (file) => await loadExample(file, emulator)),
		);
		Object.assign(ids, { one: one.id, two: two.id, three: three.id, four: four.id });
		await importWorkflow(suite.folder, [one, two, four]);
		server = await startServer(suite.folder, { env: suite.env() });
		suite.timings.push({ name: `whole setup, with examples 1 and 2 imported and the server started (ready in ${server.readyMs} ms)`, ms: Date.now() - t0, runs: [] });
	}, budgetForCommands(4));

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

	it('Example 1 as shipped: one NCP file and one NHN attachment, with the sample file\'s bytes', async () => {
		await suite.timed('Example 1 (upload to each provider)', async () => {
			const run = await suite.executeOk(ids.one);
			const emu = await suite.emulator.state();
			const { sample } = suite;

			const [ncp] = nodeOutputJson(run, 'Upload to NCP');
			const [nhn] = nodeOutputJson(run, 'Upload to NHN Cloud');
			expect(ncp).toEqual({
				tempRequestId: expect.any(String),
				tempRequestIds: [ncp.tempRequestId],
				files: [{ fileName: 'invoice.pdf', fileSize: sample.bytes.length, fileId: expect.any(String), tempRequestId: ncp.tempRequestId }],
				fileIds: [expect.any(String)],
			});
			expect(nhn).toEqual({ attachmentId: expect.any(String), fileName: 'invoice.pdf', fileSizeByte: sample.bytes.length, fileTypes: ['EMAIL_DEFAULT'] });

			// Exactly one of each stored, byte for byte the sample; nothing else.
			expect(emu.ncp.files).toEqual([
				{ tempRequestId: ncp.tempRequestId, fileId: (ncp.fileIds as string[])[0], fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 },
			]);
			expect(emu.nhn.attachments).toEqual([
				expect.objectContaining({ attachmentId: nhn.attachmentId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256, uploadedFileTypes: ['EMAIL_DEFAULT'] }),
			]);
			expect(emu.ncp.mails).toEqual([]);
			expect(emu.nhn.mails).toEqual([]);
			expect(emu.requests.filter((r) => r.status >= 400 && r.status !== 401)).toEqual([]);
		});
	});

	it('Example 2 as shipped (logging at debug level): the Send Email nodes send both mails with the uploaded files', async () => {
		await suite.timed('Example 2 (upload then send), N8N_LOG_LEVEL=debug', async () => {
			const result = await suite.execute(ids.two, { env: { N8N_LOG_LEVEL: 'debug' } });
			expect(result.exitCode).toBe(0);
			const { run } = result;
			expect(run.status).toBe('success');
			const emu = await suite.emulator.state();
			const { sample } = suite;

			const [ncp] = nodeOutputJson(run, 'Upload to NCP');
			const [nhn] = nodeOutputJson(run, 'Upload to NHN Cloud');
			expect(nodeOutputJson(run, 'Send mail with NCP')).toEqual([
				expect.objectContaining({ requestId: expect.stringMatching(/^\d{20}$/), count: 1 }),
			]);
			expect(nodeOutputJson(run, 'Send email with NHN Cloud')).toEqual([expect.objectContaining({ messageId: expect.any(String) })]);

			// NCP: the mail carries the uploaded fileIds; the Send Email node was signed by this package's credential
			// (the emulator verifies Signature v2 on every request: none was refused).
			expect(emu.ncp.mails).toEqual([
				expect.objectContaining({
					senderAddress: 'no-reply@example.com',
					title: 'Your invoice',
					recipients: [expect.objectContaining({ address: 'customer@example.com', type: 'R' })],
					attachments: [{ id: (ncp.fileIds as string[])[0], fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }],
				}),
			]);
			const ncpCalls = emu.requests.filter((r) => r.service === 'ncp').map((r) => `${r.method} ${r.path} ${r.status}`);
			expect(ncpCalls).toEqual(['POST /ncp/api/v1/files 201', 'POST /ncp/api/v1/mails 201']);

			// NHN: the email carries the attachmentId; the request was authorised by the NHN credential's token.
			expect(emu.nhn.mails).toEqual([
				expect.objectContaining({
					messagePurpose: 'NORMAL',
					senderMailAddress: 'no-reply@example.com',
					recipients: ['customer@example.com'],
					attachments: [{ id: nhn.attachmentId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }],
				}),
			]);
			const send = emu.requests.filter((r) => r.path === '/nhn/message/v1.0/EMAIL/free-form-messages/NORMAL');
			expect(send.map((r) => r.status).slice(-1)).toEqual([200]);
			expect(emu.nhn.attachments.map((a) => a.sha256)).toEqual([sample.sha256]);

			// The debug log was written and is part of the secret scan.
			const debugLines = await readLogLines(result.logFile);
			expect(debugLines.some((line) => line.level === 'debug')).toBe(true);
		});
	});

	it('Example 4 as shipped: the file read from disk goes out in one step, attached to one mail per provider', async () => {
		await suite.timed('Example 4 (send a file from disk)', async () => {
			const result = await suite.execute(ids.four);
			expect(result.exitCode).toBe(0);
			expect(result.run.status).toBe('success');
			const emu = await suite.emulator.state();
			const { sample } = suite;
			// The node uploaded the file itself: one stored copy per provider, byte for byte, each attached to its mail.
			expect(emu.ncp.files.map((file) => file.sha256)).toEqual([sample.sha256]);
			expect(emu.nhn.attachments.map((attachment) => attachment.sha256)).toEqual([sample.sha256]);
			expect(emu.ncp.mails).toEqual([
				expect.objectContaining({
					senderAddress: 'no-reply@example.com',
					attachments: [{ id: emu.ncp.files[0].fileId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }],
				}),
			]);
			expect(emu.nhn.mails).toEqual([
				expect.objectContaining({
					recipients: ['customer@example.com'],
					attachments: [{ id: emu.nhn.attachments[0].attachmentId, fileName: 'invoice.pdf', size: sample.bytes.length, sha256: sample.sha256 }],
				}),
			]);
			const [ncpSent] = nodeOutputJson(result.run, 'Send with NCP');
			expect(ncpSent).toMatchObject({ requestId: expect.any(String), attachments: [expect.objectContaining({ name: 'invoice.pdf' })] });
		});
	});

	// The editor saves a new credential, then tests it by its id with the values in the form: tested that way here.
	// (Order matters from here on: the server process keeps the NHN token it issues in its own cache, and the
	// emulator's reset before each case forgets every token, a revocation the real service has no equivalent for.
	// Testing the credentials before Example 3 runs in the server keeps that cache consistent with the emulator.)
	it('credential tests through the REST API: good keys pass, a wrong secret fails with a useful message', async () => {
		await suite.timed('credential tests over REST (NCP unsaved, NHN saved, good and wrong secret)', async () => {
			const ncpGood = await server.testCredential(ncpCredential(DEMO_KEYS.ncp.secretKey));
			const ncpBad = await server.testCredential(ncpCredential(MISTYPED.ncp));
			const nhnBad = await server.testCredential(nhnCredential(MISTYPED.nhn));
			const nhnGood = await server.testCredential({ id: CREDENTIAL_IDS.nhn, ...nhnCredential(DEMO_KEYS.nhn.secretAccessKey) });
			await suite.keepForScan('credential test answers', JSON.stringify({ ncpGood, ncpBad, nhnBad, nhnGood }));

			expect(ncpGood).toEqual({ status: 'OK', message: expect.any(String) });
			expect(ncpBad.status).toBe('Error');
			expect(ncpBad.message).toMatch(/signature/i);
			expect(ncpBad.message).toMatch(/clock/i);
			expect(nhnBad.status).toBe('Error');
			expect(nhnBad.message).toMatch(/HTTP 401/);
			expect(nhnBad.message).toMatch(/Secret Access Key/);
			expect(nhnGood).toEqual({ status: 'OK', message: expect.any(String) });

			const emu = await suite.emulator.state();
			// The wrong signature is refused; n8n itself resends a request refused with 401 once, whatever the credential.
			expect(emu.requests.filter((r) => r.service === 'ncp').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'GET /ncp/api/v1/files/n8n-credential-test 400',
				'GET /ncp/api/v1/files/n8n-credential-test 401',
				'GET /ncp/api/v1/files/n8n-credential-test 401',
			]);
			// NHN: the wrong secret never gets a token (and no API call is made); for the good one a token is issued
			// first (the form's values carry no token), then the test request is answered.
			expect(emu.requests.filter((r) => r.service === 'nhn-oauth').map((r) => r.status)).toEqual([401, 200]);
			expect(emu.nhn.tokensIssued).toBe(1);
			expect(emu.requests.filter((r) => r.service === 'nhn').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'GET /nhn/attachment/v1.0/attachments/file-types 200',
			]);
		});
	});

	// KNOWN PROBLEM (kept failing on purpose): testing NHN values that are not saved yet (id '') fails with
	// "Found credential with no ID." n8n 2.41.1's CredentialsHelper.preAuthentication persists the token that the
	// credential's preAuthentication returns into node.credentials[type].id, which is '' for unsaved values. The
	// editor saves before it tests, so users testing from the credential modal are not affected; anything that tests
	// unsaved values (the REST API, the harness's "id '' is fine" note) is.
	it.failing('credential test of unsaved NHN values (id \'\') with good keys is OK', async () => {
		await suite.timed('credential test over REST (NHN unsaved, good keys): known to fail', async () => {
			const result = await server.testCredential(nhnCredential(DEMO_KEYS.nhn.secretAccessKey));
			await suite.keepForScan('credential test answer (unsaved NHN)', JSON.stringify(result));
			console.log(`unsaved NHN credential test: ${JSON.stringify(result)}`);
			expect(result).toEqual({ status: 'OK', message: expect.any(String) });
		});
	});

	// `n8n execute` only starts at a Manual Trigger; Example 3 starts with a Schedule Trigger, so it runs as the
	// editor's "Execute workflow" button runs it: POST /rest/workflows/:id/run from that trigger, as shipped.
	it('Example 3 as shipped, run from the editor (Execute workflow): reports the expiring NHN attachments, gets then deletes the NCP upload', async () => {
		await suite.timed('Example 3 (scheduled clean-up) over REST, with seeded attachments and an NCP upload', async () => {
			const { emulator } = suite;
			// NHN attachments uploaded at different times (the emulator's clock moved back, then forward again):
			// one already expired, three expiring in about 12 hours, one in 25 hours, two fresh ones.
			const seedAt = async (ageMs: number, count: number) => {
				const { offsetMs } = (await emulator.admin<{ offsetMs: number }>('GET', '/clock'));
				await emulator.advanceClock(-ageMs - offsetMs);
				await emulator.seedNhn(count);
				return (await emulator.state()).nhn.attachments.slice(-count).map((a) => a.attachmentId);
			};
			const expired = await seedAt(7.5 * DAY_MS, 1);
			const expiring = await seedAt(6.5 * DAY_MS, 3);
			const tomorrow = await seedAt(6 * DAY_MS - HOUR_MS, 1);
			const fresh = await seedAt(0, 2);
			expect((await emulator.admin<{ offsetMs: number }>('GET', '/clock')).offsetMs).toBe(0);

			// An NCP upload made outside n8n; its tempRequestId goes where the example says to put one.
			const upload = await emulator.ncpUpload([{ bytes: suite.sample.bytes, fileName: 'invoice.pdf', mimeType: 'application/pdf' }]);
			const example = await loadExample(EXAMPLE_3, emulator.emulator);
			const source = example.nodes.find((node) => node.name === 'NCP temporary uploads to clean up') as { parameters: { jsCode: string } };
			expect(source.parameters.jsCode).toContain(PLACEHOLDER);
			source.parameters.jsCode = source.parameters.jsCode.replace(PLACEHOLDER, `const tempRequestIds = ['${upload.tempRequestId}'];`);
			await suite.importWorkflows([example]);

			const t0 = Date.now();
			const { status, run, rawData } = await runManuallyOverRest(server, ids.three, 'Every day at 6');
			suite.recordCommand(Date.now() - t0);
			await suite.keepForScan('example 3 execution over REST', rawData);
			expect(status).toBe('success');
			expect(run.mode).toBe('manual');
			expect(nodeOutputItems(run, 'Every day at 6')).toHaveLength(1);
			const emu = await suite.emulator.state();

			// The report lists exactly the attachments expiring within 24 hours (newest first, as the API lists).
			const listed = nodeOutputJson(run, 'NHN attachments expiring within 24 hours').map((a) => a.attachmentId);
			expect(listed).toEqual([...expiring].reverse());
			const [report] = nodeOutputJson(run, 'Report what will expire');
			expect(report.expiringCount).toBe(3);
			expect(report.attachmentIds).toEqual([...expiring].reverse());
			const lines = String(report.report).split('\n');
			expect(lines).toHaveLength(3);
			for (const id of expiring) expect(lines.some((line) => line.includes(`(${id}) expires `))).toBe(true);
			for (const id of [...expired, ...tomorrow, ...fresh]) expect(String(report.report)).not.toContain(id);

			// NCP: looked up, then deleted; the emulator no longer has the file.
			const [lookedUp] = nodeOutputItems(run, 'Look up NCP temporary files');
			expect(lookedUp.json).toEqual({
				tempRequestId: upload.tempRequestId,
				tempRequestIds: [upload.tempRequestId],
				files: upload.files.map((f) => ({ ...f, tempRequestId: upload.tempRequestId })),
				fileIds: upload.files.map((f) => f.fileId),
			});
			expect(nodeOutputJson(run, 'Delete NCP temporary files')).toEqual([{ ...lookedUp.json, deleted: true }]);
			expect(emu.ncp.files).toEqual([]);
			expect(emu.requests.filter((r) => r.service === 'ncp').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'POST /ncp/api/v1/files 201',
				`GET /ncp/api/v1/files/${upload.tempRequestId} 200`,
				`DELETE /ncp/api/v1/files/${upload.tempRequestId} 200`,
			]);
		});
	});

	it('no secret key, secret access key or issued token appears in any run output, execution or log (debug included)', async () => {
		await suite.timed('secret scan of every run output, execution data and log', async () => {
			await suite.keepForScan('n8n server output', server.output(), server.logFile);
			expect(suite.emulator.issuedTokens().length).toBeGreaterThan(0);
			expect(suite.secretFindings([MISTYPED.ncp, MISTYPED.nhn])).toEqual([]);
		});
	});
});
