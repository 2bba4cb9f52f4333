import { startEmulator, type Emulator } from '../../tools/emulator/server';
import { adminJson, bytes, expectNhnFailure, expectNhnSuccess, type Json, KB, MB, NHN_KEYS, nhnFetch, nhnToken, sha256, uploadForm } from './helpers';

const ATTACHMENTS = '/attachment/v1.0/attachments';
const KST_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/;
const DAY_MS = 24 * 60 * 60 * 1000;

let emu: Emulator;
let token: string;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, nhn: NHN_KEYS });
});
afterAll(() => emu.close());
beforeEach(async () => {
	await adminJson(emu, 'POST', '/reset');
	token = await nhnToken(emu);
});

const uploadRes = (file: Buffer | undefined, fileName: string | undefined, fileTypes: string[] = [], onePart = false) =>
	nhnFetch(emu, ATTACHMENTS, { token, body: uploadForm(file, fileName, fileTypes, onePart) });

async function uploadOk(file: Buffer, fileName: string, fileTypes: string[] = []): Promise<string> {
	const body = await expectNhnSuccess(await uploadRes(file, fileName, fileTypes));
	return body.attachmentId;
}

const getAttachment = async (id: string): Promise<Json> => (await expectNhnSuccess(await nhnFetch(emu, `${ATTACHMENTS}/${id}`, { token }))).attachment;

describe('NHN attachment upload and details', () => {
	it('stores a file with its metadata and exact bytes', async () => {
		const data = bytes(21391, 5);
		const id = await uploadOk(data, '테스트 이미지.jpg', ['EMAIL_DEFAULT']);
		expect(id).toMatch(/^\d{14}[A-Za-z0-9]{11}$/);
		const attachment = await getAttachment(id);
		expect(attachment).toMatchObject({
			attachmentId: id,
			fileName: '테스트 이미지.jpg',
			fileFormat: 'JPG',
			fileSizeByte: 21391,
			uploadedFileTypes: ['EMAIL_DEFAULT'],
		});
		expect(attachment.createDateTime).toMatch(KST_DATE);
		expect(Date.parse(attachment.expireDateTime) - Date.parse(attachment.createDateTime)).toBe(7 * DAY_MS);
		const [stored] = emu.snapshot().nhn.attachments;
		expect(stored.sha256).toBe(sha256(data));
	});

	it('takes fileTypes as one part per value or as one comma-separated value', async () => {
		for (const onePart of [false, true]) {
			const res = await uploadRes(bytes(100), 'pic.jpg', ['EMAIL_DEFAULT', 'SMS_DEFAULT', 'RCS_DEFAULT'], onePart);
			const body = await expectNhnSuccess(res);
			expect(body.results).toHaveLength(3);
			expect(body.results.every((r: Json) => r.isSuccessful && r.resultCode === 0)).toBe(true);
			expect((await getAttachment(body.attachmentId)).uploadedFileTypes).toEqual(['EMAIL_DEFAULT', 'SMS_DEFAULT', 'RCS_DEFAULT']);
		}
	});

	it('answers a missing part with 400457', async () => {
		await expectNhnFailure(await uploadRes(undefined, 'a.txt'), 400, 400457);
		await expectNhnFailure(await uploadRes(bytes(10), undefined), 400, 400457);
		const jsonBody = await nhnFetch(emu, ATTACHMENTS, { token, json: { fileName: 'a.txt' } });
		await expectNhnFailure(jsonBody, 400, 400457);
		expect(emu.snapshot().nhn.attachments).toHaveLength(0);
	});

	it('rejects an unknown file type', async () => {
		await expectNhnFailure(await uploadRes(bytes(10), 'a.jpg', ['FRIENDTALK_IMAGE']), 400, 400100);
	});

	it.each([
		['SMS_DEFAULT', 'a.jpg', 300 * KB],
		['SMS_TEMPLATE', 'a.jpeg', 300 * KB],
		['RCS_DEFAULT', 'a.gif', 1 * MB],
		['ALIMTALK_IMAGE', 'a.png', 500 * KB],
		['ALIMTALK_ITEM_HIGHLIGHT_IMAGE', 'a.jpg', 500 * KB],
	])('%s takes %s up to its limit and answers 400612 one byte over', async (fileType, fileName, limit) => {
		await uploadOk(bytes(limit), fileName, [fileType]);
		const body = await expectNhnFailure(await uploadRes(bytes(limit + 1), fileName, [fileType]), 400, 400612);
		expect(body.results).toEqual([expect.objectContaining({ isSuccessful: false, resultCode: 400612 })]);
		expect(body.attachmentId).toBeUndefined();
		expect(emu.snapshot().nhn.attachments).toHaveLength(1);
	});

	it.each([
		['SMS_DEFAULT', 'a.png'],
		['RCS_DEFAULT', 'a.webp'],
		['ALIMTALK_IMAGE', 'a.gif'],
		['EMAIL_DEFAULT', 'setup.exe'],
		['EMAIL_TEMPLATE', 'script.JS'],
		['EMAIL_DEFAULT', 'run.bat'],
	])('%s refuses %s with 400613', async (fileType, fileName) => {
		await expectNhnFailure(await uploadRes(bytes(10), fileName, [fileType]), 400, 400613);
	});

	it('takes any size up to 30 MB without file types and answers 400612 above', async () => {
		await uploadOk(bytes(30 * MB), 'big.zip');
		await expectNhnFailure(await uploadRes(bytes(30 * MB + 1), 'bigger.zip'), 400, 400612);
	});

	it('stores a partly valid upload with only the passing types and reports the failing one in results', async () => {
		const res = await uploadRes(bytes(400 * KB), 'photo.jpg', ['EMAIL_DEFAULT', 'SMS_DEFAULT']);
		const body = await expectNhnSuccess(res);
		expect(body.results.map((r: Json) => r.resultCode)).toEqual([0, 400612]);
		expect((await getAttachment(body.attachmentId)).uploadedFileTypes).toEqual(['EMAIL_DEFAULT']);
	});

	it('answers a missing or expired attachment with 404202', async () => {
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}/20240101000000abcdefghijk`, { token }), 404, 404202);
		const id = await uploadOk(bytes(10), 'a.txt');
		await adminJson(emu, 'POST', '/clock', { advanceMs: 7 * DAY_MS + 1000 });
		const fresh = await nhnToken(emu);
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}/${id}`, { token: fresh }), 404, 404202);
	});
});

