/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark tooling: reports a broken run on stderr and exits 1, never published */
// `./scripts/bench`: the node's figures in a real n8n 2.41.1 (the packed package installed as users install it)
// against the emulator, each with its goal and PASS/FAIL. Every time is a node's own executionTime from the run
// data (n8n's start-up is never counted); variants are interleaved (A B A B ...) and compared by their medians.
// A missed goal is reported, not an error: the process fails only when a run breaks.
// Each figure is measured in bench/figures/; this file sets the world up, runs them in turn and writes the table.
import { cleanupE2e } from '../n8n-harness';
import { bigConcurrent } from './figures/big-concurrent';
import { listAll } from './figures/list-all';
import { manyUploads } from './figures/many-uploads';
import { tokens } from './figures/tokens';
import { uploadAndMemory } from './figures/upload-and-memory';
import { crashedAfterSuccess } from './n8n-run';
import { textTable } from './report';
import { writeResults } from './results-file';
import { say } from './runs';
import { setUp, warmUp } from './world';

async function main(): Promise<void> {
	const started = Date.now();
	const world = await setUp();
	try {
		await warmUp(world);
		const rows = [
			...(await uploadAndMemory(world)),
			...(await bigConcurrent(world)),
			...(await manyUploads(world)),
			...(await listAll(world)),
			...(await tokens(world)),
		];
		rows.sort((a, b) => a.figure.localeCompare(b.figure, 'en', { numeric: true }));
		const totalMs = Date.now() - started;
		const file = await writeResults(rows, totalMs);
		say(`\n${textTable(rows)}\n\n${rows.filter((row) => row.pass).length} of ${rows.length} goals met; ` +
			`written to ${file}; ${Math.round(totalMs / 1000)} s in all.\n`);
		if (crashedAfterSuccess.length > 0) say(`n8n died of a signal after a successful run in: ${crashedAfterSuccess.join('; ')}\n`);
	} finally {
		await world.emu.emulator.close();
		await cleanupE2e();
	}
}

main().catch(async (error: Error) => {
	process.stderr.write(`Benchmark failed: ${error.stack ?? error.message}\n`);
	await cleanupE2e().catch(() => undefined);
	process.exit(1);
});
