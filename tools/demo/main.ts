/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- demo tooling: starts a real n8n and the emulator, never published */
// The README's demo: a real n8n with this package installed as a user installs it, the emulator of both APIs,
// credentials pointing at the emulator and the example workflows. Ctrl-C stops both, and nothing else.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { DEMO_KEYS, startEmulator, type Emulator } from '../emulator/server';
import { stopOnSignal } from '../emulator/stop-on-signal';
import {
	EXAMPLE_FILES,
	emulatorCredentials,
	loadExample,
	projectRoot,
	SAMPLE_DIR,
	writeSampleFile,
} from '../n8n-harness/fixtures';
import {
	E2E_OWNER,
	importCredentials,
	importWorkflow,
	installCommunityPackage,
	layoutAt,
	packPackage,
	startServer,
	type RunningN8n,
	type UserFolderLayout,
} from '../n8n-harness';

const EDITOR_PORT = Number(process.env.DEMO_N8N_PORT ?? 5678);
const EMULATOR_PORT = Number(process.env.DEMO_EMULATOR_PORT ?? 8787);
const PACKAGE_NAME = 'n8n-nodes-ncp-nhn-attachment';

/** The demo's user folder lives in the clone (`.demo/`, git-ignored), so later starts reuse its database. */
async function demoLayout(): Promise<UserFolderLayout> {
	return await layoutAt(join(projectRoot(), '.demo', 'n8n'), EDITOR_PORT);
}

function step(message: string): void {
	process.stdout.write(`==> ${message}\n`);
}

/** The whole command's time when scripts/demo started the clock (installs and build included), else this process's. */
function wholeCommandMs(processStarted: number): number {
	const startedAt = Number(process.env.DEMO_STARTED_AT_MS);
	return Date.now() - (Number.isFinite(startedAt) && startedAt > 0 ? startedAt : processStarted);
}

function banner(emulator: Emulator, server: RunningN8n, readyMs: number, wholeMs: number, fileFolders: string[]): string {
	return [
		'',
		`n8n is ready: open ${server.baseUrl}`,
		`  Took       ${(wholeMs / 1000).toFixed(1)} s for the whole command (installs and build included); n8n itself started in ${(readyMs / 1000).toFixed(1)} s`,
		`  Files      Read/Write Files from Disk may use only ${fileFolders.join(' and ')} (N8N_RESTRICT_FILE_ACCESS_TO)`,
		`  Login      ${E2E_OWNER.email} / ${E2E_OWNER.password}`,
		`  Workflows  ${EXAMPLE_FILES.map((file) => file.replace(/\.json$/, '')).join(', ')}`,
		`  Node       search "attachment", "NHN", "NCP" or "NAVER" in the node panel`,
		'',
		`Emulator of both APIs on ${emulator.url} (state: ${emulator.adminUrl}/state)`,
		`  NCP base URL ${emulator.ncpBaseUrl}  keys ${DEMO_KEYS.ncp.accessKeyId} / ${DEMO_KEYS.ncp.secretKey}`,
		`  NHN API ${emulator.nhnApiBaseUrl}  token ${emulator.nhnTokenUrl}`,
		`  NHN app key ${DEMO_KEYS.nhn.appKey}  user access key ${DEMO_KEYS.nhn.userAccessKeyId} / ${DEMO_KEYS.nhn.secretAccessKey}`,
		'',
		'Ctrl-C stops n8n and the emulator.',
		'',
	].join('\n');
}

async function main(): Promise<void> {
	const started = Date.now();
	const layout = await demoLayout();

	step('Installing the packed package into the demo n8n user folder (.demo/n8n/.n8n/nodes)');
	const tarball = await packPackage(projectRoot());
	await rm(join(layout.nodesDir, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	await installCommunityPackage(layout.nodesDir, tarball);

	step(`Starting the emulator on 127.0.0.1:${EMULATOR_PORT}`);
	const emulator = await startEmulator({ port: EMULATOR_PORT });
	await writeSampleFile();

	step('Importing the demo credentials and the example workflows');
	await importCredentials(layout, emulatorCredentials(emulator));
	await importWorkflow(layout, await Promise.all(EXAMPLE_FILES.map(async (file) => await loadExample(file, emulator))));

	step(`Starting n8n on 127.0.0.1:${EDITOR_PORT}`);
	const fileFolders = [layout.filesDir, SAMPLE_DIR];
	const serverStarted = Date.now();
	const server = await startServer(layout, {
		env: { N8N_RESTRICT_FILE_ACCESS_TO: fileFolders.join(';') },
	});
	process.stdout.write(banner(emulator, server, Date.now() - serverStarted, wholeCommandMs(started), fileFolders));

	stopOnSignal('n8n and the emulator', () => Promise.all([server.stop(), emulator.close()]));
}

main().catch((error: Error) => {
	process.stderr.write(`Demo failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
