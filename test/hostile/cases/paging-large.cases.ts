/**
 * Return All cases that exhaust memory when the bounds regress: run only in a child process with a small heap
 * (child/paging-large.child.ts, started by hostile.test.ts).
 */
import { MAX_LISTED_ATTACHMENTS, MAX_PAGE_SIZE } from '../../../nodes/Attachment/actions/nhn/pager';
import { countCase } from '../support/figures';
import { nhnCredentials, runHostile } from '../support/hostile-run';
import { listHandler, listRequests, type ListLie } from '../support/list-server';
import { issuedBy } from '../support/operations';
import type { HostileServer } from '../support/servers';

const RETURN_ALL = { resource: 'nhn', operation: 'list', returnAll: true };

export function pagingLargeCases(servers: { api: HostileServer }): void {
	async function listAll(lie: ListLie) {
		const { api } = servers;
		api.reset(listHandler(lie));
		const run = await runHostile(RETURN_ALL, { credentials: { nhn: nhnCredentials(api.origin) }, issuedTokens: () => issuedBy(api) });
		return { run, requests: listRequests(api.received).length };
	}

	describe('Return All against a totalCount past any bound', () => {
		it('totalCount 1e13 with no attachment: an empty list, one request', async () => {
			countCase();
			const { run, requests } = await listAll({ totalCount: 1e13, available: 0 });
			expect(run.result.outputOf('Attachment')).toHaveLength(0);
			expect(requests).toBe(1);
		});

		it('totalCount 1e13 with a full first page: a clear error before page 2', async () => {
			countCase();
			const { run, requests } = await listAll({ totalCount: 1e13, available: Infinity });
			expect(run.errorText).toContain('The service reports 10,000,000,000,000 attachments, more than the 100,000 one List fetches');
			expect(requests).toBe(1);
		});

		it('no totalCount and full pages forever: a clear error at the ceiling', async () => {
			countCase();
			const { run, requests } = await listAll({ available: Infinity });
			expect(run.errorText).toContain('kept sending full pages past 100,000 attachments');
			expect(requests).toBe(MAX_LISTED_ATTACHMENTS / MAX_PAGE_SIZE);
		});
	});
}
