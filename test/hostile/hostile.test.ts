/* eslint-disable no-console -- prints the RELIABILITY line RELIABILITY.md quotes */
/**
 * The hostile-server suite: servers on 127.0.0.1 that redirect, lie, drip, never end, echo the request or refuse
 * every token, run against the node in n8n-core's engine (the large cases in a child process with a small heap).
 * Prints the RELIABILITY hostile line that RELIABILITY.md quotes.
 */
import { nock } from '../engine/nock';
import { redirectCases } from './cases/redirects.cases';
import { pagingCases } from './cases/paging.cases';
import { previewCases } from './cases/previews.cases';
import { stopCases } from './cases/stop.cases';
import { tokenCases } from './cases/tokens.cases';
import { urlCases } from './cases/urls.cases';
import { runChildSuite, CHILD_HEAP_MIB } from './support/child';
import { hostileLine } from './support/figures';
import { useServers } from './support/servers';

jest.setTimeout(120_000);

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => {
	nock.enableNetConnect();
	console.log(hostileLine());
});

const servers = useServers(['api', 'token', 'collector', 'preview']);

redirectCases(servers);
tokenCases(servers);
urlCases(servers);
pagingCases(servers);
previewCases(servers);
stopCases(servers);

describe('in a child process with a small heap', () => {
	it(`Return All with totalCount 1e13 and with full pages without end: passes within ${CHILD_HEAP_MIB} MiB of heap`, () => {
		const child = runChildSuite('paging-large.child.ts');
		expect(child.output).not.toContain('heap out of memory');
		expect(child.output).toMatch(/Tests:\s+3 passed, 3 total/);
		expect(child.status).toBe(0);
	});
});
