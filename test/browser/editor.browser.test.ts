/* eslint-disable no-console -- test tooling: a browser case prints the actions the node creator listed; never published */
// The node in the n8n editor, in a real browser: headless Debian Chromium (playwright-core) against a real n8n 2.41.1
// with the package installed from its packed tarball, as a user installs it, and the emulator behind both
// credentials. One user folder, one emulator, one n8n server and one browser page for the whole file, cases in
// sequence; the emulator is reset before each case. Every case saves a screenshot into docs/screenshots.
// Needs: npm run build (dist/), scripts/ensure-n8n.sh and scripts/ensure-chromium.sh.
import { CREDENTIAL_IDS } from '../../tools/n8n-harness/fixtures';
import { DEMO_KEYS } from '../../tools/emulator/server';
import { fileTypesParameterName } from '../../nodes/Attachment/actions/nhn/file-types';
import { NODE_TYPE } from '../e2e/helpers/workflows';
import { WF } from './helpers/browser-workflows';
import {
	closeModal,
	createCredential,
	credentialField,
	fillField,
	MISTYPED,
	saveExpectingSuccess,
	saveWithMistypedSecret,
} from './helpers/credential-dialog';
import {
	canvasNode,
	chooseCredential,
	chooseOption,
	closeNodePanel,
	credentialChoices,
	eventually,
	nodeOutputJson,
	openNodePanel,
	openSelect,
	option,
	optionHeadlines,
	openWorkflow,
	panelCredential,
	selectOptions,
	visibleLabels,
	parametersShown,
} from './helpers/editor';
import { ACTIONS, CREDENTIAL_NAMES, NODE_NAME, OPERATIONS, PROVIDER_LABELS, SEND_EMAIL_NODE_NAME } from './helpers/expected-node';
import { creatorItem, creatorNames, openNodeCreator, showNodeActions } from './helpers/node-creator';
import { PANELS } from './helpers/panels';
import { BrowserSession, requestLine as line } from './helpers/session';
import { budgetForCommands, E2E_TEST_MS } from '../e2e/helpers/budgets';

jest.setTimeout(E2E_TEST_MS);

