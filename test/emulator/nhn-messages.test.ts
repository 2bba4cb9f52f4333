// Notification Hub free-form EMAIL sending against what its pages document; see docs/send-email-spec.md.
import { startEmulator, type Emulator } from '../../tools/emulator/server';
import { adminJson, bytes, expectNhnFailure, expectNhnSuccess, type Json, MB, NHN_KEYS, nhnFetch, nhnToken, sha256, uploadForm } from './helpers';

const EMAIL_SEND = '/message/v1.0/EMAIL/free-form-messages';
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

async function upload(data: Buffer, fileName: string, fileTypes: string[] = ['EMAIL_DEFAULT']): Promise<string> {
	const body = await expectNhnSuccess(await nhnFetch(emu, '/attachment/v1.0/attachments', { token, body: uploadForm(data, fileName, fileTypes) }));
	return body.attachmentId;
}

const contact = (address: string) => ({ contactType: 'EMAIL_ADDRESS', contact: address });
const message = (attachmentIds: string[] = [], extra: Record<string, unknown> = {}) => ({
	sender: { senderMailAddress: 'sender@example.com' },
	recipients: [{ contacts: [contact('to@example.com')] }],
	content: { title: 'Hello', body: 'Body', attachmentIds },
	...extra,
});
const send = (purpose: string, body: unknown) => nhnFetch(emu, `${EMAIL_SEND}/${purpose}`, { token, json: body });
const refused = async (purpose: string, body: unknown, code: number, pattern: RegExp) => {
	const answer = await expectNhnFailure(await send(purpose, body), Math.floor(code / 1000), code);
	expect(answer.header.resultMessage).toMatch(pattern);
};
const isoIn = (ms: number) => new Date(emu.state.clock.now() + ms).toISOString();

describe('NHN email: accepted and recorded', () => {
	it('records recipients as sent, the subject, the options and the attachments with their SHA-256', async () => {
		const data = bytes(2000, 4);
		const id = await upload(data, 'doc.pdf');
		const recipients = [
			{ contacts: [{ ...contact('to@example.com'), clientReference: 'ref-1' }, contact('two@example.com')], templateParameters: { k: 'v' } },
			{ contacts: [contact('three@example.com')] },
		];
		const scheduledDateTime = isoIn(DAY_MS);
		const body = await expectNhnSuccess(await send('NORMAL', message([id], { recipients, statsKeyId: 'stats001', scheduledDateTime })));
		expect(body).toEqual({ header: expect.any(Object), messageId: expect.stringMatching(/^\d{14}[A-Za-z0-9]{11}$/) });

		const [mail] = emu.snapshot().nhn.mails;
		expect(mail).toMatchObject({ messageId: body.messageId, messagePurpose: 'NORMAL', senderMailAddress: 'sender@example.com', title: 'Hello', body: 'Body' });
		expect(mail.recipients).toEqual(['to@example.com', 'two@example.com', 'three@example.com']);
		expect(mail.recipientEntries).toEqual(recipients);
		expect(mail.options).toEqual({ statsKeyId: 'stats001', scheduledDateTime });
		expect(mail.attachments).toEqual([{ id, fileName: 'doc.pdf', size: 2000, sha256: sha256(data) }]);
	});

	it('takes a bulk recipient list id instead of recipients, and a sender written "Name <address>"', async () => {
		await expectNhnSuccess(await send('NORMAL', { ...message(), recipients: undefined, id: 'alpha123' }));
		await expectNhnSuccess(await send('NORMAL', message([], { sender: { senderMailAddress: 'Billing <billing@example.com>' } })));
		const [bulk, named] = emu.snapshot().nhn.mails;
		expect(bulk).toMatchObject({ recipients: [], options: { id: 'alpha123' } });
		expect(named.senderMailAddress).toBe('Billing <billing@example.com>');
	});
});

