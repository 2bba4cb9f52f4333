/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark tooling: prints its progress to stdout and reads the load average, never published */
// What every figure's loop uses: progress lines, the interleaving order of a repetition, a measured run of a
// workflow that must succeed, a check that stops the benchmark, and the rows of a figure printed as they are known.
import { loadavg } from 'node:os';

import type { UserFolder } from '../n8n-harness';
import type { EmulatorControl } from './emulator-control';
import { assertRunSucceeded, executeMeasured, nodeExecutionMs, type N8nExecution } from './n8n-run';
import { figureLine, mib, ms, type Row } from './report';
import { MEASURED } from './workflows';

/** The user folder with the package, the emulator, and the input files: what every figure runs against. */
export interface World {
	folder: UserFolder;
	emu: EmulatorControl;
	files: { big: string; small: string; manyDir: string; bigManyDir: string; bigSha: string };
	uploadUrl: string;
}

export const say = (text: string) => process.stdout.write(text);
export const step = (text: string) => say(`==> ${text}\n`);

/** The same bench on this machine: the interleaving order of rep `i` for `variants` (rotated each rep). */
export function rotation<T>(variants: T[], i: number): T[] {
	const shift = i % variants.length;
	return [...variants.slice(shift), ...variants.slice(0, shift)];
}

/** Runs a workflow that must succeed; logs its wall time (start-up included) next to the measured node's time. */
export async function execute(world: World, workflowId: string, label: string): Promise<{ execution: N8nExecution; nodeMs: number }> {
	const execution = await executeMeasured(world.folder, workflowId);
	assertRunSucceeded(label, execution);
	const measured = MEASURED in execution.run.data.resultData.runData;
	const nodeMs = measured ? nodeExecutionMs(execution.run, MEASURED) : NaN;
	const time = measured ? `node ${ms(nodeMs)}, ` : '';
	say(`    ${label}: ${time}peak RSS ${mib(execution.peakRssBytes)}, whole command ${(execution.wallMs / 1000).toFixed(1)} s\n`);
	return { execution, nodeMs };
}

export function check(condition: boolean, message: string): void {
	if (!condition) throw new Error(`Check failed: ${message}`);
}

/** The load average now, as `1-min 5-min 15-min`: printed beside every figure, since timings move with it. */
export const loadNow = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');

/** Prints a figure's rows with their verdicts and the load as soon as they are known; returns them for the table. */
export function reportRows(rows: Row[]): Row[] {
	const load = loadNow();
	for (const row of rows) {
		row.load ??= load;
		say(figureLine(row));
	}
	return rows;
}
