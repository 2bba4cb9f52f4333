// NCP createMailRequest (POST /mails) against what its pages document; see docs/send-email-spec.md.
import { startEmulator, type Emulator } from '../../tools/emulator/server';
import {
	adminJson,
	bytes,
	expectNcpServiceError,
	json,
	type Json,
	MB,
	NCP_KEYS,
	ncpFetch,
	ncpPostMail,
	ncpUploadFiles,
	sha256,
} from './helpers';

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, ncp: NCP_KEYS });
});
afterAll(() => emu.close());
beforeEach(() => adminJson(emu, 'POST', '/reset'));

const mail = (extra: Record<string, unknown> = {}) => ({
	senderAddress: 'no-reply@example.com',
	senderName: 'Sender',
	title: 'Hello',
	body: '<p>Hi</p>',
	recipients: [{ address: 'a@example.com', name: 'A', type: 'R' }],
	...extra,
});
const post = (body: unknown) => ncpPostMail(emu, body);
const rejected = async (body: unknown, pattern: RegExp, code = '77102') => {
	const answer = await expectNcpServiceError(await post(body), 400, code);
	expect(answer.error.details).toMatch(pattern);
};
const recipients = (count: number, type: string) =>
	Array.from({ length: count }, (_, i) => ({ address: `${type.toLowerCase()}${i}@example.com`, type }));

describe('NCP mails: accepted and recorded', () => {
	it('records recipients, subject, options and the attachments with their SHA-256', async () => {
		const first = bytes(1234, 7);
		const second = bytes(99, 8);
		const { files } = await ncpUploadFiles(emu, [['report.pdf', first], ['b.txt', second]]);
		const sent = mail({
			individual: false,
			advertising: false,
			reservationDateTime: '2030-01-02 03:04',
			parameters: { name: 'A' },
			recipients: [
				{ address: 'a@example.com', name: 'A', type: 'R', parameters: { n: 1 } },
				{ address: 'c@example.com', type: 'C' },
				{ address: 'b@example.com', type: 'B' },
			],
			attachFileIds: files.map((f: Json) => f.fileId),
		});
		const res = await post(sent);
		expect(res.status).toBe(201);
		const answer = await json(res);
		expect(answer).toEqual({ requestId: expect.stringMatching(/^\d{20}$/), count: 3 });

		const [recorded] = emu.snapshot().ncp.mails;
		expect(recorded).toMatchObject({ requestId: answer.requestId, senderAddress: 'no-reply@example.com', title: 'Hello', recipients: sent.recipients });
		expect(recorded.options).toEqual({ individual: false, advertising: false, reservationDateTime: '2030-01-02 03:04', parameters: { name: 'A' } });
		expect(recorded.attachments).toEqual([
			{ id: files[0].fileId, fileName: 'report.pdf', size: 1234, sha256: sha256(first) },
			{ id: files[1].fileId, fileName: 'b.txt', size: 99, sha256: sha256(second) },
		]);
	});

	it('takes a recipient without a type as R, the documented default', async () => {
		expect((await post(mail({ recipients: [{ address: 'x@example.com' }] }))).status).toBe(201);
		expect(emu.snapshot().ncp.mails[0].recipients).toEqual([{ address: 'x@example.com', type: 'R' }]);
	});

	it('accepts a template mail without sender, title and body', async () => {
		const res = await post({ templateSid: 12, recipients: [{ address: 'x@example.com', type: 'R' }] });
		expect(res.status).toBe(201);
		expect(emu.snapshot().ncp.mails[0].options).toEqual({ templateSid: 12 });
		await rejected({ templateSid: '12', recipients: [{ address: 'x@example.com' }] }, /templateSid/);
	});
});

describe('NCP mails: recipients', () => {
	it('refuses CC and BCC unless individual is false (individual sending, the default, takes R only)', async () => {
		const withCc = { recipients: [{ address: 'a@example.com', type: 'R' }, { address: 'c@example.com', type: 'C' }] };
		await rejected(mail(withCc), /individual/);
		await rejected(mail({ ...withCc, individual: true }), /individual/);
		expect((await post(mail({ ...withCc, individual: false }))).status).toBe(201);
	});

	it('takes at most 30 CC and 30 BCC', async () => {
		const base = [{ address: 'a@example.com', type: 'R' }];
		expect((await post(mail({ individual: false, recipients: [...base, ...recipients(30, 'C'), ...recipients(30, 'B')] }))).status).toBe(201);
		await rejected(mail({ individual: false, recipients: [...base, ...recipients(31, 'C')] }), /31 CC/);
		await rejected(mail({ individual: false, recipients: [...base, ...recipients(31, 'B')] }), /31 BCC/);
	});

	it('takes at most 100,000 recipients', async () => {
		expect((await post(mail({ recipients: recipients(100_000, 'R') }))).status).toBe(201);
		expect(emu.snapshot().ncp.mails[0].count).toBe(100_000);
		await rejected(mail({ recipients: recipients(100_001, 'R') }), /100001 entries; at most 100000/);
	});

	it('checks each address, type and name', async () => {
		await rejected(mail({ recipients: [] }), /non-empty/);
		await rejected(mail({ recipients: undefined }), /non-empty/);
		await rejected(mail({ recipients: [{ address: 'not-an-address', type: 'R' }] }), /recipients\[0\]\.address/);
		await rejected(mail({ recipients: [{ address: 'a b@example.com' }] }), /not an email address/);
		await rejected(mail({ recipients: [{ address: 'a@example.com', type: 'X' }] }), /R, C or B/);
		await rejected(mail({ recipients: [{ address: `${'x'.repeat(65)}@example.com` }] }), /local part/);
		await rejected(mail({ recipients: [{ address: 'a@example.com', name: 'n'.repeat(70) }] }), /name is over 69/);
		expect((await post(mail({ recipients: [{ address: 'a@example.com', name: 'n'.repeat(69) }] }))).status).toBe(201);
	});
});

