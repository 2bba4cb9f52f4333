// Send Email on NHN in n8n-core's engine against the emulator: every field as the service receives it, attachments
// uploaded with an EMAIL file type, given as IDs, and both at once, with the emulator's SHA-256 of each file.
import { chain, fixtureSource, runWorkflow } from '../../engine/harness';
import { useEmulator } from '../Attachment/shared';
import { adminMails, adminState, apiRequests, NODE, resetEmulator, sendEmailNode, sendSetup, sha256 } from './setup';

const emulator = useEmulator();
beforeEach(async () => await resetEmulator(emulator()));

const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
const base = { fromEmail: 'sender@example.com', toEmail: 'to@example.com', subject: 'Invoice', body: '<p>Hello</p>' };
const MESSAGES = '/nhn/message/v1.0/EMAIL/free-form-messages';

describe('Send Email, NHN', () => {
	it('sends From, To (one recipients[] entry each), Subject and Body as NORMAL, and outputs the messageId', async () => {
		const workflow = chain(
			fixtureSource([{ json: { to: ['a@example.com', 'Bea <b@example.com>'] } }]),
			sendEmailNode('nhn', { ...base, fromEmail: 'Shop <sender@example.com>', toEmail: '={{ $json.to }}' }),
		);
		const [item] = (await runWorkflow(workflow, sendSetup(emulator()))).outputOf(NODE);

		expect(item.json).toEqual({ messageId: expect.any(String), messagePurpose: 'NORMAL', attachments: [] });
		expect(item.pairedItem).toEqual({ item: 0 });
		const [mail] = await adminMails(emulator());
		expect(mail).toMatchObject({ provider: 'nhn', id: item.json.messageId, purpose: 'NORMAL', from: 'sender@example.com', subject: 'Invoice', body: '<p>Hello</p>', to: ['a@example.com', 'b@example.com'] });
		const { nhn } = await adminState(emulator());
		expect(nhn.mails[0].recipientEntries).toEqual([
			{ contacts: [{ contactType: 'EMAIL_ADDRESS', contact: 'a@example.com' }] },
			{ contacts: [{ contactType: 'EMAIL_ADDRESS', contact: 'b@example.com' }] },
		]);
		expect(nhn.mails[0].options).toEqual({});
	});

	it('sends a Text body as written', async () => {
		const workflow = chain(fixtureSource([{ json: {} }]), sendEmailNode('nhn', { ...base, emailFormat: 'text', body: 'a < b\nline two' }));
		await runWorkflow(workflow, sendSetup(emulator()));
		expect((await adminMails(emulator()))[0].body).toBe('a < b\nline two');
	});

	it('sends an AD mail with statistics key, schedule (Korea time) and template parameters', async () => {
		const sendAt = Date.UTC(2099, 0, 2, 0, 30);
		jest.useFakeTimers({ now: Date.UTC(2098, 11, 20), doNotFake: ['setTimeout', 'setImmediate', 'clearTimeout', 'nextTick', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
		try {
			await runWorkflow(
				chain(
					fixtureSource([{ json: {} }]),
					sendEmailNode('nhn', {
						...base,
						subject: '(광고) Sale',
						additionalFields: { messagePurpose: 'AD', statsKeyId: 'stat0001', sendAt: new Date(sendAt).toISOString(), templateParameters: { name: 'Jane' } },
					}),
				),
				sendSetup(emulator()),
			);
		} finally {
			jest.useRealTimers();
		}
		const { nhn } = await adminState(emulator());
		expect(nhn.mails[0].messagePurpose).toBe('AD');
		// 00:30 UTC is 09:30 in Korea.
		expect(nhn.mails[0].options).toEqual({ statsKeyId: 'stat0001', scheduledDateTime: '2099-01-02T09:30:00.000+09:00' });
		expect(nhn.mails[0].recipientEntries).toEqual([{ contacts: [{ contactType: 'EMAIL_ADDRESS', contact: 'to@example.com' }], templateParameters: { name: 'Jane' } }]);
	});

	it('sends confirmBeforeSend and the AUTH purpose', async () => {
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			sendEmailNode('nhn', { ...base, additionalFields: { messagePurpose: 'AUTH', confirmBeforeSend: true } }),
		);
		await runWorkflow(workflow, sendSetup(emulator()));
		const { nhn, requests } = await adminState(emulator());
		expect(nhn.mails[0].options).toEqual({ confirmBeforeSend: true });
		expect(requests.filter((r) => r.service === 'nhn').map((r) => r.path)).toEqual([`${MESSAGES}/AUTH`]);
	});

	it('uploads binary fields as EMAIL_DEFAULT attachments and attaches them byte for byte', async () => {
		const workflow = chain(
			fixtureSource([
				{
					json: {},
					binary: {
						photo: { base64: PHOTO.toString('base64'), fileName: '사진.jpg', mimeType: 'image/jpeg' },
						notes: { text: 'notes', fileName: 'notes.txt', mode: 'inline' },
					},
				},
			]),
			sendEmailNode('nhn', { ...base, attachments: 'photo,notes' }),
		);
		const [item] = (await runWorkflow(workflow, sendSetup(emulator()))).outputOf(NODE);

		const { nhn } = await adminState(emulator());
		expect(nhn.attachments.map((a) => a.uploadedFileTypes)).toEqual([['EMAIL_DEFAULT'], ['EMAIL_DEFAULT']]);
		expect(item.json.attachments).toEqual([
			{ id: nhn.attachments[0].attachmentId, name: '사진.jpg', size: PHOTO.length },
			{ id: nhn.attachments[1].attachmentId, name: 'notes.txt', size: 5 },
		]);
		expect((await adminMails(emulator()))[0].attachmentSha256).toEqual([sha256(PHOTO), sha256('notes')]);
		expect(await apiRequests(emulator())).toEqual([
			'POST /nhn/attachment/v1.0/attachments 200',
			'POST /nhn/attachment/v1.0/attachments 200',
			`POST ${MESSAGES}/NORMAL 200`,
		]);
	});

	it('attaches attachmentIds from an earlier step, alone and together with an uploaded file', async () => {
		const upload = chain(fixtureSource([{ json: {}, binary: { data: { base64: PHOTO.toString('base64'), fileName: 'earlier.jpg' } } }]), sendEmailNode('nhn', { ...base, attachments: 'data' }));
		const [first] = (await runWorkflow(upload, sendSetup(emulator()))).outputOf(NODE);
		const earlierId = (first.json.attachments as Array<{ id: string }>)[0].id;

		const workflow = chain(
			fixtureSource([{ json: { attachmentId: earlierId } }, { json: { attachmentId: earlierId }, binary: { data: { text: 'fresh', fileName: 'fresh.txt' } } }]),
			sendEmailNode('nhn', { ...base, attachments: '={{ $binary.data ? "data" : "" }}', attachmentIds: '={{ $json.attachmentId }}' }),
		);
		const items = (await runWorkflow(workflow, sendSetup(emulator()))).outputOf(NODE);

		expect(items[0].json.attachments).toEqual([{ id: earlierId, name: null, size: null }]);
		expect(items[1].json.attachments).toEqual([{ id: expect.any(String), name: 'fresh.txt', size: 5 }, { id: earlierId, name: null, size: null }]);
		const mails = await adminMails(emulator());
		expect(mails.map((mail) => mail.attachmentSha256)).toEqual([[sha256(PHOTO)], [sha256(PHOTO)], [sha256('fresh'), sha256(PHOTO)]]);
	});
});