describe('the Attachment node in the n8n editor, in headless Chromium', () => {
	const session = new BrowserSession();
	const { shot, step, requestsSince, requestCount } = session;
	const page = () => session.page;
	const emulator = () => session.suite.emulator;

	beforeAll(async () => await session.setUp(), budgetForCommands(4));
	beforeEach(async () => await emulator().reset());
	afterAll(async () => await session.tearDown());

	it('the node creator finds the node by "NHN", "NCP", "NAVER" and "attachment"', async () => {
		await step('node creator search: NHN, NCP, NAVER, attachment', async () => {
			await openWorkflow(page(), WF.creator);
			const creator = await openNodeCreator(page());
			await creator.waitFor();
			for (const query of ['NHN', 'NCP', 'NAVER', 'attachment']) {
				await creator.locator('[data-test-id="node-creator-search-bar"]').fill(query);
				const item = creatorItem(creator);
				await item.waitFor();
				expect(await item.locator('[data-test-id="node-creator-item-description"]').innerText()).toContain(
					'NAVER Cloud Outbound Mailer and NHN Cloud Notification Hub',
				);
				expect(await creatorNames(creator)).toContain(NODE_NAME);
				await shot(`node-creator-search-${query.toLowerCase()}`, { clip: creator });
			}
			await page().keyboard.press('Escape');
			await creator.waitFor({ state: 'hidden' });
		});
	});

	it('adds the node from an action with its provider and credential; its panel switches provider and operation', async () => {
		await step('add to a workflow, switch provider and operation', async () => {
			const creator = await openNodeCreator(page());
			await showNodeActions(creator);
			await creator.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Upload files' }).click();

			// The node is added, named after the action as n8n names resource/operation nodes, and its panel opens.
			const ndv = page().locator('[data-test-id="ndv"]');
			await ndv.locator('[data-test-id="node-parameters"]').waitFor();
			expect(await ndv.locator('[data-test-id="node-title-container"]').innerText()).toContain('Upload files');
			const operation = ndv.locator('[data-test-id="parameter-input-operation"]');
			const provider = ndv.locator('[data-test-id="parameter-input-resource"]');

			// "Upload files" is an NCP action: the node comes up on NCP, with the NCP credential preselected.
			expect(await provider.locator('input').inputValue()).toBe(PROVIDER_LABELS.ncp);
			expect(await eventually(async () => await panelCredential(ndv), (c) => c === CREDENTIAL_NAMES.ncp)).toBe(CREDENTIAL_NAMES.ncp);
			expect(await operation.locator('input').inputValue()).toBe('Upload');
			expect(await selectOptions(page(), operation)).toEqual(OPERATIONS.ncp);
			await chooseOption(page(), operation, 'Get');
			const getFields = ['resource', 'operation', 'tempRequestId'];
			expect(await parametersShown(ndv, getFields)).toEqual(getFields);

			// Provider is the first parameter; choosing the other one brings that provider's operations, and the
			// credential list then offers that provider's credentials only (n8n leaves the pick to the user).
			await chooseOption(page(), provider, PROVIDER_LABELS.nhn);
			const nhnChoices = [`${CREDENTIAL_NAMES.nhn} (NHN Cloud Notification Hub API)`];
			// Read again until the panel has re-rendered for the new provider.
			expect(await eventually(async () => await credentialChoices(page(), ndv), (choices) => JSON.stringify(choices) === JSON.stringify(nhnChoices))).toEqual(nhnChoices);
			await chooseCredential(page(), ndv, CREDENTIAL_IDS.nhn);
			expect(await eventually(async () => await panelCredential(ndv), (c) => c === CREDENTIAL_NAMES.nhn)).toBe(CREDENTIAL_NAMES.nhn);
			expect(await selectOptions(page(), operation)).toEqual(OPERATIONS.nhn);
			await chooseOption(page(), operation, 'List File Types');
			const listFileTypesFields = ['resource', 'operation', 'messageChannel'];
			expect(await parametersShown(ndv, listFileTypesFields)).toEqual(listFileTypesFields);
			await chooseOption(page(), operation, 'Upload');
			const uploadFields = ['resource', 'operation', 'binaryPropertyName', 'fileName', 'fileTypeChannel', 'fileTypes'];
			expect(await parametersShown(ndv, uploadFields)).toEqual(uploadFields);
			expect(await ndv.locator('[data-test-id="parameter-issues"]:visible').count()).toBe(0);
			await shot('add-node-panel');

			await closeNodePanel(page());
			// n8n renames a node named after its action when the operation changes: find it by its type.
			await expect(page().locator(`[data-test-id="canvas-node"][data-node-type="${NODE_TYPE}"]`).count()).resolves.toBe(1);
			await shot('add-node-canvas');
			// Saved with the workflow (autosave, or Ctrl+S).
			await page().keyboard.press('Control+s');
			const savedNode = await eventually(
				async () => {
					const saved = await session.server.rest<{ nodes: Array<{ name: string; type: string; credentials?: Record<string, { id: string }> }> }>('GET', `/workflows/${WF.creator}`);
					return saved.data.nodes.find((node) => node.type === NODE_TYPE);
				},
				// An autosave from before the credential pick also holds the node: wait for the one with the pick.
				(node) => node?.credentials?.nhnCloudNotificationHubApi?.id === CREDENTIAL_IDS.nhn,
				15_000,
			);
			expect(savedNode).toMatchObject({ credentials: { nhnCloudNotificationHubApi: { id: CREDENTIAL_IDS.nhn } } });
		});
	});

	// n8n builds the node creator's actions per `resource` and `operation`: the provider is the node's `resource`, so
	// each action sets both and adds a node of its own provider (found by this test when the parameter was `provider`).
	it('the node creator lists the actions of both providers, and an action adds the node with its operation', async () => {
		await step('node creator actions', async () => {
			const creator = await openNodeCreator(page());
			await showNodeActions(creator);
			const action = creator.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Get temporary files' });
			await action.waitFor();
			// The list is headed by the node itself; the rest are its actions, and the package's Send Email node.
			const names = await creatorNames(creator);
			expect(names).toContain(SEND_EMAIL_NODE_NAME);
			const actions = names.filter((name) => name !== NODE_NAME && name !== SEND_EMAIL_NODE_NAME);
			await shot('node-creator-actions', { clip: creator });
			await action.click();
			const ndv = page().locator('[data-test-id="ndv"]');
			await ndv.locator('[data-test-id="node-parameters"]').waitFor();
			const added = {
				provider: await ndv.locator('[data-test-id="parameter-input-resource"] input').inputValue(),
				credential: await eventually(async () => await panelCredential(ndv), (c) => c !== ''),
				operation: await ndv.locator('[data-test-id="parameter-input-operation"] input').inputValue(),
			};
			await closeNodePanel(page());
			console.log(`node creator actions: ${JSON.stringify(actions)}; "Get temporary files" added: ${JSON.stringify(added)}`);
			expect([...actions].sort()).toEqual([...ACTIONS].sort());
			// An NCP action: the node comes up on NCP's Get with the NCP credential, though the NHN one is saved too.
			expect(added).toEqual({ provider: PROVIDER_LABELS.ncp, credential: CREDENTIAL_NAMES.ncp, operation: 'Get' });
		});
	});

	it('the panel of every operation of both providers renders its fields with no issue', async () => {
		await step(`parameter panels: ${PANELS.length} operations`, async () => {
			await openWorkflow(page(), WF.panels);
			for (const panel of PANELS) {
				// Panels with a File Types list load it from the emulator when they open.
				const optionsLoaded = panel.fileTypes
					? page().waitForResponse((res) => res.url().includes('/rest/dynamic-node-parameters/options'))
					: undefined;
				// The canvas marks a node with issues (a required field empty, no credential): none here.
				expect({ node: panel.name, canvasIssues: await canvasNode(page(), panel.name).locator('[data-test-id="node-issues"]').count() }).toEqual({ node: panel.name, canvasIssues: 0 });
				const ndv = await openNodePanel(page(), panel.name);
				if (optionsLoaded) expect((await optionsLoaded).status()).toBe(200);
				expect(await eventually(async () => await panelCredential(ndv), (c) => c === CREDENTIAL_NAMES[panel.resource])).toBe(CREDENTIAL_NAMES[panel.resource]);
				expect(await ndv.locator('[data-test-id="parameter-input-operation"] input').inputValue()).toBe(panel.label);
				expect({ node: panel.name, fields: await parametersShown(ndv, panel.fields) }).toEqual({ node: panel.name, fields: panel.fields });
				expect(await visibleLabels(ndv)).toContain(panel.collection);
				if (panel.fileTypes) {
					const chosen = ndv.locator(`[data-test-id="parameter-input-${fileTypesParameterName(String(panel.parameters.fileTypeChannel ?? ''))}"]`);
					for (const fileType of panel.fileTypes) await chosen.getByText(fileType, { exact: true }).waitFor();
				}
				// No issue on any field (a failed option list shows as one too), and no error toast.
				expect({ node: panel.name, issues: await ndv.locator('[data-test-id="parameter-issues"]:visible').count() }).toEqual({ node: panel.name, issues: 0 });
				expect(await page().locator('.el-notification--error:visible').count()).toBe(0);
				await shot(`panel-${panel.resource}-${panel.operation}`, { clip: ndv.locator('[data-test-id="node-parameters"]') });
				await closeNodePanel(page());
			}
			// Only the file-type lists asked the emulator anything, and every answer it gave them was good.
			const asked = (await emulator().state()).requests.filter((r) => r.service === 'nhn' && r.status !== 401);
			expect(asked.length).toBeGreaterThan(0);
			expect(asked.map(line).filter((l) => !l.startsWith('GET /nhn/attachment/v1.0/attachments/file-types') || !l.endsWith(' 200'))).toEqual([]);
		});
	});

	it('the File Types list of an NHN Upload loads its options from the emulator', async () => {
		await step('File Types options loaded from the emulator', async () => {
			const from = await requestCount();
			const ndv = await openNodePanel(page(), 'NHN upload');
			// Its channel is Email: the Email list.
			const listbox = await openSelect(page(), ndv.locator('[data-test-id="parameter-input-emailFileTypes"]'));
			await option(listbox, 'EMAIL_TEMPLATE').waitFor();
			expect(await optionHeadlines(listbox)).toEqual(['EMAIL_DEFAULT', 'EMAIL_TEMPLATE']);
			await shot('file-types-options');
			await page().keyboard.press('Escape');

			// The list came from the emulator, for the Email channel (a first 401 is the token an earlier case stored,
			// renewed after the emulator's reset).
			const seen = (await requestsSince(from)).filter((r) => r.service === 'nhn');
			expect(seen.filter((r) => r.status !== 401).map(line)).toContain('GET /nhn/attachment/v1.0/attachments/file-types?messageChannel=EMAIL 200');
			await closeNodePanel(page());

			// The control for the "no issue" checks of the panels: when the list cannot be loaded, the field shows one.
			await emulator().admin('POST', '/faults', {
				match: { service: 'nhn', method: 'GET', pathPrefix: '/nhn/attachment/v1.0/attachments/file-types' },
				count: 10,
				fault: { type: 'status', status: 400, body: { header: { isSuccessful: false, resultCode: 400000, resultMessage: 'Emulated failure' } } },
			});
			const failed = page().waitForResponse((res) => res.url().includes('/rest/dynamic-node-parameters/options'));
			const broken = await openNodePanel(page(), 'NHN upload');
			await failed;
			await broken.locator('[data-test-id="parameter-input-emailFileTypes"]').waitFor();
			const issues = broken.locator('[data-test-id="parameter-issues"]:visible');
			expect(await eventually(async () => await issues.count(), (n) => n > 0)).toBeGreaterThan(0);
			await shot('file-types-load-error', { clip: broken.locator('[data-test-id="node-parameters"]') });
			await emulator().admin('DELETE', '/faults');
			await closeNodePanel(page());
		});
	});

	describe('the credential dialog (Settings > Credentials > Create credential): Save tests the credential', () => {
		it('NAVER Cloud Outbound Mailer API: success with good keys, failure with a wrong secret key', async () => {
			await step('credential dialog: NCP good and wrong secret', async () => {
				const modal = await createCredential(page(), 'NAVER Cloud Outbound Mailer API');
				await fillField(modal, 'accessKeyId', DEMO_KEYS.ncp.accessKeyId);
				await fillField(modal, 'secretKey', DEMO_KEYS.ncp.secretKey);
				await chooseOption(page(), credentialField(modal, 'site'), 'Custom Base URL');
				await fillField(modal, 'customBaseUrl', emulator().emulator.ncpBaseUrl);

				// Signed correctly: the lookup of a file that cannot exist answers 400, which the test counts as success.
				expect(await saveExpectingSuccess(session, modal, 'credential-ncp-success')).toEqual(['GET /ncp/api/v1/files/n8n-credential-test 400']);

				const refused = await saveWithMistypedSecret(session, modal, {
					field: 'secretKey',
					value: MISTYPED.ncp,
					message: 'NAVER Cloud rejected the signature',
					shotName: 'credential-ncp-failure',
				});
				expect(refused.length).toBeGreaterThan(0);
				expect(refused.every((l) => l === 'GET /ncp/api/v1/files/n8n-credential-test 401')).toBe(true);
				await closeModal(page(), modal);
			});
		});

		it('NHN Cloud Notification Hub API: success with good keys, failure with a wrong secret access key', async () => {
			await step('credential dialog: NHN good and wrong secret', async () => {
				const modal = await createCredential(page(), 'NHN Cloud Notification Hub API');
				await fillField(modal, 'appKey', DEMO_KEYS.nhn.appKey);
				await fillField(modal, 'userAccessKeyId', DEMO_KEYS.nhn.userAccessKeyId);
				await fillField(modal, 'secretAccessKey', DEMO_KEYS.nhn.secretAccessKey);
				await chooseOption(page(), credentialField(modal, 'oauthServer'), 'Custom URL');
				await fillField(modal, 'customTokenUrl', emulator().emulator.nhnTokenUrl);
				await chooseOption(page(), credentialField(modal, 'apiBase'), 'Custom URL');
				await fillField(modal, 'customApiBaseUrl', emulator().emulator.nhnApiBaseUrl);

				// Save stores the new credential, then the editor tests it by its id (unsaved NHN values cannot be tested).
				const answered = await saveExpectingSuccess(session, modal, 'credential-nhn-success');
				expect(answered).toContain('POST /nhn-oauth/oauth2/token/create 200');
				expect(answered[answered.length - 1]).toBe('GET /nhn/attachment/v1.0/attachments/file-types 200');

				const refused = await saveWithMistypedSecret(session, modal, {
					field: 'secretAccessKey',
					value: MISTYPED.nhn,
					message: 'NHN Cloud token endpoint (HTTP 401',
					shotName: 'credential-nhn-failure',
				});
				expect(refused).toContain('POST /nhn-oauth/oauth2/token/create 401');
				expect(refused).not.toContain('GET /nhn/attachment/v1.0/attachments/file-types 200');
				await closeModal(page(), modal);
			});
		});
	});

	it('Example 1 run from the editor: the output panels show the NHN attachmentId and the NCP fileId', async () => {
		await step('Example 1: Execute workflow, outputs in the panels', async () => {
			await openWorkflow(page(), session.exampleId);
			await page().locator('[data-test-id="execute-workflow-button"]').click();
			for (const name of ['Upload to NCP', 'Upload to NHN Cloud']) {
				await canvasNode(page(), name).locator('[data-test-id="canvas-node-status-success"]').waitFor({ timeout: 60_000 });
			}
			await shot('run-example-1-canvas');
			const emu = await emulator().state();
			expect(emu.nhn.attachments).toHaveLength(1);
			expect(emu.ncp.files).toHaveLength(1);
			const [{ attachmentId }] = emu.nhn.attachments;
			const [{ fileId, tempRequestId }] = emu.ncp.files;

			const nhnText = await nodeOutputJson(page(), 'Upload to NHN Cloud', attachmentId);
			expect(nhnText).toContain(attachmentId);
			expect(nhnText).toMatch(/"attachmentId":\s*"/);
			expect(nhnText).toContain('invoice.pdf');
			await shot('run-nhn-upload-output');
			await closeNodePanel(page());

			const ncpText = await nodeOutputJson(page(), 'Upload to NCP', fileId);
			expect(ncpText).toContain(fileId);
			expect(ncpText).toMatch(/"fileIds":\s*\[\s*"/);
			expect(ncpText).toContain(tempRequestId);
			await shot('run-ncp-upload-output');
			await closeNodePanel(page());
		});
	});
});
