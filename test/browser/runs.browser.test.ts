/* eslint-disable no-console -- test tooling: a browser case prints what the output panels showed; never published */
// Workflows run from the editor as a user runs them (Execute workflow), read in the node panels: Example 3 when
// nothing expires, an item with two binaries uploaded in full by both providers, and the NHN File Types list
// after switching channel. Headless Chromium against a real n8n 2.41.1 and the emulator, as editor.browser.test.ts;
// screenshots as there (docs/screenshots with UPDATE_SCREENSHOTS=1).
import { EXAMPLE_FILES } from '../../tools/n8n-harness/fixtures';
import { codeWithFiles, manualTrigger, attachmentNode, START, workflow } from '../e2e/helpers/workflows';
import { budgetForCommands, E2E_TEST_MS } from '../e2e/helpers/budgets';
import { sha256 } from '../e2e/helpers/emulator';
import { canvasNode, chooseOption, closeNodePanel, eventually, nodeOutputJson, openNodePanel, openSelect, optionHeadlines, openWorkflow, parametersShown } from './helpers/editor';
import { BrowserSession, requestLine as line } from './helpers/session';
import type { Locator } from 'playwright-core';

jest.setTimeout(E2E_TEST_MS);

const EXAMPLE_3 = EXAMPLE_FILES[2];
const FIRST = { bytes: Buffer.from('%PDF-1.7 first file of the item'), fileName: 'invoice.pdf', mimeType: 'application/pdf' };
const SECOND = { bytes: Buffer.from('id,total\n1,1200\n2,3400\n'), fileName: 'orders.csv', mimeType: 'text/csv' };
const WF = { twoFiles: 'brTwoBinaries', channel: 'brFileTypeChannel' };
const NODES = { item: 'Item with two files', ncp: 'NCP Upload (*)', nhn: 'NHN Upload (data, data_1)', emailUpload: 'NHN upload for email' };

const WORKFLOWS = [
	workflow(
		WF.twoFiles,
		'browser: an item with two binaries, uploaded by both providers',
		[
			manualTrigger(),
			// What Aggregate with Include Binaries (or Merge) hands on: one item, binary fields data and data_1.
			codeWithFiles(NODES.item, [{ binary: { data: FIRST, data_1: SECOND } }]),
			attachmentNode(NODES.ncp, 'ncp', 'upload', { binaryPropertyName: '*', options: {} }),
			attachmentNode(NODES.nhn, 'nhn', 'upload', { binaryPropertyName: 'data, data_1', fileTypeChannel: 'EMAIL', emailFileTypes: ['EMAIL_DEFAULT'], options: {} }),
		],
		[
			[START, NODES.item],
			[NODES.item, NODES.ncp],
			[NODES.item, NODES.nhn],
		],
	),
	workflow(WF.channel, 'browser: File Types after a channel switch', [
		attachmentNode(NODES.emailUpload, 'nhn', 'upload', { binaryPropertyName: 'data', fileTypeChannel: 'EMAIL', emailFileTypes: ['EMAIL_DEFAULT'], options: {} }),
	], []),
];

