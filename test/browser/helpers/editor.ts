/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test tooling: drives Debian's Chromium against a real n8n from jest and rethrows its errors as they are; never published */
// The n8n editor in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; never a downloaded
// browser): a logged-in page, and the few editor gestures the browser tests repeat (open a workflow, open and close
// a node's panel, pick an option of an n8n select, read the panel's credential), with n8n's own data-test-id
// attributes as selectors. Screenshots go to .tmp/screenshots (git-ignored); UPDATE_SCREENSHOTS=1 writes the ones
// docs/screenshots holds for the README, and BROWSER_SCREENSHOT_DIR names any other folder.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { E2E_OWNER, makeTempDir, type RunningN8n } from '../../../tools/n8n-harness';
import { projectRoot } from '../../../tools/n8n-harness/fixtures';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** What the machine's closed network needs: no background connections, no QUIC, no sandbox (we run as root). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

export const VIEWPORT = { width: 1280, height: 800 };

/** The editor sends this as `browser-id`; the session cookie is only valid with the one it was issued for. */
const BROWSER_ID = 'ncp-nhn-browser-test';

export function screenshotDir(): string {
	if (process.env.BROWSER_SCREENSHOT_DIR) return process.env.BROWSER_SCREENSHOT_DIR;
	return join(projectRoot(), process.env.UPDATE_SCREENSHOTS === '1' ? 'docs' : '.tmp', 'screenshots');
}

export interface Editor {
	context: BrowserContext;
	page: Page;
	/** Uncaught page errors seen so far (printed with the timings; not failures by themselves). */
	pageErrors: string[];
	close(): Promise<void>;
}

/**
 * Chromium with a fresh profile under the e2e root, logged in as the instance owner through `POST /rest/login`
 * (the session cookie lands in the context; the page's localStorage gets the same browser id before any script).
 */
export async function openEditor(server: RunningN8n): Promise<Editor> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: run \`source scripts/ensure-chromium.sh\` (Debian's chromium, never a downloaded browser)`);
	}
	const profile = await makeTempDir('chromium-profile');
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: VIEWPORT,
		baseURL: server.baseUrl,
		timeout: 60_000,
	});
	try {
		context.setDefaultTimeout(20_000);
		await context.addInitScript({ content: `window.localStorage.setItem('n8n-browserId', ${JSON.stringify(BROWSER_ID)});` });
		const login = await context.request.post('/rest/login', {
			headers: { 'browser-id': BROWSER_ID },
			data: { emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password },
		});
		if (login.status() !== 200) throw new Error(`login: HTTP ${login.status()} ${await login.text()}`);
		const page = context.pages()[0] ?? (await context.newPage());
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		return { context, page, pageErrors, close: async () => await context.close() };
	} catch (error) {
		await context.close();
		throw error;
	}
}

/** Opens a workflow by id and waits for its canvas (and its nodes, when it has any). */
export async function openWorkflow(page: Page, workflowId: string, withNodes = true): Promise<void> {
	await page.goto(`/workflow/${workflowId}`, { timeout: 60_000 });
	await page.locator(withNodes ? '[data-test-id="canvas-node"]' : '[data-test-id="canvas-wrapper"]').first().waitFor({ timeout: 60_000 });
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** Double-clicks a canvas node and waits for its panel (NDV). */
export async function openNodePanel(page: Page, name: string): Promise<Locator> {
	await canvasNode(page, name).dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.locator('[data-test-id="node-parameters"]').waitFor();
	return ndv;
}

/** Opens a node's panel and shows its output as JSON; returns the output's text once it holds `expected` (or times out). */
export async function nodeOutputJson(page: Page, name: string, expected: string): Promise<string> {
	const ndv = await openNodePanel(page, name);
	const output = ndv.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="radio-button-json"]').click();
	return await eventually(async () => await output.innerText(), (text) => text.includes(expected));
}

export async function closeNodePanel(page: Page): Promise<void> {
	await page.locator('[data-test-id="ndv-close-button"]').click();
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden' });
}

/** Opens an n8n (Element Plus) select and returns its listbox: the one its combobox input controls. */
export async function openSelect(page: Page, container: Locator): Promise<Locator> {
	const input = container.locator('input[role="combobox"]').first();
	const listbox = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
	// The select itself (the input of a multi-select sits under its tags); its caret if that did not open it. A list
	// that is merely slow to show (a busy machine) is not clicked again: that would close it.
	await container.click();
	if (!(await listbox.waitFor({ timeout: 2_000 }).then(() => true, () => false))) {
		if ((await input.getAttribute('aria-expanded')) !== 'true') await container.locator('.el-select__caret').first().click();
		await listbox.waitFor();
	}
	return listbox;
}

