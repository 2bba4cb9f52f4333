import type { IDataObject } from 'n8n-workflow';

import { runBounded } from '../../helpers/concurrency';

export const MAX_PAGE_SIZE = 1000;

export interface ListQuery extends IDataObject {
	messageChannel?: string;
	fileType?: string;
	fileName?: string;
}

export type FetchPage = (qs: IDataObject) => Promise<IDataObject>;

/** Whether an `expireDateTime` (such as `2024-10-29T06:00:01.000+09:00`) falls within the window from now. */
export function expiresWithin(expireDateTime: unknown, nowMs: number, windowMs: number): boolean {
	const expiresAt = typeof expireDateTime === 'string' ? Date.parse(expireDateTime) : NaN;
	return Number.isFinite(expiresAt) && expiresAt <= nowMs + windowMs;
}

function attachmentsOf(page: IDataObject): IDataObject[] {
	return Array.isArray(page.attachments) ? (page.attachments as IDataObject[]) : [];
}

/**
 * All attachments: the first page gives `totalCount`, then every remaining page (1000 each) is fetched at
 * once within `concurrency`, and the pages are joined in offset order. No page is fetched twice.
 */
async function listAll(fetchPage: FetchPage, query: ListQuery, concurrency: number): Promise<IDataObject[]> {
	const first = await fetchPage({ ...query, limit: MAX_PAGE_SIZE, offset: 0 });
	const total = Number(first.totalCount);
	if (!Number.isFinite(total)) return await listUntil(fetchPage, query, undefined, undefined, first);
	const offsets: number[] = [];
	for (let offset = MAX_PAGE_SIZE; offset < total; offset += MAX_PAGE_SIZE) offsets.push(offset);
	const pages: IDataObject[][] = [attachmentsOf(first)];
	await runBounded(offsets.length, concurrency, async (index) => {
		pages[index + 1] = attachmentsOf(await fetchPage({ ...query, limit: MAX_PAGE_SIZE, offset: offsets[index] }));
	});
	return pages.flat();
}

/** Pages one after the other until `limit` kept attachments are found (all when undefined) or the list ends. */
async function listUntil(
	fetchPage: FetchPage,
	query: ListQuery,
	limit: number | undefined,
	keep: ((attachment: IDataObject) => boolean) | undefined,
	firstPage?: IDataObject,
): Promise<IDataObject[]> {
	const pageSize = limit === undefined || keep ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE);
	const kept: IDataObject[] = [];
	for (let offset = 0; ; offset += pageSize) {
		const page = offset === 0 && firstPage ? firstPage : await fetchPage({ ...query, limit: pageSize, offset });
		const attachments = attachmentsOf(page);
		for (const attachment of attachments) {
			if (keep && !keep(attachment)) continue;
			kept.push(attachment);
			if (limit !== undefined && kept.length >= limit) return kept;
		}
		const total = Number(page.totalCount);
		const reachedEnd = Number.isFinite(total) ? offset + pageSize >= total : attachments.length < pageSize;
		if (reachedEnd || attachments.length === 0) return kept;
	}
}

/**
 * Lists attachments: all of them (`limit` undefined, pages fetched in parallel), or until `limit` of them pass
 * the local `keep` filter. Without a filter a limited list asks for no more than it needs.
 */
export async function listAttachments(
	fetchPage: FetchPage,
	query: ListQuery,
	limit: number | undefined,
	keep?: (attachment: IDataObject) => boolean,
	concurrency = 1,
): Promise<IDataObject[]> {
	if (limit === undefined) {
		const all = await listAll(fetchPage, query, concurrency);
		return keep ? all.filter(keep) : all;
	}
	return await listUntil(fetchPage, query, limit, keep);
}