describe('NCP mails: sender, subject and body limits', () => {
	it('checks the sender address and a senderName of at most 69 bytes', async () => {
		await rejected(mail({ senderAddress: 'not-an-address' }), /senderAddress/);
		await rejected(mail({ senderAddress: undefined }), /senderAddress is empty/);
		expect((await post(mail({ senderName: '가'.repeat(23) }))).status).toBe(201);
		await rejected(mail({ senderName: '가'.repeat(24) }), /senderName is 72 bytes; at most 69/);
	});

	it('requires title and body without a template; title at most 500 bytes, body at most 500 KB (512,000 bytes)', async () => {
		await rejected(mail({ title: undefined }), /title is required/);
		await rejected(mail({ body: ' ' }), /body is required/);
		expect((await post(mail({ title: 't'.repeat(500), body: 'b'.repeat(512_000) }))).status).toBe(201);
		await rejected(mail({ title: 't'.repeat(501) }), /title is 501 bytes; at most 500/);
		await rejected(mail({ body: 'b'.repeat(512_001) }), /body is 512001 bytes; at most 512000/);
	});

	it('counts an advertising mail\'s unsubscribeMessage in the body size, and requires it when the basic one is off', async () => {
		const ad = { advertising: true, useBasicUnsubscribeMsg: false };
		await rejected(mail(ad), /unsubscribeMessage is required/);
		expect((await post(mail({ ...ad, body: 'b'.repeat(511_000), unsubscribeMessage: 'u'.repeat(1000) }))).status).toBe(201);
		await rejected(mail({ ...ad, body: 'b'.repeat(511_001), unsubscribeMessage: 'u'.repeat(1000) }), /with unsubscribeMessage is 512001 bytes/);
	});

	it('checks the reservation fields and the types of the flags', async () => {
		await rejected(mail({ reservationUtc: '1700000000000' }), /reservationUtc/);
		await rejected(mail({ reservationDateTime: '2030-01-02T03:04' }), /yyyy-MM-dd HH:mm/);
		await rejected(mail({ individual: 'false' }), /individual must be a boolean/);
		await rejected(mail({ parameters: [] }), /parameters must be an object/);
		expect((await post(mail({ reservationUtc: 1_900_000_000_000 }))).status).toBe(201);
	});
});

describe('NCP mails: attachments', () => {
	it('answers 77103 for an attachFileId that names no stored file (a tempRequestId, a deleted file)', async () => {
		await rejected(mail({ attachFileIds: ['nope-99'] }), /nope-99/, '77103');
		const { tempRequestId, files } = await ncpUploadFiles(emu, [['a.txt', bytes(5)]]);
		await rejected(mail({ attachFileIds: [tempRequestId] }), /does not exist/, '77103');
		await ncpFetch(emu, `/ncp/api/v1/files/${tempRequestId}`, { method: 'DELETE' });
		await rejected(mail({ attachFileIds: [files[0].fileId] }), /does not exist/, '77103');
		await rejected(mail({ attachFileIds: 'x' }), /attachFileIds must be an array/);
	});

	it('takes attachments totalling exactly 20 MB and refuses one byte more', async () => {
		const { files } = await ncpUploadFiles(emu, [['a.bin', bytes(10 * MB, 1)], ['b.bin', bytes(10 * MB, 2)], ['c.bin', bytes(1, 3)]]);
		const ids = files.map((f: Json) => f.fileId);
		expect((await post(mail({ attachFileIds: ids.slice(0, 2) }))).status).toBe(201);
		await rejected(mail({ attachFileIds: ids }), /20971521 bytes, over 20 MB \(20971520 bytes\)/);
	});

	it('records nothing for a refused mail and checks the content type', async () => {
		await post(mail({ recipients: [] }));
		const notJson = await ncpFetch(emu, '/ncp/api/v1/mails', { method: 'POST', body: 'title=x', headers: { 'Content-Type': 'text/plain' } });
		await expectNcpServiceError(notJson, 415, '77002');
		const broken = await ncpFetch(emu, '/ncp/api/v1/mails', { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } });
		await expectNcpServiceError(broken, 400, '77102');
		expect(emu.snapshot().ncp.mails).toEqual([]);
	});
});
