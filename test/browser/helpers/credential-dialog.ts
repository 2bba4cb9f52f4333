// The credential dialog (Settings > Credentials > Create credential): opening it for a credential type, its
// fields, Save (which stores and then tests the credential) with the checks every Save makes, and closing it.
import type { Locator, Page } from 'playwright-core';

import { requestLine, type BrowserSession } from './session';

/** Mistyped values for the secret fields of the credential dialog. */
export const MISTYPED = { ncp: 'mistyped-ncp-value-browser', nhn: 'mistyped-nhn-value-browser' };

/** Opens the credential list (unless it is shown) and a new credential of this type; returns its modal. */
export async function createCredential(page: Page, typeName: string): Promise<Locator> {
	if (!page.url().includes('/home/credentials')) {
		await page.goto('/home/credentials', { timeout: 60_000 });
	}
	await page.locator('[data-test-id="add-resource-credential"]').click();
	const chooser = page.locator('[data-test-id="selectCredential-modal"]');
	await chooser.locator('[data-test-id="new-credential-type-select"] input').fill(typeName);
	await page.locator('[data-test-id="new-credential-type-select-option"]:visible', { hasText: typeName }).click();
	await chooser.locator('[data-test-id="new-credential-type-button"]').click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.locator('[data-test-id="credential-save-button"]').waitFor();
	return modal;
}

export const credentialField = (modal: Locator, name: string) => modal.locator(`[data-test-id="parameter-input-${name}"]`);

/** Types `value` into the text field `name` of the dialog. */
export async function fillField(modal: Locator, name: string, value: string): Promise<void> {
	await credentialField(modal, name).locator('input').fill(value);
}

export async function closeModal(page: Page, modal: Locator): Promise<void> {
	await page.keyboard.press('Escape');
	await modal.waitFor({ state: 'hidden' });
}

/**
 * Clicks the credential modal's Save: the editor stores the credential, then tests it (`POST /rest/credentials/test`).
 * Returns what the modal then shows: the success banner, or the danger banner with its details opened.
 */
export async function saveAndReadTest(page: Page, modal: Locator): Promise<{ status: 'OK' | 'Error'; text: string }> {
	const tested = page.waitForResponse(
		(res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/rest/credentials/test',
		{ timeout: 30_000 },
	);
	await modal.locator('[data-test-id="credential-save-button"]').click();
	const answer = (await (await tested).json()) as { data?: { status?: string } };
	const success = modal.locator('[data-test-id="credentials-config-container-test-success"]');
	const failure = modal.locator('.el-tag--danger:visible', { hasText: 'Couldn’t connect with these settings' });
	if (answer.data?.status === 'OK') {
		await success.waitFor();
		return { status: 'OK', text: (await success.innerText()).trim() };
	}
	await failure.waitFor();
	const more = failure.getByText('More details');
	if (await more.isVisible()) await more.click();
	await failure.getByText('More details').waitFor({ state: 'hidden' });
	return { status: 'Error', text: (await failure.innerText()).trim() };
}

/** Save with good values: the test must succeed; returns the emulator's requests it made, as lines. */
export async function saveExpectingSuccess(session: BrowserSession, modal: Locator, shotName: string): Promise<string[]> {
	const from = await session.requestCount();
	const good = await saveAndReadTest(session.page, modal);
	expect(good).toEqual({ status: 'OK', text: expect.stringContaining('Connection tested successfully') });
	await session.shot(shotName);
	return (await session.requestsSince(from)).map(requestLine);
}

/** A secret field mistyped, then Save: the test must fail with `message`; returns the requests it made, as lines. */
export async function saveWithMistypedSecret(
	session: BrowserSession,
	modal: Locator,
	secret: { field: string; value: string; message: string; shotName: string },
): Promise<string[]> {
	await fillField(modal, secret.field, secret.value);
	const from = await session.requestCount();
	const bad = await saveAndReadTest(session.page, modal);
	expect(bad.status).toBe('Error');
	expect(bad.text).toContain(secret.message);
	await session.shot(secret.shotName);
	return (await session.requestsSince(from)).map(requestLine);
}
