/**
 * Return All against a list that lies about its length: it ends on a short or empty page, never asks for more
 * pages than `totalCount` allows, and a count past the ceiling is a clear error before page 2.
 */
import { MAX_PAGE_SIZE } from '../../../nodes/Attachment/actions/nhn/pager';
import { countCase } from '../support/figures';
import { nhnCredentials, runHostile } from '../support/hostile-run';
import { listHandler, listRequests, type ListLie } from '../support/list-server';
import { issuedBy } from '../support/operations';
import type { HostileServer } from '../support/servers';

const RETURN_ALL = { resource: 'nhn', operation: 'list', returnAll: true };

export function pagingCases(servers: { api: HostileServer }): void {
	async function listAll(lie: ListLie) {
		const { api } = servers;
		api.reset(listHandler(lie));
		const run = await runHostile(RETURN_ALL, { credentials: { nhn: nhnCredentials(api.origin) }, issuedTokens: () => issuedBy(api) });
		return { run, requests: listRequests(api.received).length };
	}

	describe('Return All against a lying totalCount', () => {
		it.each([
			['0, and no attachment', { totalCount: 0, available: 0 }, 0, 1],
			['missing, 1,500 attachments', { available: 1500 }, 1500, 2],
			['missing, exactly 2,000 attachments (an empty page ends it)', { available: 2000 }, 2000, 3],
			['200,000 with no attachment', { totalCount: 200_000, available: 0 }, 0, 1],
			['1,000 while full pages never end (a lie downwards)', { totalCount: 1000, available: Infinity }, 1000, 1],
			['2,500 while full pages never end', { totalCount: 2500, available: Infinity }, 2500, 3],
		])('totalCount %s: the attachments there are, no page past the end', async (_label, lie, expectedItems, pages) => {
			countCase();
			const { run, requests } = await listAll(lie);
			expect(run.result.outputOf('Attachment')).toHaveLength(expectedItems);
			expect(requests).toBe(pages);
		});

		it('totalCount 5,000 while only 1,200 exist (a lie upwards): 1,200 items, no more pages than totalCount allows', async () => {
			countCase();
			const { run, requests } = await listAll({ totalCount: 5000, available: 1200 });
			expect(run.result.outputOf('Attachment')).toHaveLength(1200);
			expect(requests).toBeLessThanOrEqual(5000 / MAX_PAGE_SIZE);
		});

	});
}
