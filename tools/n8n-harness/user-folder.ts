/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e tooling: drives a real n8n from jest, never published */
// A fresh n8n user folder (N8N_USER_FOLDER) with the package installed the way n8n's own installer does it.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { n8nEnv } from './env';
import { makeTempDir, n8nBin, node24BinDir, onCleanup, type N8nInstall } from './paths';
import { assertSucceeded, freePort, run } from './proc';
import type { UserFolderLayout } from './user-folder-layout';

export interface InstalledPackage {
	name: string;
	version: string;
	/** `<nodesDir>/node_modules/<name>`. */
	dir: string;
}

export interface UserFolder extends UserFolderLayout {
	package: InstalledPackage;
	/** Milliseconds spent: database (copy or migrations), package install, whole call. */
	timings: { databaseMs: number; installMs: number; totalMs: number };
}

export interface CreateUserFolderOptions {
	/** The package tarball (see packPackage). */
	tarball: string;
	/** Run n8n's migrations in this folder instead of copying a migrated database (about 4.5 s more). */
	freshDatabase?: boolean;
	/** The n8n to run on the folder; default: n8n 2.41.1. */
	install?: N8nInstall;
}

/** The layout of a user folder at `dir` (created if missing), on `port` or a free one. */
export async function layoutAt(dir: string, port?: number): Promise<UserFolderLayout> {
	const n8nDir = join(dir, '.n8n');
	const layout: UserFolderLayout = {
		dir,
		n8nDir,
		nodesDir: join(n8nDir, 'nodes'),
		filesDir: join(dir, 'files'),
		logsDir: join(dir, 'logs'),
		logFile: join(dir, 'logs', 'n8n.log'),
		inputDir: join(dir, 'input'),
		port: port ?? (await freePort()),
		brokerPort: await freePort(),
	};
	for (const folder of [layout.nodesDir, layout.filesDir, layout.logsDir, layout.inputDir]) {
		await mkdir(folder, { recursive: true });
	}
	return layout;
}

async function newLayout(prefix: string): Promise<UserFolderLayout> {
	return await layoutAt(await makeTempDir(prefix));
}

/** n8n migrates a new database on its first command (about 4.5 s); done once per process, then copied. */
const DATABASE_FILES = ['config', 'database.sqlite'];
/** SQLite removes the write-ahead log when it checkpoints on close: copied only when it is there. */
const OPTIONAL_DATABASE_FILES = ['database.sqlite-wal'];
/** Per n8n version (each has its own migrations). */
const templates = new Map<string, Promise<string>>();

async function migratedDatabase(install: N8nInstall | undefined): Promise<string> {
	const key = install?.version ?? 'default';
	let template = templates.get(key);
	if (!template) {
		template = (async () => {
			const layout = { ...(await newLayout('db-template')), install };
			const empty = join(layout.inputDir, 'none.json');
			await writeFile(empty, '[]');
			assertSucceeded(
				'n8n database migrations',
				await run(install?.bin ?? n8nBin(), ['import:credentials', `--input=${empty}`], {
					env: n8nEnv(layout, { N8N_LOG_FILE_LOCATION: join(layout.logsDir, 'migrations.log') }),
				}),
			);
			return layout.n8nDir;
		})();
		templates.set(key, template);
		template.catch(() => templates.delete(key));
	}
	return await template;
}

onCleanup(async () => {
	templates.clear();
});

/** A fresh user folder with the package from `tarball` installed under `.n8n/nodes`, and a migrated database. */
export async function createUserFolder(options: CreateUserFolderOptions): Promise<UserFolder> {
	const started = Date.now();
	const layout = { ...(await newLayout('n8n-user')), install: options.install };
	const database = (async () => {
		const t0 = Date.now();
		if (options.freshDatabase) return 0;
		const from = await migratedDatabase(options.install);
		// The WAL is copied with the database; the -shm index is rebuilt by SQLite on open.
		for (const file of DATABASE_FILES) await copyFile(join(from, file), join(layout.n8nDir, file));
		for (const file of OPTIONAL_DATABASE_FILES) {
			if (existsSync(join(from, file))) await copyFile(join(from, file), join(layout.n8nDir, file));
		}
		return Date.now() - t0;
	})();
	const install = (async () => {
		const t0 = Date.now();
		const installed = await installCommunityPackage(layout.nodesDir, options.tarball);
		return { installed, ms: Date.now() - t0 };
	})();
	const [databaseMs, { installed, ms: installMs }] = await Promise.all([database, install]);
	return { ...layout, package: installed, timings: { databaseMs, installMs, totalMs: Date.now() - started } };
}

/**
 * Installs a package tarball into n8n's community-package folder exactly as n8n 2.41.1's
 * CommunityPackagesService.downloadPackage does after its `npm pack <name>@<version>`:
 *   1. `tar -xzf <tgz> -C <nodesDir>/node_modules/<name> --strip-components=1`
 *   2. drop devDependencies, peerDependencies and optionalDependencies from the unpacked package.json
 *      (so the `n8n-workflow` peer is never installed: the package resolves n8n's own copy)
 *   3. `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
 *       --ignore-scripts=true --package-lock=false` inside the package folder (installs `dependencies`)
 *   4. record `<name>: <version>` in `<nodesDir>/package.json` ({name: 'installed-nodes', private, dependencies})
 * What only the UI path adds, and this does not: the registry checks and the `installed_packages` database
 * row (it only feeds Settings > Community nodes; n8n loads every `n8n-nodes-*` folder it finds in node_modules).
 */
export async function installCommunityPackage(nodesDir: string, tarball: string): Promise<InstalledPackage> {
	const nodeModules = join(nodesDir, 'node_modules');
	await mkdir(nodeModules, { recursive: true });
	// Unpack beside the final folder (a dot-name n8n's scanner ignores) to learn the package name first.
	const staging = await mkdtemp(join(nodeModules, '.unpack-'));
	assertSucceeded(
		'unpacking the package tarball',
		await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1'], { cwd: nodesDir }),
	);
	const packageJsonPath = join(staging, 'package.json');
	const kept = JSON.parse(await readFile(packageJsonPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete kept[key];
	await writeFile(packageJsonPath, JSON.stringify(kept, null, 2), 'utf-8');
	const name = String(kept.name);
	const version = String(kept.version);
	if (!/^(@[a-z0-9][a-z0-9\-._]*\/)?n8n-nodes-[a-z0-9\-._]*$/.test(name)) {
		throw new Error(`${name}: n8n only loads community packages named n8n-nodes-* or @scope/n8n-nodes-*`);
	}
	const dir = join(nodeModules, name);
	await mkdir(dirname(dir), { recursive: true });
	await rename(staging, dir);
	assertSucceeded(
		`npm install in ${dir}`,
		await run(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: dir, env: { ...process.env, PATH: `${node24BinDir()}:${process.env.PATH ?? ''}` } },
		),
	);
	await recordInLedger(nodesDir, name, version);
	return { name, version, dir };
}

async function recordInLedger(nodesDir: string, name: string, version: string): Promise<void> {
	const ledgerPath = join(nodesDir, 'package.json');
	let ledger: { name: string; private: boolean; dependencies: Record<string, string> };
	try {
		ledger = JSON.parse(await readFile(ledgerPath, 'utf8'));
		ledger.dependencies ??= {};
	} catch {
		ledger = { name: 'installed-nodes', private: true, dependencies: {} };
	}
	ledger.dependencies[name] = version;
	await writeFile(ledgerPath, JSON.stringify(ledger, null, 2), 'utf-8');
}
