// Figure 3: Return All over 10,000 attachments with 50 ms latency: the requests made, and the time of the node's
// concurrent paging against sequential paging, interleaved.
import { nodeOutputItems } from '../../n8n-harness';
import { nhnRequests, refused } from '../emulator-control';
import { list, median, ms, ratio, type Row } from '../report';
import { check, execute, reportRows, rotation, step, type World } from '../runs';
import { LATENCY_MS, LIST_COUNT, REPS, WF } from '../settings';
import { MEASURED } from '../workflows';

/** Figure 3: Return All over 10,000 attachments with 50 ms latency: requests made, and time vs sequential paging. */
export async function listAll(world: World): Promise<Row[]> {
	step(`Figure 3: listing ${LIST_COUNT} attachments, ${LATENCY_MS} ms latency: node (default c=10) vs sequential paging (c=1), interleaved, ${REPS.list} reps`);
	const times: Record<'c5' | 'c1', number[]> = { c5: [], c1: [] };
	const requests: Record<'c5' | 'c1', number[]> = { c5: [], c1: [] };
	for (let i = 0; i < REPS.list; i++) {
		for (const variant of rotation(['c5', 'c1'] as const, i)) {
			await world.emu.reset(LATENCY_MS);
			await world.emu.seedNhn(LIST_COUNT);
			const { execution, nodeMs } = await execute(world, variant === 'c5' ? WF.listC5 : WF.listC1, `rep ${i + 1} list all ${variant === 'c5' ? 'default c=10' : 'c=1'}`);
			times[variant].push(nodeMs);
			const items = nodeOutputItems(execution.run, MEASURED);
			check(items.length === LIST_COUNT, `list all (${variant}) output ${items.length} items, expected ${LIST_COUNT}`);
			check(new Set(items.map((item) => item.json.attachmentId)).size === LIST_COUNT, `list all (${variant}) output duplicates`);
			const state = await world.emu.state();
			check(refused(state) === 0, `list all (${variant}): requests refused with 401`);
			requests[variant].push(nhnRequests(state).length);
		}
	}
	const speed = median(times.c5) / median(times.c1);
	return reportRows([
		{
			figure: `3a. List all ${LIST_COUNT.toLocaleString('en-US')} NHN attachments: requests made`,
			measured: `${[...new Set(requests.c5)].join(', ')} (c=10); ${[...new Set(requests.c1)].join(', ')} (c=1)`,
			goal: '10',
			pass: [...requests.c5, ...requests.c1].every((count) => count === 10),
			detail: `NHN API requests in the emulator's request log per run (token endpoint excluded; none was needed), all runs: c=10 ${requests.c5.join(', ')}; c=1 ${requests.c1.join(', ')}.`,
		},
		{
			figure: `3b. List all, ${LATENCY_MS} ms latency: node (default c=10) / sequential paging (c=1)`,
			measured: `${ratio(speed)} (${ms(median(times.c5))} vs ${ms(median(times.c1))})`,
			goal: '<= 0.50x',
			pass: speed <= 0.5,
			detail: `executionTime, c=10 ${list(times.c5, ms)}; c=1 ${list(times.c1, ms)}; interleaved, medians; every run output all ${LIST_COUNT} distinct attachments.`,
		},
	]);
}
