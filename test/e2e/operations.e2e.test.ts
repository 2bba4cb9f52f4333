/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- e2e tests: read what n8n exported, print one timing line per case; never published */
// Every operation of both providers, in a real n8n 2.41.1 with the package installed from its packed tarball,
// against the emulator: run data and emulator state are both checked. Also: binary data from disk and from a
// Code node, the NHN token expiring between two runs, and Continue On Fail. One user folder and one emulator for
// the whole file; the emulator is reset before each case.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { cleanupE2e, n8nCli, nodeOutputItems, nodeOutputJson } from '../../tools/n8n-harness';
import { CREDENTIAL_IDS } from '../../tools/n8n-harness/fixtures';
import { DAY_MS, sha256 } from './helpers/emulator';
import { answered, pairedItems } from './helpers/operation-checks';
import { INLINE, INVOICE, NOTES, PHOTO, TOOL } from './helpers/operation-files';
import { OPERATION_WORKFLOWS, WF } from './helpers/operation-workflows';
import { E2eSuite } from './helpers/suite';
import { budgetForCommands, E2E_TEST_MS } from './helpers/budgets';

jest.setTimeout(E2E_TEST_MS);

describe('every operation in a real n8n against the emulator', () => {
	let suite: E2eSuite;

	beforeAll(async () => {
		suite = await E2eSuite.start('operations', OPERATION_WORKFLOWS);
	}, budgetForCommands(3));

	beforeEach(async () => {
		await suite.emulator.reset();
	});

	afterAll(async () => {
		if (suite) {
			console.log(suite.timingReport());
			await suite.close();
		}
		await cleanupE2e();
	});

	it('NCP: uploads two binary fields in one request and one request per file, gets and deletes', async () => {
		await suite.timed('NCP upload (single, per file), get, delete', async () => {
			const run = await suite.executeOk(WF.ncp);
			const emu = await suite.emulator.state();

			const [single] = nodeOutputJson(run, 'Upload in one request');
			expect(single.tempRequestIds).toEqual([single.tempRequestId]);
			expect(single.files).toEqual([
				{ fileName: 'invoice.pdf', fileSize: INVOICE.bytes.length, fileId: expect.any(String), tempRequestId: single.tempRequestId },
				{ fileName: '메모.txt', fileSize: NOTES.bytes.length, fileId: expect.any(String), tempRequestId: single.tempRequestId },
			]);
			expect(single.fileIds).toEqual((single.files as Array<{ fileId: string }>).map((f) => f.fileId));

			const [got] = nodeOutputJson(run, 'Get');
			expect(got).toEqual({ tempRequestId: single.tempRequestId, tempRequestIds: [single.tempRequestId], files: single.files, fileIds: single.fileIds });
			const [deleted] = nodeOutputJson(run, 'Delete');
			expect(deleted).toEqual({ ...got, deleted: true });

			const [perFile] = nodeOutputJson(run, 'Upload per file');
			expect(perFile.tempRequestIds).toHaveLength(2);
			expect(perFile.tempRequestId).toBe((perFile.tempRequestIds as string[]).join(','));
			expect((perFile.files as Array<{ fileName: string }>).map((f) => f.fileName)).toEqual(['invoice.pdf', '메모.txt']);

			// Stored: only the per-file upload (the single one was deleted), byte for byte.
			expect(emu.ncp.files).toEqual([
				{ tempRequestId: (perFile.tempRequestIds as string[])[0], fileId: (perFile.fileIds as string[])[0], fileName: 'invoice.pdf', size: INVOICE.bytes.length, sha256: sha256(INVOICE.bytes) },
				{ tempRequestId: (perFile.tempRequestIds as string[])[1], fileId: (perFile.fileIds as string[])[1], fileName: '메모.txt', size: NOTES.bytes.length, sha256: sha256(NOTES.bytes) },
			]);
			// Every request was signed correctly (no 401), in this order.
			expect(emu.requests.map((r) => `${r.method} ${r.path.replace(single.tempRequestId as string, '{single}')} ${r.status}`)).toEqual([
				'POST /ncp/api/v1/files 201',
				'GET /ncp/api/v1/files/{single} 200',
				'DELETE /ncp/api/v1/files/{single} 200',
				'POST /ncp/api/v1/files 201',
				'POST /ncp/api/v1/files 201',
			]);
		});
	});

	it('NHN: upload, get with download, validate uploaded, update file types, list file types, validate before upload', async () => {
		await suite.timed('NHN upload, get+download, validate (uploaded, before upload), update file types, list file types', async () => {
			const run = await suite.executeOk(WF.nhn);
			const emu = await suite.emulator.state();

			const [uploaded] = nodeOutputJson(run, 'Upload');
			expect(uploaded).toEqual({ attachmentId: expect.any(String), fileName: 'photo.jpg', fileSizeByte: PHOTO.bytes.length, fileTypes: ['EMAIL_DEFAULT'] });
			const attachmentId = uploaded.attachmentId as string;

			const [got] = nodeOutputItems(run, 'Get and download');
			expect(got.json).toMatchObject({ attachmentId, fileName: 'photo.jpg', fileSizeByte: PHOTO.bytes.length, uploadedFileTypes: ['EMAIL_DEFAULT'] });
			expect(got.json.previewUrl).toEqual(expect.stringContaining('/nhn-preview/'));
			expect(got.binary?.file).toMatchObject({ fileName: 'photo.jpg', mimeType: 'image/jpeg' });
			expect((await suite.binaryBytes(got.binary!.file)).equals(PHOTO.bytes)).toBe(true);

			expect(nodeOutputJson(run, 'Validate uploaded')).toEqual([
				{
					attachmentId,
					valid: true,
					fileTypes: ['SMS_DEFAULT', 'RCS_DEFAULT'],
					results: [
						{ fileType: 'SMS_DEFAULT', valid: true, code: '0', message: 'SUCCESS' },
						{ fileType: 'RCS_DEFAULT', valid: true, code: '0', message: 'SUCCESS' },
					],
				},
			]);
			expect(nodeOutputJson(run, 'Update file types')).toEqual([
				{ attachmentId, fileTypes: ['EMAIL_DEFAULT', 'SMS_DEFAULT', 'RCS_DEFAULT'], updated: true },
			]);
			expect(nodeOutputJson(run, 'List file types')).toEqual([{ messageChannel: 'SMS', fileTypes: ['SMS_DEFAULT', 'SMS_TEMPLATE'] }]);

			// Validation verdicts are data, one item per input item: the photo passes, the .exe fails both types.
			const verdicts = nodeOutputItems(run, 'Validate before upload');
			expect(pairedItems(verdicts)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(verdicts[0].json).toMatchObject({ fileName: 'photo.jpg', valid: true, fileTypes: ['EMAIL_DEFAULT', 'SMS_DEFAULT'] });
			expect(verdicts[1].json).toMatchObject({
				fileName: 'tool.exe',
				fileSizeByte: TOOL.bytes.length,
				valid: false,
				results: [
					{ fileType: 'EMAIL_DEFAULT', valid: false, code: '400613', message: expect.stringContaining('Invalid media format') },
					{ fileType: 'SMS_DEFAULT', valid: false, code: '400613', message: expect.stringContaining('Invalid media format') },
				],
			});

			// One attachment stored (validation stores nothing), with the uploaded bytes and the updated types.
			expect(emu.nhn.attachments).toEqual([
				expect.objectContaining({ attachmentId, fileName: 'photo.jpg', size: PHOTO.bytes.length, sha256: sha256(PHOTO.bytes), uploadedFileTypes: ['EMAIL_DEFAULT', 'SMS_DEFAULT', 'RCS_DEFAULT'] }),
			]);
			// With their answers (a first 401 is the stored token of an earlier case, renewed and resent). The nodes run
			// one after another, so their requests come in node order; the two items of Validate before upload run
			// concurrently, so their two requests may arrive in either order.
			const nhnCalls = answered(emu.requests.filter((r) => r.service === 'nhn')).map(
				(r) => `${r.method} ${r.path.replace(attachmentId, '{id}')} ${r.status}`,
			);
			expect(nhnCalls.slice(0, 5)).toEqual([
				'POST /nhn/attachment/v1.0/attachments 200',
				'GET /nhn/attachment/v1.0/attachments/{id} 200',
				'POST /nhn/attachment/v1.0/attachments/{id}/do-validate 200',
				'POST /nhn/attachment/v1.0/attachments/{id}/file-types 200',
				'GET /nhn/attachment/v1.0/attachments/file-types 200',
			]);
			expect(nhnCalls.slice(5).sort()).toEqual([
				'POST /nhn/attachment/v1.0/attachments/do-validate 200',
				'POST /nhn/attachment/v1.0/attachments/do-validate 400',
			]);
			expect(emu.requests.filter((r) => r.service === 'nhn-preview').map((r) => r.status)).toEqual([200]);
		});
	});

	it('NHN list: a limit, Return All over more than 1000 attachments (paged), and a channel filter', async () => {
		await suite.timed('NHN list: limit 7, return all of 1205 (2 pages), channel filter', async () => {
			await suite.emulator.seedNhn(1200);
			await suite.emulator.seedNhn(5, ['SMS_DEFAULT']);
			const stored = (await suite.emulator.state()).nhn.attachments;
			expect(stored).toHaveLength(1205);
			const newestFirst = stored.map((a) => a.attachmentId).reverse();

			const run = await suite.executeOk(WF.list);
			const emu = await suite.emulator.state();

			expect(nodeOutputJson(run, 'List 7').map((a) => a.attachmentId)).toEqual(newestFirst.slice(0, 7));
			const all = nodeOutputItems(run, 'List all');
			expect(all).toHaveLength(1205);
			expect(all.map((item) => item.json.attachmentId)).toEqual(newestFirst);
			expect(all[0].json).toEqual({
				attachmentId: newestFirst[0],
				fileName: 'seed-001205.jpg',
				fileFormat: 'JPG',
				fileSizeByte: expect.any(Number),
				createDateTime: expect.stringMatching(/\+09:00$/),
				expireDateTime: expect.stringMatching(/\+09:00$/),
				uploadedFileTypes: ['SMS_DEFAULT'],
			});
			expect(all.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(nodeOutputJson(run, 'List SMS').map((a) => a.attachmentId)).toEqual(newestFirst.slice(0, 5));

			// Pages as expected, in execution order (v1 runs the topmost branch first: the filter, then 7, then all):
			// one page for the filter; 7 at once; 1000 + 205.
			const listCalls = answered(emu.requests.filter((r) => r.service === 'nhn')).map((r) => [
				`${r.method} ${r.path} ${r.status}`,
				Object.fromEntries(new URLSearchParams(r.query)),
			]);
			const list = 'GET /nhn/attachment/v1.0/attachments 200';
			expect(listCalls).toEqual([
				[list, { messageChannel: 'SMS', limit: '1000', offset: '0' }],
				[list, { limit: '7', offset: '0' }],
				[list, { limit: '1000', offset: '0' }],
				[list, { limit: '1000', offset: '1000' }],
			]);
		});
	});

	it('uploads binary data read from disk (filesystem mode) and made inline by a Code node', async () => {
		await suite.timed('binary from disk and from a Code node, both providers', async () => {
			const run = await suite.executeOk(WF.sources);
			const emu = await suite.emulator.state();

			const [fromDisk] = nodeOutputItems(run, 'Read from disk');
			expect(fromDisk.binary?.data.id).toMatch(/^filesystem/);
			expect(fromDisk.binary?.data.data).toBe('filesystem-v2');
			const [inline] = nodeOutputItems(run, 'Inline file');
			expect(inline.binary?.data.id).toBeUndefined();
			expect(inline.binary?.data.data).toBe(INLINE.bytes.toString('base64'));

			const [ncpDisk] = nodeOutputJson(run, 'NCP from disk');
			const [ncpInline] = nodeOutputJson(run, 'NCP inline');
			const [nhnDisk] = nodeOutputJson(run, 'NHN from disk');
			const [nhnInline] = nodeOutputJson(run, 'NHN inline');
			const ncpBySha = Object.fromEntries(emu.ncp.files.map((f) => [f.fileId, [f.fileName, f.size, f.sha256]]));
			expect(ncpBySha).toEqual({
				[(ncpDisk.fileIds as string[])[0]]: ['invoice.pdf', suite.sample.bytes.length, suite.sample.sha256],
				[(ncpInline.fileIds as string[])[0]]: ['inline.txt', INLINE.bytes.length, sha256(INLINE.bytes)],
			});
			const nhnBySha = Object.fromEntries(emu.nhn.attachments.map((a) => [a.attachmentId, [a.fileName, a.size, a.sha256]]));
			expect(nhnBySha).toEqual({
				[nhnDisk.attachmentId as string]: ['invoice.pdf', suite.sample.bytes.length, suite.sample.sha256],
				[nhnInline.attachmentId as string]: ['inline.txt', INLINE.bytes.length, sha256(INLINE.bytes)],
			});
		});
	});

	it('renews an NHN token that expired between two runs, once, resends the upload, and stores the new token', async () => {
		await suite.timed('NHN token expiring between two runs', async () => {
			const UPLOAD = '/nhn/attachment/v1.0/attachments';
			// Run 1 gets a token (the credential's stored one, if any, is unknown to the emulator after the reset).
			await suite.executeOk(WF.token);
			const first = await suite.emulator.state();
			expect(first.nhn.tokensIssued).toBe(1);
			const [firstToken] = suite.emulator.liveTokens();

			// The token expires: a day and a minute pass on the emulator's clock.
			await suite.emulator.advanceClock(DAY_MS + 60_000);

			// Run 2: the stored token is refused as expired; n8n renews it and resends the multipart upload, without
			// user action.
			const second = await suite.executeOk(WF.token);
			const afterRenewal = await suite.emulator.state();
			expect(afterRenewal.nhn.tokensIssued).toBe(2);
			const newToken = suite.emulator.liveTokens().find((token) => token !== firstToken);
			expect(newToken).toBeDefined();
			const uploads = afterRenewal.requests.filter((r) => r.method === 'POST' && r.path === UPLOAD).map((r) => r.status);
			expect(uploads.slice(-2)).toEqual([401, 200]);
			const [uploaded] = nodeOutputJson(second, 'Upload');
			expect(afterRenewal.nhn.attachments.at(-1)).toMatchObject({ attachmentId: uploaded.attachmentId, sha256: sha256(PHOTO.bytes) });
			expect(afterRenewal.nhn.attachments).toHaveLength(2);

			// The credential as stored holds the new token (a decrypted export, read here only: it is not n8n output
			// and not part of the secret scan).
			const exportFile = join(suite.folder.inputDir, 'credentials-after-renewal.json');
			const exported = await n8nCli(suite.folder, ['export:credentials', '--all', '--decrypted', `--output=${exportFile}`]);
			suite.recordCommand(exported.ms);
			expect(exported.exitCode).toBe(0);
			const credentials = JSON.parse(await readFile(exportFile, 'utf8')) as Array<{ id: string; data: Record<string, unknown> }>;
			const nhn = credentials.find((c) => c.id === CREDENTIAL_IDS.nhn);
			expect(nhn?.data.issuedAccessToken).toBe(newToken);
			expect(Number(nhn?.data.issuedAccessTokenExpiresAt)).toBeGreaterThan(Date.now());

			// Run 3: the stored token is used as is; no token is requested, nothing is refused.
			await suite.executeOk(WF.token);
			const third = await suite.emulator.state();
			expect(third.nhn.tokensIssued).toBe(2);
			expect(third.nhn.tokenRequests).toBe(afterRenewal.nhn.tokenRequests);
			expect(third.requests.slice(afterRenewal.requests.length).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`POST ${UPLOAD} 200`]);
		});
	});

	it('Continue On Fail: three items, the middle one refused by the API, three output items paired 0, 1, 2', async () => {
		await suite.timed('Continue On Fail (3 items, middle fails)', async () => {
			const run = await suite.executeOk(WF.continueOnFail);
			const items = nodeOutputItems(run, 'Get');
			expect(items).toHaveLength(3);
			expect(pairedItems(items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			const uploads = nodeOutputJson(run, 'Upload');
			expect(items[0].json).toMatchObject({ tempRequestId: uploads[0].tempRequestId, fileIds: uploads[0].fileIds });
			expect(items[2].json).toMatchObject({ tempRequestId: uploads[2].tempRequestId, fileIds: uploads[2].fileIds });
			expect(items[1].json).toMatchObject({
				error: expect.stringMatching(/^NAVER Cloud Outbound Mailer: HTTP 400, code 77103: /),
				httpCode: '400',
				apiCode: '77103',
			});
			// Items run concurrently (default 10): the requests may arrive in any order, one each.
			const emu = await suite.emulator.state();
			const gets = emu.requests.filter((r) => r.method === 'GET').map((r) => `${r.path.split('/').pop()} ${r.status}`);
			expect(gets.sort()).toEqual(
				[`${uploads[0].tempRequestId} 200`, 'no-such-temp-request-id 400', `${uploads[2].tempRequestId} 200`].sort(),
			);
		});
	});

	it('no secret key, secret access key or issued token appears in any run output or log', async () => {
		await suite.timed('secret scan of every run output and log', async () => {
			expect(suite.emulator.issuedTokens().length).toBeGreaterThan(0);
			expect(suite.secretFindings()).toEqual([]);
		});
	});
});
