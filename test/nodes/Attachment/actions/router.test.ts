import { sleep } from 'n8n-workflow';

import { chain, fixtureSource } from '../../../engine/harness';
import { nock } from '../../../engine/nock';
import { attachmentNode, engineSetup, NCP_ORIGIN, runWorkflow } from '../shared';
import { DEFAULT_CONCURRENCY } from '../../../../nodes/Attachment/helpers/parameters';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/**
 * A get endpoint that holds every request until `limit` are in flight (or no more will come), then answers the
 * latest first, and records how many requests overlap. Held on a count, not on a timer: a slow machine cannot
 * make the requests seem sequential, and a node sending more than `limit` at once still shows a higher peak.
 */
function heldFiles(count: number, limit: number) {
	const stats = { inFlight: 0, peak: 0, arrived: 0 };
	const held: Array<() => void> = [];
	const releaseWhenFull = () => {
		if (held.length >= Math.min(limit, count - stats.arrived + held.length)) held.pop()?.();
	};
	nock(NCP_ORIGIN)
		.get((uri: string) => uri.startsWith('/api/v1/files/t'))
		.times(count)
		.reply(async (request: Request) => {
			const id = new URL(request.url).pathname.split('/').pop() as string;
			stats.arrived++;
			stats.inFlight++;
			stats.peak = Math.max(stats.peak, stats.inFlight);
			await new Promise<void>((release) => {
				held.push(release);
				releaseWhenFull();
			});
			stats.inFlight--;
			// Let the next held request go once this one has answered.
			void sleep(0).then(releaseWhenFull);
			return [200, { tempRequestId: id, files: [] }];
		});
	return stats;
}

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { id: `t${index}` } }));

describe('concurrency', () => {
	it.each([
		[undefined, DEFAULT_CONCURRENCY],
		[1, 1],
		[3, 3],
	])('with Concurrency %p, at most %p requests overlap and outputs keep the input order', async (concurrency, peak) => {
		const count = DEFAULT_CONCURRENCY + 4;
		const stats = heldFiles(count, peak);
		const workflow = chain(
			fixtureSource(items(count)),
			attachmentNode({
				resource: 'ncp',
				operation: 'get',
				tempRequestId: '={{ $json.id }}',
				options: concurrency === undefined ? {} : { concurrency },
			}),
		);
		const output = (await runWorkflow(workflow, engineSetup())).outputOf('Attachment');
		expect(output.map((item) => item.json.tempRequestId)).toEqual(items(count).map((item) => item.json.id));
		expect(output.map((item) => item.pairedItem)).toEqual(items(count).map((_, index) => ({ item: index })));
		expect(stats.peak).toBe(peak);
	});

	it('reports the first failing item in input order and starts no item after a failure', async () => {
		const calls: string[] = [];
		nock(NCP_ORIGIN)
			.get((uri: string) => uri.startsWith('/api/v1/files/t'))
			.times(10)
			.reply(async (request: Request) => {
				const id = new URL(request.url).pathname.split('/').pop() as string;
				calls.push(id);
				await sleep(id === 't1' ? 30 : 5);
				return id === 't1' || id === 't2'
					? [400, { error: { errorCode: '77103', message: `no ${id}` } }]
					: [200, { tempRequestId: id, files: [] }];
			});
		const workflow = chain(
			fixtureSource(items(10)),
			attachmentNode({ resource: 'ncp', operation: 'get', tempRequestId: '={{ $json.id }}', options: { concurrency: 3 } }),
		);
		const error = (await runWorkflow(workflow, engineSetup())).errorOf('Attachment');
		expect(error?.message).toBe('NAVER Cloud Outbound Mailer: HTTP 400, code 77103: no t1');
		expect(calls.length).toBeLessThan(10);
	});
});
