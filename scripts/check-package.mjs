// Verification checks on what npm would publish: the packed file list, no runtime dependencies, and
// n8n's scanner (`analyzePackage` from @n8n/scan-community-package) on the unpacked tarball and on the source.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = new URL('..', import.meta.url).pathname;
const failures = [];

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
console.log(`dependencies: ${dependencies.length === 0 ? '(none)' : dependencies.join(', ')}`);
if (dependencies.length > 0) failures.push('package.json has runtime dependencies');

const work = mkdtempSync(join(tmpdir(), 'ncp-nhn-pack-'));
try {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
	);
	const files = packed.files.map((file) => file.path).sort();
	console.log(`npm pack: ${packed.filename}, ${files.length} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`);
	const strays = files.filter((file) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(file));
	for (const file of files) console.log(`  ${file}`);
	if (strays.length > 0) failures.push(`tarball holds files outside dist, README, LICENSE and package.json: ${strays.join(', ')}`);
	for (const required of ['README.md', 'LICENSE', 'package.json']) {
		if (!files.includes(required)) failures.push(`tarball lacks ${required}`);
	}

	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	for (const [label, dir, patterns] of [
		['tarball', unpacked, undefined],
		['source', root, SOURCE_FILE_PATTERNS],
	]) {
		const result = await analyzePackage(dir, patterns);
		console.log(`scanner (${label}): ${result.passed ? 'passed, no findings' : result.message}`);
		if (!result.passed) {
			console.log(result.details ?? result.error ?? '');
			failures.push(`scanner found problems in the ${label}`);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
	console.error(`\nPackage check failed:\n- ${failures.join('\n- ')}`);
	process.exit(1);
}
console.log('Package check passed.');
