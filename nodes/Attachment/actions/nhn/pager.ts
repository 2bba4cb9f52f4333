import type { IDataObject } from 'n8n-workflow';

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

/**
 * Pages through the list with `limit`/`offset` until `limit` kept attachments are found (all when
 * `limit` is undefined) or the list ends. Without a local filter the page asks for no more than needed.
 */
export async function listAttachments(
	fetchPage: FetchPage,
	query: ListQuery,
	limit: number | undefined,
	keep?: (attachment: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const pageSize = limit === undefined || keep ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE);
	const kept: IDataObject[] = [];
	for (let offset = 0; ; offset += pageSize) {
		const page = await fetchPage({ ...query, limit: pageSize, offset });
		const attachments = Array.isArray(page.attachments) ? (page.attachments as IDataObject[]) : [];
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
