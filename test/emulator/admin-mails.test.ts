// GET /__admin/mails (both services' accepted mails in one shape) and the per-service records in GET /__admin/state.
import { startEmulator, type Emulator } from '../../tools/emulator/server';
import { admin, adminJson, bytes, type Json, NCP_KEYS, ncpPostMail, ncpUploadFiles, NHN_KEYS, nhnFetch, nhnToken, sha256, uploadForm } from './helpers';

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, ncp: NCP_KEYS, nhn: NHN_KEYS });
});
afterAll(() => emu.close());
beforeEach(() => adminJson(emu, 'POST', '/reset'));

async function sendBoth(data: Buffer): Promise<{ ncpId: string; nhnId: string; fileId: string; attachmentId: string }> {
	const token = await nhnToken(emu);
	const upload = await nhnFetch(emu, '/attachment/v1.0/attachments', { token, body: uploadForm(data, 'nhn.pdf', ['EMAIL_DEFAULT']) });
	const { attachmentId } = (await upload.json()) as Json;
	const nhn = await nhnFetch(emu, '/message/v1.0/EMAIL/free-form-messages/NORMAL', {
		token,
		json: {
			sender: { senderMailAddress: 'from@example.com' },
			recipients: [{ contacts: [{ contactType: 'EMAIL_ADDRESS', contact: 'to@example.com' }] }],
			content: { title: 'NHN subject', body: 'NHN body', attachmentIds: [attachmentId] },
		},
	});
	const { files } = await ncpUploadFiles(emu, [['ncp.pdf', data]]);
	const ncp = await ncpPostMail(emu, {
		senderAddress: 'from@example.com',
		senderName: 'From',
		title: 'NCP subject',
		body: 'NCP body',
		individual: false,
		advertising: true,
		recipients: [
			{ address: 'to@example.com', name: 'To', type: 'R' },
			{ address: 'cc@example.com', type: 'C' },
			{ address: 'bcc@example.com', type: 'B' },
		],
		attachFileIds: [files[0].fileId],
	});
	return {
		nhnId: ((await nhn.json()) as Json).messageId,
		ncpId: ((await ncp.json()) as Json).requestId,
		fileId: files[0].fileId,
		attachmentId,
	};
}

describe('admin mails', () => {
	it('lists both services\' mails in the order they were accepted, in one shape', async () => {
		const data = bytes(4321, 9);
		const { nhnId, ncpId, fileId, attachmentId } = await sendBoth(data);
		const { mails } = await adminJson(emu, 'GET', '/mails');
		expect(mails).toEqual([
			{
				provider: 'nhn',
				sequence: 1,
				id: nhnId,
				purpose: 'NORMAL',
				from: 'from@example.com',
				fromName: null,
				subject: 'NHN subject',
				body: 'NHN body',
				to: ['to@example.com'],
				cc: [],
				bcc: [],
				attachments: [{ id: attachmentId, fileName: 'nhn.pdf', size: 4321, sha256: sha256(data) }],
				attachmentSha256: [sha256(data)],
				receivedAt: expect.stringMatching(/\+09:00$/),
			},
			{
				provider: 'ncp',
				sequence: 2,
				id: ncpId,
				purpose: 'AD',
				from: 'from@example.com',
				fromName: 'From',
				subject: 'NCP subject',
				body: 'NCP body',
				to: ['to@example.com'],
				cc: ['cc@example.com'],
				bcc: ['bcc@example.com'],
				attachments: [{ id: fileId, fileName: 'ncp.pdf', size: 4321, sha256: sha256(data) }],
				attachmentSha256: [sha256(data)],
				receivedAt: expect.stringMatching(/\+09:00$/),
			},
		]);
		expect((await adminJson(emu, 'GET', '/mails?provider=ncp')).mails.map((m: Json) => m.id)).toEqual([ncpId]);
		expect((await adminJson(emu, 'GET', '/mails?provider=nhn')).mails.map((m: Json) => m.id)).toEqual([nhnId]);
		expect((await admin(emu, 'GET', '/mails?provider=sens')).status).toBe(400);
	});

	it('keeps the per-service records in /state with the fields earlier callers read', async () => {
		const data = bytes(10, 2);
		const { ncpId, nhnId, fileId, attachmentId } = await sendBoth(data);
		const state = await adminJson(emu, 'GET', '/state');
		expect(state.ncp.mails).toEqual([
			expect.objectContaining({
				requestId: ncpId,
				count: 3,
				senderAddress: 'from@example.com',
				title: 'NCP subject',
				recipients: [
					{ address: 'to@example.com', name: 'To', type: 'R' },
					{ address: 'cc@example.com', type: 'C' },
					{ address: 'bcc@example.com', type: 'B' },
				],
				attachments: [{ id: fileId, fileName: 'ncp.pdf', size: 10, sha256: sha256(data) }],
			}),
		]);
		expect(state.nhn.mails).toEqual([
			expect.objectContaining({
				messageId: nhnId,
				messagePurpose: 'NORMAL',
				senderMailAddress: 'from@example.com',
				recipients: ['to@example.com'],
				title: 'NHN subject',
				attachments: [{ id: attachmentId, fileName: 'nhn.pdf', size: 10, sha256: sha256(data) }],
			}),
		]);
	});

	it('forgets the mails and restarts the numbering on reset', async () => {
		await sendBoth(bytes(3));
		await adminJson(emu, 'POST', '/reset');
		expect(await adminJson(emu, 'GET', '/mails')).toEqual({ mails: [] });
		await sendBoth(bytes(3));
		expect((await adminJson(emu, 'GET', '/mails')).mails.map((m: Json) => m.sequence)).toEqual([1, 2]);
	});
});