/** The option headlines a select offers (it is opened, read and closed again). */
export async function selectOptions(page: Page, container: Locator): Promise<string[]> {
	const listbox = await openSelect(page, container);
	const headlines = await optionHeadlines(listbox);
	await page.keyboard.press('Escape');
	await listbox.waitFor({ state: 'hidden' });
	return headlines;
}

/** The option headlines an open select's listbox shows, trimmed. */
export async function optionHeadlines(listbox: Locator): Promise<string[]> {
	return (await listbox.locator('[role="option"] .option-headline').allInnerTexts()).map((text) => text.trim());
}

/** The option whose headline is exactly `name` (an option's accessible name includes its description). */
export function option(listbox: Locator, name: string): Locator {
	const exactly = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
	return listbox.locator('[role="option"]').filter({ has: listbox.page().locator('.option-headline', { hasText: exactly }) });
}

/** Picks the option with exactly this name in an n8n select. */
export async function chooseOption(page: Page, container: Locator, name: string): Promise<void> {
	const listbox = await openSelect(page, container);
	await option(listbox, name).click();
	await listbox.waitFor({ state: 'hidden' });
}

/** The credential shown in a node panel's Credential select. */
export async function panelCredential(ndv: Locator): Promise<string> {
	return await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue();
}

/** Picks a stored credential (by id) in a node panel. */
export async function chooseCredential(page: Page, ndv: Locator, credentialId: string): Promise<void> {
	await ndv.locator('[data-test-id="node-credentials-select"] input').click();
	await page.locator(`[data-test-id="node-credentials-select-item-${credentialId}"]`).click();
}

/** The stored credentials a node panel's credential list offers, as "name (type)". */
export async function credentialChoices(page: Page, ndv: Locator): Promise<string[]> {
	await ndv.locator('[data-test-id="node-credentials-select"] input').click();
	const items = page.locator('[data-test-id^="node-credentials-select-item-"]:visible');
	await items.first().waitFor();
	const lines = (await items.allInnerTexts()).map((text) => text.split('\n').map((line) => line.trim()).filter(Boolean));
	await page.keyboard.press('Escape');
	return lines.filter((line) => line[0] !== 'Create new credential').map(([name, type]) => `${name} (${type})`);
}

/** The names of the parameters a panel shows (its visible `parameter-input-<name>` fields). */
export async function visibleParameters(ndv: Locator): Promise<string[]> {
	const ids = await ndv
		.locator('[data-test-id="node-parameters"] [data-test-id^="parameter-input-"]:visible')
		.evaluateAll((elements) => elements.map((element) => String(element.getAttribute('data-test-id'))));
	return [...new Set(ids.map((id) => id.replace('parameter-input-', '')))].filter((name) => !['field', 'item'].includes(name));
}

/** The panel's parameters once they are `expected` (the editor re-renders after a pick), or the last read. */
export async function parametersShown(ndv: Locator, expected: string[]): Promise<string[]> {
	return await eventually(async () => await visibleParameters(ndv), (names) => JSON.stringify(names) === JSON.stringify(expected));
}

/** The labels a panel shows, first line of each (collections such as Options have a label but no input). */
export async function visibleLabels(ndv: Locator): Promise<string[]> {
	const labels = await ndv.locator('[data-test-id="node-parameters"] [data-test-id="parameter-item"]:visible').allInnerTexts();
	return labels.map((label) => label.split('\n')[0].trim());
}

export interface ShotOptions {
	/** Only this element (its bounding box), for a smaller file. */
	clip?: Locator;
}

/** `docs/screenshots/<name>.png`; returns its size in bytes. */
export async function screenshot(page: Page, name: string, options: ShotOptions = {}): Promise<number> {
	const dir = screenshotDir();
	await mkdir(dir, { recursive: true });
	const path = join(dir, `${name}.png`);
	const bytes = options.clip ? await options.clip.screenshot({ path, animations: 'disabled' }) : await page.screenshot({ path, animations: 'disabled' });
	return bytes.length;
}

/** On a failed case: a screenshot and the DOM under the e2e root (kept with KEEP_E2E=1), for a post-mortem. */
export async function saveFailure(page: Page, name: string): Promise<string> {
	const dir = await makeTempDir(`browser-failure-${name.replace(/\W+/g, '-').slice(0, 40)}`);
	await page.screenshot({ path: join(dir, 'page.png') }).catch(() => undefined);
	await writeFile(join(dir, 'page.html'), await page.content().catch(() => '')).catch(() => undefined);
	return dir;
}

/** Reads `read()` until `ok` holds or `timeoutMs` passes; returns the last value read (for the caller's expect). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (ok(value) || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
