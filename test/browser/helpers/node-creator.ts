// The node creator (the canvas's + button): opening it, and the node's own entry in its list.
import type { Locator, Page } from 'playwright-core';

import { NODE_TYPE } from '../../e2e/helpers/workflows';

/** The node's entry in the node creator's list (n8n names it by node type for keyboard navigation). */
export const creatorItem = (creator: Locator) => creator.locator(`[data-test-id="item-iterator-item"][data-keyboard-nav-id^="${NODE_TYPE}"]`);

/** Clicks the canvas's + button; returns the node creator. */
export async function openNodeCreator(page: Page): Promise<Locator> {
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	return page.locator('[data-test-id="node-creator"]');
}

/** Searches the node creator for "attachment" and clicks the node: its actions are listed. */
export async function showNodeActions(creator: Locator): Promise<void> {
	await creator.locator('[data-test-id="node-creator-search-bar"]').fill('attachment');
	await creatorItem(creator).click();
}

/** The name items the node creator lists, trimmed. */
export async function creatorNames(creator: Locator): Promise<string[]> {
	return (await creator.locator('[data-test-id="node-creator-item-name"]').allInnerTexts()).map((n) => n.trim());
}
