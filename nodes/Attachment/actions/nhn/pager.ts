import type { IDataObject } from 'n8n-workflow';

import { runBounded } from '../../helpers/concurrency';

export const MAX_PAGE_SIZE = 1000;

/**
 * The most attachments one List fetches (100 pages of 1,000). Attachments live 7 days, so this is far more than one
 * app key holds in practice; a list that claims more, or that keeps sending full pages past it, fails clearly
 * instead of growing without end.
 */
export const MAX_LISTED_ATTACHMENTS = 100_000;

export interface ListQuery extends IDataObject {
	messageChannel?: string;
	fileType?: string;
	fileName?: string;
}

export type FetchPage = (qs: IDataObject) => Promise<IDataObject>;

/** Raised when the list is longer than MAX_LISTED_ATTACHMENTS, by its own `totalCount` or by what it sent. */
export class ListTooLongError extends Error {
	constructor(readonly claimed: number | undefined) {
		super(
			claimed === undefined
				? `The service kept sending full pages past ${MAX_LISTED_ATTACHMENTS.toLocaleString('en-US')} attachments, the most one List fetches`
				: `The service reports ${claimed.toLocaleString('en-US')} attachments, more than the ${MAX_LISTED_ATTACHMENTS.toLocaleString('en-US')} one List fetches`,
		);
		this.name = 'ListTooLongError';
	}
}

/** Ends a list that is too long: throws the error, or the caller's own error built from it. */
export type TooLong = (error: ListTooLongError) => never;

const throwIt: TooLong = (error) => {
	throw error;
};

/** Whether an `expireDateTime` (such as `2024-10-29T06:00:01.000+09:00`) falls within the window from now. */
export function expiresWithin(expireDateTime: unknown, nowMs: number, windowMs: number): boolean {
	const expiresAt = typeof expireDateTime === 'string' ? Date.parse(expireDateTime) : NaN;
	return Number.isFinite(expiresAt) && expiresAt <= nowMs + windowMs;
}

/** A page's attachments, never more than were asked for: what a page claims does not decide what is held. */
function attachmentsOf(page: IDataObject, pageSize: number): IDataObject[] {
	return Array.isArray(page.attachments) ? (page.attachments as IDataObject[]).slice(0, pageSize) : [];
}

/** The `totalCount` of a page when it is a usable count, else undefined (missing, negative, not a number). */
function totalOf(page: IDataObject): number | undefined {
	const total = Number(page.totalCount);
	return page.totalCount !== undefined && page.totalCount !== null && Number.isFinite(total) && total >= 0 ? total : undefined;
}

/**
 * All attachments: the first page gives `totalCount`, then the remaining pages (1000 each) are fetched within
 * `concurrency`, and joined in offset order. A short or empty page ends the list whatever `totalCount` said;
 * past a full first page, a count over MAX_LISTED_ATTACHMENTS fails before page 2. Without a usable count, pages follow one by one.
 */
async function listAll(fetchPage: FetchPage, query: ListQuery, concurrency: number, tooLong: TooLong): Promise<IDataObject[]> {
	const first = await fetchPage({ ...query, limit: MAX_PAGE_SIZE, offset: 0 });
	const total = totalOf(first);
	if (total === undefined) return await listUntil(fetchPage, query, undefined, undefined, tooLong, first);
	const pages: IDataObject[][] = [attachmentsOf(first, MAX_PAGE_SIZE)];
	if (pages[0].length < MAX_PAGE_SIZE) return pages[0];
	if (total > MAX_LISTED_ATTACHMENTS) tooLong(new ListTooLongError(total));
	// The last page to keep: the one `totalCount` allows, or an earlier one that comes back short or empty.
	let lastPage = Math.max(0, Math.ceil(total / MAX_PAGE_SIZE) - 1);
	let endedEarly = false;
	await runBounded(
		lastPage,
		concurrency,
		async (index) => {
			const page = index + 1;
			const attachments = attachmentsOf(await fetchPage({ ...query, limit: MAX_PAGE_SIZE, offset: page * MAX_PAGE_SIZE }), MAX_PAGE_SIZE);
			if (page > lastPage) return;
			pages[page] = attachments;
			if (attachments.length < MAX_PAGE_SIZE && page < lastPage) {
				lastPage = page;
				endedEarly = true;
			}
		},
		() => endedEarly,
	);
	// Full pages past what `totalCount` said are not believed either: the list holds at most `totalCount`.
	return pages.slice(0, lastPage + 1).flat().slice(0, total);
}

/** Pages one after the other until `limit` kept attachments are found (all when undefined) or the list ends. */
async function listUntil(
	fetchPage: FetchPage,
	query: ListQuery,
	limit: number | undefined,
	keep: ((attachment: IDataObject) => boolean) | undefined,
	tooLong: TooLong,
	firstPage?: IDataObject,
): Promise<IDataObject[]> {
	const pageSize = limit === undefined || keep ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE);
	const kept: IDataObject[] = [];
	for (let offset = 0; ; offset += pageSize) {
		if (offset >= MAX_LISTED_ATTACHMENTS) tooLong(new ListTooLongError(undefined));
		const page = offset === 0 && firstPage ? firstPage : await fetchPage({ ...query, limit: pageSize, offset });
		const attachments = attachmentsOf(page, pageSize);
		for (const attachment of attachments) {
			if (keep && !keep(attachment)) continue;
			kept.push(attachment);
			if (limit !== undefined && kept.length >= limit) return kept;
		}
		const total = totalOf(page);
		if (attachments.length < pageSize || (total !== undefined && offset + pageSize >= total)) return kept;
	}
}

/**
 * Lists attachments: all of them (`limit` undefined, pages fetched in parallel), or until `limit` of them pass
 * the local `keep` filter. Without a filter a limited list asks for no more than it needs. Either way the list
 * ends on a short or empty page, and never holds more than MAX_LISTED_ATTACHMENTS.
 */
export async function listAttachments(
	fetchPage: FetchPage,
	query: ListQuery,
	limit: number | undefined,
	keep?: (attachment: IDataObject) => boolean,
	concurrency = 1,
	tooLong: TooLong = throwIt,
): Promise<IDataObject[]> {
	if (limit === undefined) {
		const all = await listAll(fetchPage, query, concurrency, tooLong);
		return keep ? all.filter(keep) : all;
	}
	return await listUntil(fetchPage, query, limit, keep, tooLong);
}
