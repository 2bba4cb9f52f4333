/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: real servers on 127.0.0.1; runs in jest, never published */
/** A list endpoint that lies: it reports `totalCount` as told and serves `available` attachments (endless if Infinity). */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { json, type Handler } from './servers';
import { withTokenEndpoint } from './operations';

export interface ListLie {
	/** What every page reports; undefined leaves the field out. */
	totalCount?: number;
	/** How many attachments really exist (Infinity: every page is full, forever). */
	available: number;
}

const attachment = (index: number) => ({
	attachmentId: `att-${index}`,
	fileName: `file-${index}.pdf`,
	expireDateTime: '2099-01-01T00:00:00.000+09:00',
});

export function listHandler(lie: ListLie): Handler {
	return withTokenEndpoint((req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://list.invalid');
		const offset = Number(url.searchParams.get('offset') ?? 0);
		const limit = Number(url.searchParams.get('limit') ?? 50);
		const count = Math.max(0, Math.min(limit, lie.available - offset));
		const attachments = Array.from({ length: count }, (_, i) => attachment(offset + i));
		const body: Record<string, unknown> = { header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' }, attachments };
		if (lie.totalCount !== undefined) body.totalCount = lie.totalCount;
		json(res, 200, body);
	});
}

/** The list requests a server received (token requests left out). */
export const listRequests = (received: Array<{ url: string }>) => received.filter((r) => r.url.startsWith('/attachment/v1.0/attachments'));
