import type { IDataObject } from 'n8n-workflow';

import { expiresWithin, listAttachments } from '../../../../../nodes/Attachment/actions/nhn/pager';

/** A fake list endpoint over `total` attachments that records the pages asked for. */
function fakeList(total: number, expire = (index: number) => `2026-11-2${index % 2 ? 3 : 9}T00:00:00.000+09:00`) {
	const pages: Array<{ limit: number; offset: number }> = [];
	const fetchPage = async (qs: IDataObject) => {
		const limit = Number(qs.limit);
		const offset = Number(qs.offset);
		pages.push({ limit, offset });
		const attachments = [];
		for (let index = offset; index < Math.min(offset + limit, total); index++) {
			attachments.push({ attachmentId: `a${index}`, expireDateTime: expire(index) });
		}
		return { totalCount: total, attachments };
	};
	return { pages, fetchPage };
}

describe('listAttachments', () => {
	it('asks for one page of the limit when the limit fits in a page', async () => {
		const list = fakeList(120);
		const result = await listAttachments(list.fetchPage, { messageChannel: 'EMAIL' }, 50, undefined);
		expect(result.map((a) => a.attachmentId)).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`));
		expect(list.pages).toEqual([{ limit: 50, offset: 0 }]);
	});

	it.each([
		[0, 1],
		[999, 1],
		[1000, 1],
		[1001, 2],
		[3000, 3],
		[3001, 4],
	])('returns all %d attachments in %d pages of 1000, none twice or missed', async (total, pageCount) => {
		const list = fakeList(total);
		const result = await listAttachments(list.fetchPage, {}, undefined, undefined);
		expect(result).toHaveLength(total);
		expect(new Set(result.map((a) => a.attachmentId)).size).toBe(total);
		expect(list.pages).toHaveLength(pageCount);
		expect(list.pages.map((p) => p.offset)).toEqual(Array.from({ length: pageCount }, (_, i) => i * 1000));
	});

	it('fetches the pages after the first at once within the concurrency bound, joined in order', async () => {
		const list = fakeList(4500);
		let inFlight = 0;
		let peak = 0;
		const slowPage = async (qs: IDataObject) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await Promise.resolve();
			inFlight--;
			return await list.fetchPage(qs);
		};
		const result = await listAttachments(slowPage, {}, undefined, undefined, 3);
		expect(result.map((a) => a.attachmentId)).toEqual(Array.from({ length: 4500 }, (_, i) => `a${i}`));
		expect(list.pages.map((p) => p.offset).sort((a, b) => a - b)).toEqual([0, 1000, 2000, 3000, 4000]);
		expect(peak).toBe(3);
	});

	it('keeps paging until the limit is met when a local filter drops items', async () => {
		const list = fakeList(2500);
		const keepOdd = (attachment: IDataObject) => Number(String(attachment.attachmentId).slice(1)) % 2 === 1;
		const result = await listAttachments(list.fetchPage, {}, 700, keepOdd);
		expect(result).toHaveLength(700);
		expect(result[699].attachmentId).toBe('a1399');
		expect(list.pages).toEqual([
			{ limit: 1000, offset: 0 },
			{ limit: 1000, offset: 1000 },
		]);
	});
});

describe('expiresWithin', () => {
	const now = Date.parse('2026-11-22T00:00:00.000Z');
	it('compares the documented date format across time zones', () => {
		expect(expiresWithin('2026-11-22T23:00:00.000+09:00', now, 24 * 3_600_000)).toBe(true);
		expect(expiresWithin('2026-11-23T10:00:00.000+09:00', now, 24 * 3_600_000)).toBe(false);
		expect(expiresWithin('not a date', now, 1e12)).toBe(false);
		expect(expiresWithin(undefined, now, 1e12)).toBe(false);
	});
});
