/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e tooling: drives a real n8n from jest, never published */
// `npm pack` of a built project, as it would be published (only the `files` of its package.json).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir, node24BinDir, onCleanup } from './paths';
import { assertSucceeded, run } from './proc';

const packed = new Map<string, Promise<string>>();

/**
 * Packs `projectDir` (its `dist/` must already be built) into a temporary folder and returns the .tgz path.
 * Cached per process and project folder: build first, pack once, install many times.
 */
export async function packPackage(projectDir: string): Promise<string> {
	const dir = resolve(projectDir);
	let tarball = packed.get(dir);
	if (!tarball) {
		tarball = pack(dir);
		packed.set(dir, tarball);
		tarball.catch(() => packed.delete(dir));
	}
	return await tarball;
}

onCleanup(async () => packed.clear());

async function pack(dir: string): Promise<string> {
	if (!existsSync(join(dir, 'dist'))) throw new Error(`${dir}/dist does not exist: build the package first`);
	const destination = await makeTempDir('pack');
	const result = assertSucceeded(
		`npm pack ${dir}`,
		await run(
			'npm',
			// --ignore-scripts: dist is built already; a prepack/prepare script must not rebuild it behind our back.
			['pack', '--pack-destination', destination, '--json', '--ignore-scripts', '--loglevel=error'],
			{ cwd: dir, env: { ...process.env, PATH: `${node24BinDir()}:${process.env.PATH ?? ''}` } },
		),
	);
	const [info] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return join(destination, info.filename);
}
