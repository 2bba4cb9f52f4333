/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test tooling, never published */
/**
 * Runs a `*.child.ts` suite in a child jest process with a small heap: a case that regresses into unbounded memory
 * kills the child (a failed test here), not the machine. The child's figures are added to this suite's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { figures } from './figures';

/** Enough for jest, ts-jest and n8n-core with the suite loaded; far less than a regression needs. */
export const CHILD_HEAP_MIB = 256;

export function runChildSuite(file: string): { status: number | null; output: string } {
	const root = join(__dirname, '..', '..', '..');
	const dir = mkdtempSync(join(tmpdir(), 'hostile-child-'));
	const figuresFile = join(dir, 'figures.json');
	try {
		const child = spawnSync(
			process.execPath,
			[`--max-old-space-size=${CHILD_HEAP_MIB}`, join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--runInBand', '--selectProjects', 'reliability', '--testMatch', `**/test/hostile/child/${file}`],
			{ cwd: root, env: { ...process.env, HOSTILE_FIGURES: figuresFile }, encoding: 'utf8', timeout: 300_000 },
		);
		if (existsSync(figuresFile)) {
			const childFigures = JSON.parse(readFileSync(figuresFile, 'utf8')) as Record<string, number>;
			for (const key of ['cases', 'runs', 'secretsLeaked', 'requestsToOtherHosts', 'crashes', 'clearErrors'] as const) figures[key] += childFigures[key];
		} else {
			figures.crashes++;
		}
		return { status: child.status, output: `${child.stdout}\n${child.stderr}` };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
