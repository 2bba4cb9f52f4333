// Figure 2: 200 files of 64 KiB at 0, 50 and 200 ms latency: the node at its default concurrency against n8n's HTTP
// Request node at each latency, the node at concurrency 1 at 50 ms, interleaved; and the peak request rate the
// emulator saw from the node, against NHN's documented limit.
import { nodeOutputItems } from '../../n8n-harness';
import { peakRequestsPerSecond, refused } from '../emulator-control';
import { list, median, ms, ratio, type Row } from '../report';
import { check, execute, reportRows, rotation, step, type World } from '../runs';
import { LATENCIES_MS, LATENCY_MS, MANY_BYTES, MANY_COUNT, NHN_REQUESTS_PER_SECOND, REPS, WF } from '../settings';
import { MEASURED } from '../workflows';

type Variant = 'node' | 'http' | 'c1';
const workflowOf: Record<Variant, string> = { node: WF.manyC5, http: WF.manyHttp, c1: WF.manyC1 };
const labelOf: Record<Variant, string> = { node: 'node (default concurrency)', http: 'HTTP Request node', c1: 'node c=1' };

interface Measured {
	stored: number[];
	/** Peak requests per second the emulator received from the node (default concurrency), per run. */
	nodePeakRps: number[];
}

/** One run of a variant: every file stored once, every output item a success; the node's time and request rate. */
async function runVariant(world: World, variant: Variant, latencyMs: number, rep: number, into: Measured): Promise<number> {
	await world.emu.reset(latencyMs);
	const label = `${labelOf[variant]}, ${latencyMs} ms`;
	const { execution, nodeMs } = await execute(world, workflowOf[variant], `rep ${rep} ${label}`);
	const items = nodeOutputItems(execution.run, MEASURED);
	check(items.length === MANY_COUNT, `${label} output ${items.length} items, expected ${MANY_COUNT}`);
	if (variant === 'http') {
		const ok = items.filter((item) => (item.json.header as { isSuccessful?: boolean } | undefined)?.isSuccessful === true);
		check(ok.length === MANY_COUNT, `HTTP Request: ${MANY_COUNT - ok.length} answers without a successful header`);
	} else {
		check(items.every((item) => typeof item.json.attachmentId === 'string'), `${label}: an item has no attachmentId`);
	}
	// The count is a figure (2c), so a wrong one is reported rather than thrown.
	const state = await world.emu.state();
	into.stored.push(state.nhn.attachments.length);
	check(state.nhn.attachments.every((a) => a.size === MANY_BYTES), `${label}: an attachment is not ${MANY_BYTES} bytes`);
	check(refused(state) === 0, `${label}: ${refused(state)} requests were refused with 401`);
	if (variant === 'node') into.nodePeakRps.push(peakRequestsPerSecond(state));
	return nodeMs;
}

function latencyRow(latencyMs: number, node: number[], http: number[]): Row {
	const vsHttp = median(node) / median(http);
	return {
		figure: `2a. 200 x 64 KiB to NHN, ${latencyMs} ms latency: node (default concurrency) / HTTP Request node`,
		measured: `${ratio(vsHttp)} (${ms(median(node))} vs ${ms(median(http))})`,
		goal: '<= 1.00x (no slower)',
		pass: vsHttp <= 1,
		loadSensitive: true,
		detail:
			`executionTime of the measured node at ${latencyMs} ms emulator latency: node ${list(node, ms)}; HTTP Request (multipart \`file\`, ` +
			`\`fileName\`, \`fileTypes\`, predefined credential \`nhnCloudNotificationHubApi\`, default options: every item at once) ` +
			`${list(http, ms)}; interleaved, medians.`,
	};
}

/** Figure 2: the latency sweep against the HTTP Request node, the speed-up over c=1, the stored count, the rate. */
export async function manyUploads(world: World): Promise<Row[]> {
	const rows: Row[] = [];
	const measured: Measured = { stored: [], nodePeakRps: [] };
	let c1AtBase: number[] = [];
	let nodeAtBase: number[] = [];
	for (const latencyMs of LATENCIES_MS) {
		// c=1 at 200 ms would take 40 s a run; the speed-up over c=1 is measured at the usual 50 ms only.
		const variants: Variant[] = latencyMs === LATENCY_MS ? ['node', 'http', 'c1'] : ['node', 'http'];
		step(`Figure 2: ${MANY_COUNT} files of 64 KiB, ${latencyMs} ms latency: ${variants.map((v) => labelOf[v]).join(', ')}, interleaved, ${REPS.many} reps`);
		const times: Record<Variant, number[]> = { node: [], http: [], c1: [] };
		for (let i = 0; i < REPS.many; i++) {
			for (const variant of rotation(variants, i)) times[variant].push(await runVariant(world, variant, latencyMs, i + 1, measured));
		}
		rows.push(...reportRows([latencyRow(latencyMs, times.node, times.http)]));
		if (latencyMs === LATENCY_MS) {
			c1AtBase = times.c1;
			nodeAtBase = times.node;
		}
	}
	const vsSequential = median(c1AtBase) / median(nodeAtBase);
	const peak = Math.max(...measured.nodePeakRps);
	rows.push(
		...reportRows([
			{
				figure: `2b. Same uploads, ${LATENCY_MS} ms: speed-up of the default concurrency over c=1`,
				measured: `${ratio(vsSequential)} (${ms(median(c1AtBase))} vs ${ms(median(nodeAtBase))})`,
				goal: '>= 4.00x',
				pass: vsSequential >= 4,
				loadSensitive: true,
				detail: `node c=1 time / node default time, from the same interleaved runs at ${LATENCY_MS} ms: c=1 ${list(c1AtBase, ms)}.`,
			},
			{
				figure: '2c. Attachments stored per run',
				measured: new Set(measured.stored).size === 1 ? `${measured.stored[0]} in each of ${measured.stored.length} runs` : `per run: ${measured.stored.join(', ')}`,
				goal: `exactly ${MANY_COUNT}`,
				pass: measured.stored.every((count) => count === MANY_COUNT),
				detail: 'emulator state after each run of every latency and variant (reset before each), all of 64 KiB; no request refused.',
			},
			{
				figure: '2d. Peak NHN requests in any one second, node at its default concurrency',
				measured: `${peak} requests/s`,
				goal: `<= ${NHN_REQUESTS_PER_SECOND} (NHN's documented limit)`,
				pass: peak <= NHN_REQUESTS_PER_SECOND,
				detail:
					`arrival times in the emulator's request log, sliding one-second window, per node run at every latency: ` +
					`${measured.nodePeakRps.join(', ')}. The HTTP Request node, which sends every item at once, is not limited.`,
			},
		]),
	);
	return rows;
}
