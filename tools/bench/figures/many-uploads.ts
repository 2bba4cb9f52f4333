// Figure 2: 200 files of 64 KiB with 50 ms latency: the node at its default concurrency, n8n's HTTP Request node,
// and the node at concurrency 1, interleaved.
import { nodeOutputItems } from '../../n8n-harness';
import { refused } from '../emulator-control';
import { list, median, ms, ratio, type Row } from '../report';
import { check, execute, reportRows, rotation, step, type World } from '../runs';
import { LATENCY_MS, MANY_BYTES, MANY_COUNT, REPS, WF } from '../settings';
import { MEASURED } from '../workflows';

/** Figure 2: 200 x 64 KiB with 50 ms latency: node at its default concurrency, HTTP Request node, node at concurrency 1. */
export async function manyUploads(world: World): Promise<Row[]> {
	step(`Figure 2: ${MANY_COUNT} files of 64 KiB, ${LATENCY_MS} ms latency: node (default c=10), HTTP Request, node (c=1), interleaved, ${REPS.many} reps`);
	const times: Record<'c5' | 'http' | 'c1', number[]> = { c5: [], http: [], c1: [] };
	const stored: number[] = [];
	const workflowOf = { c5: WF.manyC5, http: WF.manyHttp, c1: WF.manyC1 };
	const labelOf = { c5: 'node default c=10', http: 'HTTP Request node', c1: 'node c=1' };
	for (let i = 0; i < REPS.many; i++) {
		for (const variant of rotation(['c5', 'http', 'c1'] as const, i)) {
			await world.emu.reset(LATENCY_MS);
			const { execution, nodeMs } = await execute(world, workflowOf[variant], `rep ${i + 1} ${labelOf[variant]}`);
			times[variant].push(nodeMs);
			const items = nodeOutputItems(execution.run, MEASURED);
			check(items.length === MANY_COUNT, `${labelOf[variant]} output ${items.length} items, expected ${MANY_COUNT}`);
			if (variant === 'http') {
				const ok = items.filter((item) => (item.json.header as { isSuccessful?: boolean } | undefined)?.isSuccessful === true);
				check(ok.length === MANY_COUNT, `HTTP Request: ${MANY_COUNT - ok.length} answers without a successful header`);
			} else {
				check(items.every((item) => typeof item.json.attachmentId === 'string'), `${labelOf[variant]}: an item has no attachmentId`);
			}
			// The count is a figure (2c), so a wrong one is reported rather than thrown.
			const state = await world.emu.state();
			stored.push(state.nhn.attachments.length);
			check(state.nhn.attachments.every((a) => a.size === MANY_BYTES), `${labelOf[variant]}: an attachment is not ${MANY_BYTES} bytes`);
			check(refused(state) === 0, `${labelOf[variant]}: ${refused(state)} requests were refused with 401`);
		}
	}
	const vsHttp = median(times.c5) / median(times.http);
	const vsSequential = median(times.c1) / median(times.c5);
	const detail =
		`executionTime of the measured node: node c=10 ${list(times.c5, ms)}; HTTP Request (multipart \`file\`, \`fileName\`, \`fileTypes\`, ` +
		`predefined credential \`nhnCloudNotificationHubApi\`, default options) ${list(times.http, ms)}; node c=1 ${list(times.c1, ms)}; interleaved, medians.`;
	return reportRows([
		{
			figure: `2a. 200 x 64 KiB to NHN, ${LATENCY_MS} ms latency: node (default c=10) / HTTP Request node`,
			measured: `${ratio(vsHttp)} (${ms(median(times.c5))} vs ${ms(median(times.http))})`,
			goal: '<= 1.00x (no slower)',
			pass: vsHttp <= 1,
			detail,
		},
		{
			figure: '2b. Same uploads: speed-up of the default c=10 over c=1',
			measured: `${ratio(vsSequential)} (${ms(median(times.c1))} vs ${ms(median(times.c5))})`,
			goal: '>= 4.00x',
			pass: vsSequential >= 4,
			detail: 'node c=1 time / node c=10 time, from the same interleaved runs.',
		},
		{
			figure: '2c. Attachments stored per run',
			measured: new Set(stored).size === 1 ? `${stored[0]} in each of ${stored.length} runs` : `per run: ${stored.join(', ')}`,
			goal: `exactly ${MANY_COUNT}`,
			pass: stored.every((count) => count === MANY_COUNT),
			detail: 'emulator state after each run (reset before each), all of 64 KiB; no request refused.',
		},
	]);
}