describe('NHN previewUrl', () => {
	it('serves the stored bytes without auth headers, then expires', async () => {
		const data = bytes(5000, 9);
		const id = await uploadOk(data, 'photo.png', ['RCS_DEFAULT']);
		const { previewUrl } = await getAttachment(id);
		expect(previewUrl.startsWith(`${emu.url}/`)).toBe(true);
		const res = await fetch(previewUrl);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
		await adminJson(emu, 'POST', '/clock', { advanceMs: 11 * 60 * 1000 });
		expect((await fetch(previewUrl)).status).toBe(403);
		expect((await fetch(`${emu.url}/nhn-preview/unknown`)).status).toBe(404);
	});
});

describe('NHN validation and file-type updates', () => {
	it('validates before upload without storing; header fails if any type fails', async () => {
		const ok = await expectNhnSuccess(await nhnFetch(emu, `${ATTACHMENTS}/do-validate`, { token, body: uploadForm(bytes(100), 'a.jpg', ['SMS_DEFAULT', 'EMAIL_DEFAULT']) }));
		expect(ok.results).toHaveLength(2);
		const bad = await nhnFetch(emu, `${ATTACHMENTS}/do-validate`, { token, body: uploadForm(bytes(100), 'a.png', ['EMAIL_DEFAULT', 'SMS_DEFAULT']) });
		const body = await expectNhnFailure(bad, 400, 400613);
		expect(body.results.map((r: Json) => r.isSuccessful)).toEqual([true, false]);
		expect(emu.snapshot().nhn.attachments).toHaveLength(0);
	});

	it('validates an uploaded file against new types (JSON only)', async () => {
		const id = await uploadOk(bytes(600 * KB), 'big.png', ['EMAIL_DEFAULT']);
		const path = `${ATTACHMENTS}/${id}/do-validate`;
		const ok = await expectNhnSuccess(await nhnFetch(emu, path, { token, json: { fileTypes: ['RCS_DEFAULT'] } }));
		expect(ok.results).toEqual([{ isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' }]);
		const bad = await expectNhnFailure(await nhnFetch(emu, path, { token, json: { fileTypes: ['RCS_DEFAULT', 'ALIMTALK_IMAGE'] } }), 400, 400612);
		expect(bad.results.map((r: Json) => r.resultCode)).toEqual([0, 400612]);
		await expectNhnFailure(await nhnFetch(emu, path, { token, body: uploadForm(bytes(1), 'x.jpg', ['RCS_DEFAULT']) }), 400, 400460);
		await expectNhnFailure(await nhnFetch(emu, path, { token, json: {} }), 400, 400100);
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}/nope/do-validate`, { token, json: { fileTypes: ['RCS_DEFAULT'] } }), 404, 404202);
	});

	it('updates file types only when every type passes', async () => {
		const id = await uploadOk(bytes(200 * KB), 'a.jpg', ['EMAIL_DEFAULT']);
		const path = `${ATTACHMENTS}/${id}/file-types`;
		const types = ['EMAIL_DEFAULT', 'SMS_DEFAULT', 'RCS_DEFAULT', 'ALIMTALK_IMAGE'];
		const ok = await expectNhnSuccess(await nhnFetch(emu, path, { token, json: { fileTypes: types } }));
		expect(ok.results).toHaveLength(4);
		expect((await getAttachment(id)).uploadedFileTypes).toEqual(types);
		const pngId = await uploadOk(bytes(10), 'a.png', ['EMAIL_DEFAULT']);
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}/${pngId}/file-types`, { token, json: { fileTypes: ['SMS_DEFAULT'] } }), 400, 400613);
		expect((await getAttachment(pngId)).uploadedFileTypes).toEqual(['EMAIL_DEFAULT']);
		await expectNhnFailure(await nhnFetch(emu, path, { token, body: 'fileTypes=SMS_DEFAULT', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 400, 400460);
	});
});

describe('NHN listing', () => {
	it('lists file types per channel', async () => {
		const types = async (channel?: string) =>
			(await expectNhnSuccess(await nhnFetch(emu, `${ATTACHMENTS}/file-types${channel ? `?messageChannel=${channel}` : ''}`, { token }))).fileTypes;
		expect(await types('EMAIL')).toEqual(['EMAIL_DEFAULT', 'EMAIL_TEMPLATE']);
		expect(await types('SMS')).toEqual(['SMS_DEFAULT', 'SMS_TEMPLATE']);
		expect(await types('RCS')).toEqual(['RCS_DEFAULT']);
		expect(await types('ALIMTALK')).toEqual(['ALIMTALK_IMAGE', 'ALIMTALK_ITEM_HIGHLIGHT_IMAGE']);
		expect(await types('PUSH')).toEqual([]);
		expect(await types()).toHaveLength(7);
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}/file-types?messageChannel=FAX`, { token }), 400, 400100);
	});

	it('pages with limit (default 50, max 1000) and offset, and filters', async () => {
		await adminJson(emu, 'POST', '/seed-nhn', { count: 1100, fileTypes: ['SMS_DEFAULT'] });
		await uploadOk(bytes(10), 'invoice-2024.pdf', ['EMAIL_DEFAULT']);
		const list = async (query: string) => expectNhnSuccess(await nhnFetch(emu, `${ATTACHMENTS}${query}`, { token }));
		const first = await list('');
		expect(first.totalCount).toBe(1101);
		expect(first.attachments).toHaveLength(50);
		expect(first.attachments[0].fileName).toBe('invoice-2024.pdf');
		expect(first.attachments[0].previewUrl).toBeUndefined();
		expect((await list('?limit=1000')).attachments).toHaveLength(1000);
		const second = await list('?limit=1000&offset=1000');
		expect(second.attachments).toHaveLength(101);
		const ids = new Set([...(await list('?limit=1000')).attachments, ...second.attachments].map((a: Json) => a.attachmentId));
		expect(ids.size).toBe(1101);
		expect((await list('?offset=5000')).attachments).toEqual([]);
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}?limit=1001`, { token }), 400, 400100);
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}?limit=0`, { token }), 400, 400100);
		await expectNhnFailure(await nhnFetch(emu, `${ATTACHMENTS}?offset=-1`, { token }), 400, 400100);
		expect((await list('?messageChannel=EMAIL')).totalCount).toBe(1);
		expect((await list('?messageChannel=SMS')).totalCount).toBe(1100);
		expect((await list('?messageChannel=PUSH')).totalCount).toBe(0);
		expect((await list('?fileType=EMAIL_DEFAULT')).totalCount).toBe(1);
		expect((await list('?fileName=invoice')).totalCount).toBe(1);
		expect((await list('?fileName=seed-00100')).totalCount).toBe(10);
	});

	it('does not list expired attachments', async () => {
		await uploadOk(bytes(10), 'old.txt');
		await adminJson(emu, 'POST', '/clock', { advanceMs: 7 * DAY_MS - 60_000 });
		token = await nhnToken(emu);
		await uploadOk(bytes(10), 'new.txt');
		await adminJson(emu, 'POST', '/clock', { advanceMs: 120_000 });
		const body = await expectNhnSuccess(await nhnFetch(emu, ATTACHMENTS, { token }));
		expect(body.totalCount).toBe(1);
		expect(body.attachments[0].fileName).toBe('new.txt');
	});
});
