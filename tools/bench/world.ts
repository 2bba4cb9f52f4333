/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark tooling: writes its input files into the n8n user folder, never published */
// The benchmark's world: the packed package installed in a fresh n8n user folder, the emulator, the input files
// where Read/Write Files from Disk may read them, the credentials and the workflows; then a warm-up run.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { emulatorCredentials, projectRoot } from '../n8n-harness/fixtures';
import { createUserFolder, importCredentials, importWorkflow, packPackage } from '../n8n-harness';
import { startEmulator } from '../emulator/server';
import { EmulatorControl } from './emulator-control';
import { check, execute, step, type World } from './runs';
import { BIG_BYTES, BIG_COUNT, CREDENTIALS, MANY_BYTES, MANY_COUNT, SMALL_BYTES, TOKEN_ITEMS, WF } from './settings';
import {
	httpRequestListAllWorkflow,
	httpRequestUploadWorkflow,
	listAllWorkflow,
	listFileTypesWorkflow,
	nodeUploadTwiceWorkflow,
	nodeUploadWorkflow,
	readOnlyWorkflow,
} from './workflows';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export async function setUp(): Promise<World> {
	step('Packing the package and installing it in a fresh n8n user folder; starting the emulator');
	const tarball = await packPackage(projectRoot());
	const [folder, emulator] = await Promise.all([createUserFolder({ tarball }), startEmulator({ port: 0 })]);
	const emu = new EmulatorControl(emulator);

	step('Writing the input files (25 MiB, 1 KiB, 200 x 64 KiB, 10 x 25 MiB) where Read/Write Files from Disk may read them');
	const bigBytes = randomBytes(BIG_BYTES);
	const big = join(folder.filesDir, 'bench-25MiB.bin');
	const small = join(folder.filesDir, 'bench-1KiB.bin');
	const manyDir = join(folder.filesDir, 'many');
	await mkdir(manyDir, { recursive: true });
	await writeFile(big, bigBytes);
	await writeFile(small, randomBytes(SMALL_BYTES));
	for (let i = 0; i < MANY_COUNT; i++) await writeFile(join(manyDir, `file-${String(i).padStart(3, '0')}.bin`), randomBytes(MANY_BYTES));
	const bigManyDir = join(folder.filesDir, 'big-many');
	await mkdir(bigManyDir, { recursive: true });
	for (let i = 0; i < BIG_COUNT; i++) await writeFile(join(bigManyDir, `big-${i}.bin`), randomBytes(BIG_BYTES));

	step('Importing the credentials and the workflows');
	const [, nhn] = emulatorCredentials(emulator);
	await importCredentials(folder, [nhn, { ...nhn, id: CREDENTIALS.fresh.id, name: CREDENTIALS.fresh.name }]);
	// Uploads are POSTed to it, lists are GETs of it.
	const uploadUrl = `${emulator.nhnApiBaseUrl}/attachment/v1.0/attachments`;
	await importWorkflow(folder, [
		listFileTypesWorkflow(WF.warmup, CREDENTIALS.main, 1),
		nodeUploadTwiceWorkflow(WF.bigTwice, big, CREDENTIALS.main),
		nodeUploadWorkflow(WF.big, big, CREDENTIALS.main),
		nodeUploadWorkflow(WF.small, small, CREDENTIALS.main),
		readOnlyWorkflow(WF.readBig, big),
		readOnlyWorkflow(WF.readSmall, small),
		nodeUploadWorkflow(WF.manyC5, `${manyDir}/*.bin`, CREDENTIALS.main),
		nodeUploadWorkflow(WF.manyC1, `${manyDir}/*.bin`, CREDENTIALS.main, 1),
		httpRequestUploadWorkflow(WF.manyHttp, `${manyDir}/*.bin`, uploadUrl, CREDENTIALS.main),
		listAllWorkflow(WF.listC5, CREDENTIALS.main),
		listAllWorkflow(WF.listC1, CREDENTIALS.main, 1),
		httpRequestListAllWorkflow(WF.listHttp, uploadUrl, CREDENTIALS.main),
		nodeUploadWorkflow(WF.bigMany, `${bigManyDir}/*.bin`, CREDENTIALS.main),
		httpRequestUploadWorkflow(WF.bigManyHttp, `${bigManyDir}/*.bin`, uploadUrl, CREDENTIALS.main),
		readOnlyWorkflow(WF.readBigMany, `${bigManyDir}/*.bin`),
		listFileTypesWorkflow(WF.tokens, CREDENTIALS.fresh, TOKEN_ITEMS),
	]);
	return { folder, emu, files: { big, small, manyDir, bigManyDir, bigSha: sha256(bigBytes) }, uploadUrl };
}

export async function warmUp(world: World): Promise<void> {
	step('Warm-up run: the credential gets its token (stored, as between real runs) and the disk cache is warm');
	await world.emu.reset();
	await execute(world, WF.warmup, 'warm-up (list file types, 1 item)');
	const state = await world.emu.state();
	check(state.nhn.tokensIssued === 1, `the warm-up issued ${state.nhn.tokensIssued} tokens, expected 1`);
}
