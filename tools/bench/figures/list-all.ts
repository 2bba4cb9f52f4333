// Figure 3: Return All over 10,000 attachments with 50 ms latency: the requests made, and the time of the node's
// concurrent paging against sequential paging and against the HTTP Request node's own pagination, interleaved.
import { nodeOutputItems } from '../../n8n-harness';
import { nhnRequests, refused } from '../emulator-control';
import { list, median, ms, ratio, type Row } from '../report';
import { check, execute, reportRows, rotation, step, type World } from '../runs';
import { LATENCY_MS, LIST_COUNT, REPS, WF } from '../settings';
import { MEASURED } from '../workflows';

/** Figure 3: Return All over 10,000 attachments with 50 ms latency: requests made, and time vs sequential paging. */
export async function listAll(world: World): Promise<Row[]> {
	step(
		`Figure 3: listing ${LIST_COUNT} attachments, ${LATENCY_MS} ms latency: node (default concurrency), sequential paging (c=1), ` +
			`HTTP Request node's pagination, interleaved, ${REPS.list} reps`,
	);
	const times: Record<'c5' | 'c1' | 'http', number[]> = { c5: [], c1: [], http: [] };
	const requests: Record<'c5' | 'c1' | 'http', number[]> = { c5: [], c1: [], http: [] };
	const workflowOf = { c5: WF.listC5, c1: WF.listC1, http: WF.listHttp };
	const labelOf = { c5: 'node default concurrency', c1: 'node c=1', http: 'HTTP Request pagination' };
	for (let i = 0; i < REPS.list; i++) {
		for (const variant of rotation(['c5', 'c1', 'http'] as const, i)) {
			await world.emu.reset(LATENCY_MS);
			await world.emu.seedNhn(LIST_COUNT);
			const { execution, nodeMs } = await execute(world, workflowOf[variant], `rep ${i + 1} list all, ${labelOf[variant]}`);
			times[variant].push(nodeMs);
			const items = nodeOutputItems(execution.run, MEASURED);
			// The HTTP Request node outputs one item per page; the Attachment node one per attachment.
			const ids =
				variant === 'http'
					? items.flatMap((item) => (item.json.attachments as Array<{ attachmentId: string }>).map((a) => a.attachmentId))
					: items.map((item) => item.json.attachmentId);
			check(ids.length === LIST_COUNT, `list all (${labelOf[variant]}) gave ${ids.length} attachments, expected ${LIST_COUNT}`);
			check(new Set(ids).size === LIST_COUNT, `list all (${labelOf[variant]}) gave duplicates`);
			const state = await world.emu.state();
			check(refused(state) === 0, `list all (${labelOf[variant]}): requests refused with 401`);
			requests[variant].push(nhnRequests(state).length);
		}
	}
	const speed = median(times.c5) / median(times.c1);
	const vsHttp = median(times.c5) / median(times.http);
	return reportRows([
		{
			figure: `3a. List all ${LIST_COUNT.toLocaleString('en-US')} NHN attachments: requests made`,
			measured: `${[...new Set(requests.c5)].join(', ')} (default); ${[...new Set(requests.c1)].join(', ')} (c=1)`,
			goal: '10',
			pass: [...requests.c5, ...requests.c1].every((count) => count === 10),
			detail: `NHN API requests in the emulator's request log per run (token endpoint excluded; none was needed), all runs: default ${requests.c5.join(', ')}; c=1 ${requests.c1.join(', ')}.`,
		},
		{
			figure: `3b. List all, ${LATENCY_MS} ms latency: node (default concurrency) / sequential paging (c=1)`,
			measured: `${ratio(speed)} (${ms(median(times.c5))} vs ${ms(median(times.c1))})`,
			goal: '<= 0.50x',
			pass: speed <= 0.5,
			loadSensitive: true,
			detail: `executionTime, default ${list(times.c5, ms)}; c=1 ${list(times.c1, ms)}; interleaved, medians; every run output all ${LIST_COUNT} distinct attachments.`,
		},
		{
			figure: `3c. List all, ${LATENCY_MS} ms latency: node (default concurrency) / HTTP Request node's pagination`,
			measured: `${ratio(vsHttp)} (${ms(median(times.c5))} vs ${ms(median(times.http))})`,
			goal: '<= 1.00x (no slower)',
			pass: vsHttp <= 1,
			loadSensitive: true,
			detail:
				`executionTime; HTTP Request node: GET with limit=1000, pagination "Update a Parameter in Each Request" (offset = $pageCount * 1000) ` +
				`until a page has fewer than 1,000 attachments, ${list(times.http, ms)} (${[...new Set(requests.http)].join(', ')} requests a run; its ` +
				`output is one item per page, which a Split Out would still have to turn into attachments). Interleaved, medians.`,
		},
	]);
}
