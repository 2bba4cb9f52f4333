// Figure 4c: ten 25 MiB files uploaded by one run at the default concurrency: the peak memory the uploads add to the
// n8n process, through the Attachment node and through n8n's HTTP Request node, each against the same run reading the
// ten files only; interleaved.
import { nodeOutputItems } from '../../n8n-harness';
import { refused } from '../emulator-control';
import { list, median, mib, ms, ratio, type Row } from '../report';
import { check, execute, reportRows, rotation, step, type World } from '../runs';
import { BIG_BYTES, BIG_COUNT, REPS, WF } from '../settings';
import { MEASURED } from '../workflows';

type Variant = 'node' | 'http' | 'read';
const workflowOf: Record<Variant, string> = { node: WF.bigMany, http: WF.bigManyHttp, read: WF.readBigMany };
const labelOf: Record<Variant, string> = { node: 'node', http: 'HTTP Request node', read: 'read only' };

export async function bigConcurrent(world: World): Promise<Row[]> {
	step(`Figure 4c: ${BIG_COUNT} files of 25 MiB in one run (node at its default concurrency, HTTP Request node, reading only), interleaved, ${REPS.upload} reps`);
	const rss: Record<Variant, number[]> = { node: [], http: [], read: [] };
	const times: Record<Variant, number[]> = { node: [], http: [], read: [] };
	for (let i = 0; i < REPS.upload; i++) {
		for (const variant of rotation(['node', 'http', 'read'] as Variant[], i)) {
			await world.emu.reset();
			const { execution, nodeMs } = await execute(world, workflowOf[variant], `rep ${i + 1} ${BIG_COUNT} x 25 MiB, ${labelOf[variant]}`);
			rss[variant].push(execution.peakRssBytes);
			if (variant === 'read') continue;
			times[variant].push(nodeMs);
			check(nodeOutputItems(execution.run, MEASURED).length === BIG_COUNT, `${labelOf[variant]}: not ${BIG_COUNT} output items`);
			const state = await world.emu.state();
			check(state.nhn.attachments.length === BIG_COUNT, `${labelOf[variant]}: the emulator stored ${state.nhn.attachments.length} attachments`);
			check(state.nhn.attachments.every((a) => a.size === BIG_BYTES), `${labelOf[variant]}: an attachment is not 25 MiB`);
			check(refused(state) === 0, `${labelOf[variant]}: requests refused with 401`);
		}
	}
	const nodeAdds = median(rss.node) - median(rss.read);
	const httpAdds = median(rss.http) - median(rss.read);
	const goal = 1.5 * BIG_BYTES;
	return reportRows([
		{
			figure: `4c. Peak RSS added by ${BIG_COUNT} concurrent 25 MiB uploads (minus reading them only): node / one file`,
			measured: `${mib(nodeAdds)} (${ratio(nodeAdds / BIG_BYTES)} one file); HTTP Request node ${mib(httpAdds)} (${ratio(httpAdds / BIG_BYTES)})`,
			goal: `<= ${mib(goal)} (1.5x one file)`,
			pass: nodeAdds <= goal,
			detail:
				`peak RSS of the \`n8n execute\` process, Read/Write Files from Disk (${BIG_COUNT} files) then the measured node: node ` +
				`${list(rss.node, mib)}; HTTP Request node (multipart, every item at once) ${list(rss.http, mib)}; reading the files only ` +
				`${list(rss.read, mib)}; median minus median; all interleaved, every upload checked in the emulator. Time (executionTime): node ` +
				`${list(times.node, ms)}, HTTP Request node ${list(times.http, ms)}, ${ratio(median(times.node) / median(times.http))}: the node sends ` +
				`the files one after another (its 32 MiB budget of file bytes in flight), the HTTP Request node all at once.`,
		},
	]);
}
