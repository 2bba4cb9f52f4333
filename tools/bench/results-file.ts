/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- benchmark tooling: asks git for the commit and writes tools/bench/results, never published */
// tools/bench/results/latest.md: the table of a whole run with the commit, versions and machine it ran on, and how each
// figure was measured.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { projectRoot } from '../n8n-harness/fixtures';
import { N8N_VERSION } from '../n8n-harness';
import { crashedAfterSuccess } from './n8n-run';
import { markdownDetails, markdownTable, type Row } from './report';

function git(args: string[]): string {
	const result = spawnSync('git', args, { cwd: projectRoot(), encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : '?';
}

/** Writes tools/bench/results/latest.md (replacing the last run's); returns its path. */
export async function writeResults(rows: Row[], totalMs: number): Promise<string> {
	const commit = git(['rev-parse', '--short', 'HEAD']);
	const dirty = git(['status', '--porcelain', '--', 'nodes', 'credentials']) !== '';
	const version = (JSON.parse(await readFile(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
	const cpu = cpus();
	const text = [
		'# Benchmark results',
		'',
		`Written by \`./scripts/bench\` on ${new Date().toISOString().slice(0, 10)}: n8n-nodes-ncp-nhn-attachment ${version} at ${commit}` +
			`${dirty ? ' (with uncommitted changes under nodes/ or credentials/)' : ''}, n8n ${N8N_VERSION}, Node ${process.versions.node}, ` +
			`${cpu.length} x ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM; the whole run took ${Math.round(totalMs / 1000)} s.`,
		'',
		markdownTable(rows),
		'',
		'Times are the measured node\'s own `executionTime` from the run data of `n8n execute` (never the CLI\'s start-up); ' +
			'variants ran interleaved (A B C, B C A, ...) and are compared by their medians. The emulator ran in the benchmark\'s ' +
			'process and was reset before every run (the tokens it had issued were kept valid, as a real service keeps them).',
		'',
		'## How each figure was measured',
		'',
		markdownDetails(rows),
		'',
		...(crashedAfterSuccess.length > 0
			? [`n8n died of a signal after printing a successful run in ${crashedAfterSuccess.length} run(s), counted as they printed: ${crashedAfterSuccess.join('; ')}.`, '']
			: []),
	].join('\n');
	const file = join(projectRoot(), 'tools', 'bench', 'results', 'latest.md');
	await mkdir(join(projectRoot(), 'tools', 'bench', 'results'), { recursive: true });
	await writeFile(file, text);
	return file;
}