describe('workflows run from the editor, read in the node panels', () => {
	const session = new BrowserSession({ workflows: WORKFLOWS, examples: [EXAMPLE_3] });
	const { shot, step } = session;
	const page = () => session.page;
	const emulator = () => session.suite.emulator;

	beforeAll(async () => await session.setUp(), budgetForCommands(4));
	beforeEach(async () => await emulator().reset());
	afterAll(async () => await session.tearDown());

	/** Clicks Execute workflow and waits until these nodes show success and the run is over. */
	async function executeWorkflow(succeeded: string[]): Promise<void> {
		await page().locator('[data-test-id="execute-workflow-button"]').click();
		for (const name of succeeded) {
			await canvasNode(page(), name).locator('[data-test-id="canvas-node-status-success"]').waitFor({ timeout: 60_000 });
		}
		await page().locator('[data-test-id="stop-execution-button"]').waitFor({ state: 'hidden', timeout: 60_000 });
	}

	it('Example 3 with nothing expiring: the report says so (no undefined), and the NCP Get and Delete do not run', async () => {
		await step('Example 3, nothing expiring, in the editor', async () => {
			// Attachments uploaded just now: none expires within 24 hours (the demo's usual state).
			await emulator().seedNhn(2);
			await openWorkflow(page(), session.exampleIds[EXAMPLE_3]);
			await executeWorkflow(['NHN attachments expiring within 24 hours', 'Report what will expire', 'NCP temporary uploads to clean up']);
			// Neither ran: no success tick, no warning (their "continue on error" icons are settings, always shown).
			const ranMarks = '[data-test-id="canvas-node-status-success"], [data-test-id="canvas-node-status-warning"]';
			for (const name of ['Look up NCP temporary files', 'Delete NCP temporary files']) {
				expect({ name, ran: await canvasNode(page(), name).locator(ranMarks).count() }).toEqual({ name, ran: 0 });
			}
			await shot('run-example-3-nothing-expiring');

			const report = await nodeOutputJson(page(), 'Report what will expire', 'expiringCount');
			console.log(`Example 3, nothing expiring: the report panel shows ${JSON.stringify(report)}`);
			expect(report).toMatch(/"expiringCount":\s*0\b/);
			expect(report).toContain('No attachment expires within 24 hours.');
			expect(report).toMatch(/"attachmentIds":\s*\[\s*\]/);
			expect(report).not.toContain('undefined');
			expect(report).not.toContain('null');
			await shot('run-example-3-report');
			await closeNodePanel(page());
			// Nothing was asked of NCP: no Get or Delete on an ID that does not exist.
			expect((await emulator().state()).requests.filter((r) => r.service === 'ncp').map(line)).toEqual([]);
		});
	});

	it('an item with two binaries: NCP Upload with * and NHN Upload with "data, data_1" each show both files', async () => {
		await step('two binaries uploaded in full, both providers', async () => {
			await openWorkflow(page(), WF.twoFiles);
			await executeWorkflow([NODES.ncp, NODES.nhn]);
			await shot('run-two-binaries-canvas');
			const emu = await emulator().state();
			const byName = (name: string) => emu.ncp.files.find((file) => file.fileName === name);

			// NCP: one output item listing both files, each with its fileId and the request that holds it.
			const ncp = await nodeOutputJson(page(), NODES.ncp, SECOND.fileName);
			for (const file of [FIRST, SECOND]) {
				expect(ncp).toContain(`"${file.fileName}"`);
				expect(ncp).toContain(String(byName(file.fileName)?.fileId));
				expect(ncp).toContain(String(byName(file.fileName)?.tempRequestId));
			}
			expect(ncp).toMatch(/"fileIds":\s*\[\s*"[^"]+",\s*"[^"]+"\s*\]/);
			await shot('run-two-binaries-ncp-output');
			await closeNodePanel(page());

			// NHN: one output item (one attachmentId) per file.
			const nhn = await nodeOutputJson(page(), NODES.nhn, SECOND.fileName);
			expect(nhn.match(/"attachmentId":/g)).toHaveLength(2);
			// The panel's File Types list, loaded from the emulator, shows the pick before the screenshot.
			await eventually(async () => await page().locator('[data-test-id="parameter-input-emailFileTypes"]').innerText(), (text) => text.includes('EMAIL_DEFAULT'));
			for (const file of [FIRST, SECOND]) {
				const stored = emu.nhn.attachments.find((attachment) => attachment.fileName === file.fileName);
				expect(nhn).toContain(`"${file.fileName}"`);
				expect(nhn).toContain(String(stored?.attachmentId));
			}
			await shot('run-two-binaries-nhn-output');
			await closeNodePanel(page());
			// Stored in full: each service holds both files, byte for byte.
			const sent = [FIRST, SECOND].map((file) => `${file.fileName} ${sha256(file.bytes)}`).sort();
			expect(emu.ncp.files.map((file) => `${file.fileName} ${file.sha256}`).sort()).toEqual(sent);
			expect(emu.nhn.attachments.map((attachment) => `${attachment.fileName} ${attachment.sha256}`).sort()).toEqual(sent);
		});
	});

	it('switching Show File Types Of clears the file types picked for the other channel', async () => {
		await step('File Types after a channel switch', async () => {
			await openWorkflow(page(), WF.channel);
			const ndv = await openNodePanel(page(), NODES.emailUpload);
			const pickedText = async (name: string) => await ndv.locator(`[data-test-id="parameter-input-${name}"]`).innerText();
			expect(await eventually(async () => await pickedText('emailFileTypes'), (text) => text.includes('EMAIL_DEFAULT'))).toContain('EMAIL_DEFAULT');

			// The editor re-renders the panel after each pick; every read below waits for the state a user would see.
			const countOnceGone = async (locator: Locator) => await eventually(async () => await locator.count(), (count) => count === 0);
			await chooseOption(page(), ndv.locator('[data-test-id="parameter-input-fileTypeChannel"]'), 'SMS');
			const smsFields = ['resource', 'operation', 'binaryPropertyName', 'fileName', 'fileTypeChannel', 'smsFileTypes'];
			expect(await parametersShown(ndv, smsFields)).toEqual(smsFields);
			expect(await countOnceGone(ndv.getByText('EMAIL_DEFAULT', { exact: true }))).toBe(0);
			expect(await countOnceGone(ndv.locator('[data-test-id="parameter-issues"]:visible'))).toBe(0);
			// The list now offers SMS's file types; pick one.
			const listbox = await openSelect(page(), ndv.locator('[data-test-id="parameter-input-smsFileTypes"]'));
			await listbox.locator('[role="option"]').first().waitFor();
			const offered = await optionHeadlines(listbox);
			expect(offered.length).toBeGreaterThan(0);
			expect(offered.every((name) => name.startsWith('SMS_'))).toBe(true);
			await listbox.locator('[role="option"]').first().click();
			await page().keyboard.press('Escape');
			expect(await eventually(async () => await pickedText('smsFileTypes'), (text) => text.includes(offered[0]))).toContain(offered[0]);
			await shot('file-types-channel-switched', { clip: ndv.locator('[data-test-id="node-parameters"]') });

			// Back to Email: neither the old Email pick nor the SMS one comes back.
			await chooseOption(page(), ndv.locator('[data-test-id="parameter-input-fileTypeChannel"]'), 'Email');
			const emailFields = ['resource', 'operation', 'binaryPropertyName', 'fileName', 'fileTypeChannel', 'emailFileTypes'];
			expect(await parametersShown(ndv, emailFields)).toEqual(emailFields);
			expect(await pickedText('emailFileTypes')).not.toContain('EMAIL_DEFAULT');
			expect(await countOnceGone(ndv.getByText(offered[0], { exact: true }))).toBe(0);
			await closeNodePanel(page());

			// What is saved (and would run) holds no file type of another channel. n8n also autosaves while the panel is
			// edited, so the save is awaited by its content: neither the workflow as imported (EMAIL_DEFAULT) nor an
			// autosave of the SMS pick meets it.
			await page().keyboard.press('Control+s');
			const saved = await eventually(
				async () => {
					const answer = await session.server.rest<{ nodes: Array<{ name: string; parameters: Record<string, unknown> }> }>('GET', `/workflows/${WF.channel}`);
					return answer.data.nodes.find((node) => node.name === NODES.emailUpload)?.parameters ?? {};
				},
				(parameters) => parameters.fileTypeChannel === 'EMAIL' && !/EMAIL_DEFAULT|SMS_/.test(JSON.stringify(parameters)),
				15_000,
			);
			expect(saved.fileTypeChannel).toBe('EMAIL');
			expect(JSON.stringify(saved)).not.toMatch(/EMAIL_DEFAULT|SMS_/);
		});
	});
});