describe('NHN email: purposes', () => {
	it('refuses attachments on an AUTH mail (400002) and takes one without', async () => {
		const id = await upload(bytes(10), 'a.txt');
		await refused('AUTH', message([id]), 400002, /Verification emails can't be sent with attachments/);
		await expectNhnSuccess(await send('AUTH', message([])));
		expect(emu.snapshot().nhn.mails.map((m) => m.messagePurpose)).toEqual(['AUTH']);
	});

	it('requires an AD subject to begin with an advertising label', async () => {
		for (const title of ['(광고) Sale', '(AD) Sale', '(Ad) Sale', '(広告) Sale', '(Advertisement) Sale']) {
			await expectNhnSuccess(await send('AD', { ...message(), content: { title, body: 'x' } }));
		}
		await refused('AD', message(), 400002, /must begin with/);
	});

	it('refuses an unknown purpose, a missing sender, title or body (400001)', async () => {
		await refused('PROMO', message(), 400001, /PROMO is invalid/);
		await refused('NORMAL', message([], { sender: {} }), 400001, /Invalid email address pattern/);
		await refused('NORMAL', message([], { sender: { senderMailAddress: 'nobody' } }), 400001, /Invalid email address pattern/);
		await refused('NORMAL', { ...message(), content: { body: 'x' } }, 400001, /title is blank/);
		await refused('NORMAL', { ...message(), content: { title: 'x', body: '' } }, 400001, /body is empty/);
	});
});

describe('NHN email: recipients', () => {
	it('needs recipients or a list id, not both, and at least one contact', async () => {
		await refused('NORMAL', { ...message(), recipients: undefined }, 400001, /Requires a message recipient set ID or recipient/);
		await refused('NORMAL', message([], { id: 'alpha123' }), 400001, /mutually exclusive/);
		await refused('NORMAL', message([], { recipients: [] }), 400002, /There are no recipients/);
		await refused('NORMAL', message([], { recipients: [{ contacts: [] }] }), 400002, /There are no recipients/);
	});

	it('takes only EMAIL_ADDRESS contacts holding an address', async () => {
		await refused('NORMAL', message([], { recipients: [{ contacts: [{ contact: 'a@example.com' }] }] }), 400001, /Invalid contact type undefined/);
		const phone = { contactType: 'PHONE_NUMBER', contact: '01012345678' };
		await refused('NORMAL', message([], { recipients: [{ contacts: [phone] }] }), 400001, /Invalid contact type PHONE_NUMBER/);
		await refused('NORMAL', message([], { recipients: [{ contacts: [contact('a@b')] }] }), 400001, /Invalid email address pattern. a@b/);
	});

	it('takes at most 1,000 contacts in one request (the emulator\'s limit)', async () => {
		const many = (n: number) => [{ contacts: Array.from({ length: n }, (_, i) => contact(`r${i}@example.com`)) }];
		await expectNhnSuccess(await send('NORMAL', message([], { recipients: many(1000) })));
		await refused('NORMAL', message([], { recipients: many(1001) }), 400002, /maximum number of recipients/);
	});
});

describe('NHN email: attachments', () => {
	it('answers 404202 for an attachment missing or expired, 400611 for one without an EMAIL file type', async () => {
		await refused('NORMAL', message(['nope']), 404202, /expired or doesn't exist/);
		await refused('NORMAL', message([await upload(bytes(10), 'a.jpg', ['SMS_DEFAULT'])]), 400611, /Invalid media type/);
		await refused('NORMAL', message([await upload(bytes(10), 'b.txt', [])]), 400611, /no EMAIL file type/);
		const email = await upload(bytes(10), 'c.txt');
		await adminJson(emu, 'POST', '/clock', { advanceMs: 7 * DAY_MS + 1 });
		token = await nhnToken(emu);
		await refused('NORMAL', message([email]), 404202, /expired/);
		expect(emu.snapshot().nhn.mails).toEqual([]);
	});

	it('takes at most 10 attachments', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 11; i++) ids.push(await upload(bytes(10, i), `f${i}.txt`));
		await expectNhnSuccess(await send('NORMAL', message(ids.slice(0, 10))));
		await refused('NORMAL', message(ids), 400002, /11 attachments; at most 10/);
	});

	it('takes attachments totalling exactly 30 MB and refuses one byte more', async () => {
		const ids = [await upload(bytes(15 * MB, 1), 'a.bin'), await upload(bytes(15 * MB, 2), 'b.bin'), await upload(bytes(1, 3), 'c.bin')];
		await expectNhnSuccess(await send('NORMAL', message(ids.slice(0, 2))));
		await refused('NORMAL', message(ids), 400002, /31457281 bytes; at most 31457280/);
	});
});

describe('NHN email: scheduling and options', () => {
	it('checks scheduledDateTime: ISO 8601, not in the past, at most 60 days ahead, not with confirmBeforeSend', async () => {
		await refused('NORMAL', message([], { scheduledDateTime: '2030-01-01 10:00' }), 400001, /Invalid date format/);
		await refused('NORMAL', message([], { scheduledDateTime: isoIn(-DAY_MS) }), 400002, /past/);
		await refused('NORMAL', message([], { scheduledDateTime: isoIn(61 * DAY_MS) }), 400002, /60 days/);
		await refused('NORMAL', message([], { scheduledDateTime: isoIn(DAY_MS), confirmBeforeSend: true }), 400001, /cannot be set together/);
		await expectNhnSuccess(await send('NORMAL', message([], { scheduledDateTime: isoIn(59 * DAY_MS) })));
		await expectNhnSuccess(await send('NORMAL', message([], { confirmBeforeSend: true })));
	});

	it('takes a statsKeyId of at most 8 characters', async () => {
		await refused('NORMAL', message([], { statsKeyId: '123456789' }), 400001, /statsKeyId/);
		await expectNhnSuccess(await send('NORMAL', message([], { statsKeyId: '12345678' })));
	});

	it('answers HTTP 200 with the failure in the header when asked to (X-NC-ALWAYS-200-OK)', async () => {
		const res = await nhnFetch(emu, `${EMAIL_SEND}/AUTH`, { token, json: message(['x']), headers: { 'X-NC-ALWAYS-200-OK': 'true' } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as Json).header).toMatchObject({ isSuccessful: false, resultCode: 400002 });
	});
});
