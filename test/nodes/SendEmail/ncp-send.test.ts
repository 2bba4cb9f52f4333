// Send Email on NCP in n8n-core's engine against the emulator: every field as the service receives it, attachments
// uploaded from binary fields, given as IDs, and both at once, with the emulator's SHA-256 of each file.
import { chain, fixtureSource, runWorkflow } from '../../engine/harness';
import { useEmulator } from '../Attachment/shared';
import { adminMails, adminState, apiRequests, NODE, resetEmulator, sendEmailNode, sendSetup, sha256 } from './setup';

const emulator = useEmulator();
beforeEach(async () => await resetEmulator(emulator()));

const PDF = Buffer.from('%PDF-1.7 invoice \u0000\u00ff bytes', 'latin1');
const NOTES = Buffer.from('회의 메모\nsecond line\n', 'utf8');
const base = { fromEmail: 'sender@example.com', toEmail: 'to@example.com', subject: 'Invoice', body: '<p>Hello</p>' };

describe('Send Email, NCP', () => {
	it('sends From, From Name, To with names, Subject and an HTML body, and outputs requestId and count', async () => {
		const workflow = chain(
			fixtureSource([{ json: { who: 'Jane' } }]),
			sendEmailNode('ncp', { ...base, fromName: '보내는 사람', toEmail: '"Jane Doe" <jane@example.com>, bob@example.com', subject: '={{ "Hi " + $json.who }}' }),
		);
		const result = await runWorkflow(workflow, sendSetup(emulator()));

		const [item] = result.outputOf(NODE);
		expect(item.json).toEqual({ requestId: expect.stringMatching(/^\d{20}$/), count: expect.any(Number), attachments: [] });
		expect(item.pairedItem).toEqual({ item: 0 });
		const [mail] = await adminMails(emulator());
		expect(mail).toMatchObject({ provider: 'ncp', id: item.json.requestId, from: 'sender@example.com', fromName: '보내는 사람', subject: 'Hi Jane', body: '<p>Hello</p>', to: ['jane@example.com', 'bob@example.com'], cc: [], bcc: [] });
		const { ncp } = await adminState(emulator());
		expect(ncp.mails[0].recipients).toEqual([
			{ address: 'jane@example.com', name: 'Jane Doe', type: 'R' },
			{ address: 'bob@example.com', type: 'R' },
		]);
		expect(ncp.mails[0].options).toEqual({});
	});

	it('sends CC and BCC as one mail to all (individual: false), from lists given by expressions', async () => {
		const workflow = chain(
			fixtureSource([{ json: { cc: ['cc1@example.com', 'cc2@example.com'] } }]),
			sendEmailNode('ncp', { ...base, ccEmail: '={{ $json.cc }}', bccEmail: 'hidden@example.com' }),
		);
		await runWorkflow(workflow, sendSetup(emulator()));

		const [mail] = await adminMails(emulator());
		expect(mail).toMatchObject({ to: ['to@example.com'], cc: ['cc1@example.com', 'cc2@example.com'], bcc: ['hidden@example.com'] });
		expect((await adminState(emulator())).ncp.mails[0].options).toEqual({ individual: false });
	});

	it('sends a Text body as HTML with special characters escaped and line breaks kept', async () => {
		const workflow = chain(fixtureSource([{ json: {} }]), sendEmailNode('ncp', { ...base, emailFormat: 'text', body: 'a < b & c\nnext "line"' }));
		await runWorkflow(workflow, sendSetup(emulator()));
		expect((await adminMails(emulator()))[0].body).toBe('a &lt; b &amp; c<br>\nnext &quot;line&quot;');
	});

	it('sends every Additional Field as the API names it', async () => {
		const sendAt = Date.now() + 3 * 86_400_000;
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			sendEmailNode('ncp', {
				...base,
				additionalFields: {
					advertising: true,
					useBasicUnsubscribeMsg: false,
					unsubscribeMessage: 'Reply STOP to unsubscribe',
					confirmAndSend: true,
					individual: true,
					parameters: '{"name":"Jane"}',
					referencesHeader: '<thread-1@example.com>',
					sendAt: new Date(sendAt).toISOString(),
				},
			}),
		);
		await runWorkflow(workflow, sendSetup(emulator()));

		const [mail] = await adminMails(emulator());
		expect(mail.purpose).toBe('AD');
		expect((await adminState(emulator())).ncp.mails[0].options).toEqual({
			advertising: true,
			useBasicUnsubscribeMsg: false,
			unsubscribeMessage: 'Reply STOP to unsubscribe',
			confirmAndSend: true,
			individual: true,
			parameters: { name: 'Jane' },
			referencesHeader: '<thread-1@example.com>',
			reservationUtc: sendAt,
		});
	});

	it('reads a Send At without an offset in the workflow time zone', async () => {
		const workflow = chain(fixtureSource([{ json: {} }]), sendEmailNode('ncp', { ...base, additionalFields: { sendAt: '2099-01-02T09:30:00' } }));
		await runWorkflow(workflow, sendSetup(emulator()));
		// The harness's workflow time zone is n8n's default, America/New_York (UTC-5 in January).
		expect((await adminState(emulator())).ncp.mails[0].options.reservationUtc).toBe(Date.UTC(2099, 0, 2, 14, 30));
	});

	it('uploads binary fields (one createFile each) and attaches them byte for byte', async () => {
		const workflow = chain(
			fixtureSource([
				{
					json: {},
					binary: {
						invoice: { base64: PDF.toString('base64'), fileName: 'invoice.pdf', mimeType: 'application/pdf' },
						notes: { text: NOTES.toString('utf8'), fileName: '메모.txt', mode: 'inline' },
					},
				},
			]),
			sendEmailNode('ncp', { ...base, attachments: 'invoice, notes' }),
		);
		const [item] = (await runWorkflow(workflow, sendSetup(emulator()))).outputOf(NODE);

		const { ncp } = await adminState(emulator());
		expect(item.json.attachments).toEqual([
			{ id: ncp.files[0].fileId, name: 'invoice.pdf', size: PDF.length },
			{ id: ncp.files[1].fileId, name: '메모.txt', size: NOTES.length },
		]);
		const [mail] = await adminMails(emulator());
		expect(mail.attachmentSha256).toEqual([sha256(PDF), sha256(NOTES)]);
		expect(await apiRequests(emulator())).toEqual(['POST /ncp/api/v1/files 201', 'POST /ncp/api/v1/files 201', 'POST /ncp/api/v1/mails 201']);
	});

	it('attaches IDs from an earlier step, alone and together with an uploaded file, one mail per item', async () => {
		// An earlier upload, as the Attachment node's NCP Upload would have made it.
		const upload = chain(
			fixtureSource([{ json: {}, binary: { data: { base64: PDF.toString('base64'), fileName: 'earlier.pdf' } } }]),
			sendEmailNode('ncp', { ...base, attachments: 'data' }),
		);
		const [first] = (await runWorkflow(upload, sendSetup(emulator()))).outputOf(NODE);
		const earlierId = (first.json.attachments as Array<{ id: string }>)[0].id;

		const workflow = chain(
			fixtureSource([
				{ json: { fileIds: [earlierId] } },
				{ json: { fileIds: [earlierId] }, binary: { data: { text: 'fresh file', fileName: 'fresh.txt' } } },
			]),
			sendEmailNode('ncp', { ...base, attachments: '={{ $binary.data ? "data" : "" }}', attachmentIds: '={{ $json.fileIds }}' }),
		);
		const items = (await runWorkflow(workflow, sendSetup(emulator()))).outputOf(NODE);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.attachments).toEqual([{ id: earlierId, name: null, size: null }]);
		expect(items[1].json.attachments).toEqual([
			{ id: expect.any(String), name: 'fresh.txt', size: 10 },
			{ id: earlierId, name: null, size: null },
		]);
		const mails = await adminMails(emulator());
		expect(mails.map((mail) => mail.attachmentSha256)).toEqual([[sha256(PDF)], [sha256(PDF)], [sha256('fresh file'), sha256(PDF)]]);
	});
});
