/*
 * GET /__admin/mails: every accepted mail of both services in one shape, in the order they were accepted,
 * so a test can check "one mail per item, attachments byte-identical" without knowing either API's fields.
 * GET /__admin/state keeps each service's own records (ncp.mails, nhn.mails) as they were.
 */
import type { AttachmentRef, EmulatorState, NcpMail, NhnMail } from './state';

export interface MailView {
	provider: 'ncp' | 'nhn';
	sequence: number;
	/** NCP requestId or NHN messageId. */
	id: string;
	/** NHN messagePurpose (NORMAL, AD, AUTH); NCP: AD when `advertising` is true, else NORMAL. */
	purpose: string;
	from: string | null;
	fromName: string | null;
	subject: string | null;
	body: string | null;
	to: string[];
	cc: string[];
	bcc: string[];
	attachments: AttachmentRef[];
	/** SHA-256 of each attachment, in the order sent. */
	attachmentSha256: string[];
	receivedAt: string;
}

const addressesOf = (mail: NcpMail, type: string) => mail.recipients.filter((r) => r.type === type).map((r) => r.address);

function ncpView(mail: NcpMail): MailView {
	return {
		provider: 'ncp',
		sequence: mail.sequence,
		id: mail.requestId,
		purpose: mail.options.advertising === true ? 'AD' : 'NORMAL',
		from: mail.senderAddress ?? null,
		fromName: mail.senderName ?? null,
		subject: mail.title ?? null,
		body: mail.body ?? null,
		to: addressesOf(mail, 'R'),
		cc: addressesOf(mail, 'C'),
		bcc: addressesOf(mail, 'B'),
		attachments: mail.attachments,
		attachmentSha256: mail.attachments.map((file) => file.sha256),
		receivedAt: mail.receivedAt,
	};
}

function nhnView(mail: NhnMail): MailView {
	return {
		provider: 'nhn',
		sequence: mail.sequence,
		id: mail.messageId,
		purpose: mail.messagePurpose,
		from: mail.senderMailAddress,
		fromName: null,
		subject: mail.title,
		body: mail.body,
		to: mail.recipients,
		cc: [],
		bcc: [],
		attachments: mail.attachments,
		attachmentSha256: mail.attachments.map((file) => file.sha256),
		receivedAt: mail.receivedAt,
	};
}

export function mailsView(state: EmulatorState, provider?: string): { mails: MailView[] } {
	const mails = [
		...(provider === undefined || provider === 'ncp' ? state.ncp.mails.map(ncpView) : []),
		...(provider === undefined || provider === 'nhn' ? state.nhn.mails.map(nhnView) : []),
	];
	return { mails: mails.sort((a, b) => a.sequence - b.sequence) };
}
