import type { IDataObject } from 'n8n-workflow';

import { chain, fixtureSource } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	anyRequest,
	APP_KEY,
	ATTACHMENTS,
	attachment,
	expectNothingLeaked,
	kst,
	nhnNode,
	ok,
	seenOf,
	STORED_TOKEN,
	withStoredToken,
	type Seen,
} from './shared';
import { NHN_ORIGIN, resetTokenCache, runWorkflow } from '../../shared';

const HOUR = 3_600_000;

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** A list endpoint over `all`, paging by limit/offset as the API does, recording every request. */
function listApi(all: IDataObject[], seen: Seen[]) {
	nock(NHN_ORIGIN)
		.persist()
		.get(ATTACHMENTS)
		.query(true)
		.reply(async (request: Request) => {
			const record = await seenOf(request);
			seen.push(record);
			const offset = Number(record.query.offset ?? 0);
			const limit = Number(record.query.limit ?? 50);
			return [200, ok({ totalCount: all.length, attachments: all.slice(offset, offset + limit) })];
		});
}

const many = (count: number) => Array.from({ length: count }, (_, index) => attachment(`att-${index}`));

describe('NHN List', () => {
	it('sends the filters and the limit as the query, once, and emits one item per attachment', async () => {
		const all = many(3);
		const seen: Seen[] = [];
		listApi(all, seen);
		const filters = { messageChannel: 'EMAIL', fileType: 'EMAIL_DEFAULT', fileName: '청구서 2026.pdf' };
		const workflow = chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'list', limit: 2, filters }));
		const result = await runWorkflow(workflow, withStoredToken());

		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ path: ATTACHMENTS, appKey: APP_KEY, authorization: `Bearer ${STORED_TOKEN}` });
		expect(seen[0].query).toEqual({ ...filters, limit: '2', offset: '0' });
		expect(seen[0].search).toContain(`fileName=${encodeURIComponent(filters.fileName)}`);
		const output = result.outputOf('Attachment');
		expect(output.map((item) => item.json)).toEqual(all.slice(0, 2));
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expectNothingLeaked(result);
	});

	it.each([
		[2500, ['0', '1000', '2000']],
		[2000, ['0', '1000']],
	])('with Return All fetches %i attachments in pages of 1000, none twice', async (count, offsets) => {
		const all = many(count);
		const seen: Seen[] = [];
		listApi(all, seen);
		const workflow = chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'list', returnAll: true }));
		const result = await runWorkflow(workflow, withStoredToken());

		// Pages may be fetched concurrently: compare the requests in offset order.
		const pages = seen.map((request) => [request.query.limit, request.query.offset]);
		pages.sort((a, b) => Number(a[1]) - Number(b[1]));
		expect(pages).toEqual(offsets.map((offset) => ['1000', offset]));
		const ids = result.outputOf('Attachment').map((item) => item.json.attachmentId);
		expect(ids).toEqual(all.map((item) => item.attachmentId));
		expect(new Set(ids).size).toBe(count);
		expectNothingLeaked(result);
	});

	it('pairs each attachment with the input item whose filters found it', async () => {
		const byName: Record<string, IDataObject[]> = {
			'a.pdf': [attachment('a1', { fileName: 'a.pdf' }), attachment('a2', { fileName: 'a.pdf' })],
			'b.pdf': [attachment('b1', { fileName: 'b.pdf' })],
		};
		nock(NHN_ORIGIN)
			.get(ATTACHMENTS)
			.query(true)
			.times(2)
			.reply(async (request: Request) => {
				const found = byName[(await seenOf(request)).query.fileName] ?? [];
				return [200, ok({ totalCount: found.length, attachments: found })];
			});
		const workflow = chain(
			fixtureSource([{ json: { name: 'a.pdf' } }, { json: { name: 'b.pdf' } }]),
			nhnNode({ operation: 'list', limit: 10, filters: { fileName: '={{ $json.name }}' } }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		const output = result.outputOf('Attachment');
		expect(output.map((item) => [item.json.attachmentId, item.pairedItem])).toEqual([
			['a1', { item: 0 }],
			['a2', { item: 0 }],
			['b1', { item: 1 }],
		]);
		expectNothingLeaked(result);
	});

	it('keeps only attachments expiring within the window', async () => {
		const now = Date.now();
		const all = [
			attachment('in-2h', { expireDateTime: kst(now + 2 * HOUR) }),
			attachment('in-30h', { expireDateTime: kst(now + 30 * HOUR) }),
			attachment('in-23h', { expireDateTime: kst(now + 23 * HOUR) }),
			attachment('in-6d', { expireDateTime: kst(now + 144 * HOUR) }),
		];
		listApi(all, []);
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			nhnNode({ operation: 'list', returnAll: true, filters: { expiringWithinHours: 24 } }),
		);
		const result = await runWorkflow(workflow, withStoredToken());
		expect(result.outputOf('Attachment').map((item) => item.json.attachmentId)).toEqual(['in-2h', 'in-23h']);
		expectNothingLeaked(result);
	});

	it.each([0, 1001, -5])('refuses the limit %p from an expression before any request', async (limit) => {
		const seen = anyRequest();
		const workflow = chain(fixtureSource([{ json: { limit } }]), nhnNode({ operation: 'list', limit: '={{ $json.limit }}' }));
		const result = await runWorkflow(workflow, withStoredToken());
		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('Limit of item 0 must be a whole number from 1 to 1000');
		expect(error?.description).toMatch(/Return All/);
		expect(seen).toEqual([]);
		expectNothingLeaked(result);
	});
});
