/*
 * Notification Hub email sending: POST /nhn/message/v1.0/EMAIL/free-form-messages/{NORMAL|AD|AUTH}.
 * The body is checked loosely (sender.senderMailAddress, content.title, content.body, at least one recipient
 * contact or a bulk `id`), the attachments strictly: each of content.attachmentIds must exist, not be
 * expired (404202) and have an EMAIL_* file type uploaded (400203, the emulator's code). Nothing is sent;
 * the mail is recorded in the state.
 */
import type { RequestContext, Route } from './context';
import { formatKst, nhnId } from './ids';
import { isRecord, NHN_CODES, NHN_SUCCESS, nhnFail, readNhnJson, sendNhn } from './nhn-common';
import { channelOf } from './nhn-file-types';
import { isAttachmentLive, type AttachmentRef } from './state';

const PURPOSES = ['NORMAL', 'AD', 'AUTH'];

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function recipientsOf(raw: unknown): string[] | string {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) return 'recipients must be an array';
	const contacts: string[] = [];
	for (const [i, recipient] of raw.entries()) {
		if (!isRecord(recipient) || !Array.isArray(recipient.contacts)) return `recipients[${i}].contacts must be an array`;
		for (const contact of recipient.contacts) {
			if (!isRecord(contact) || !filled(contact.contact)) return `recipients[${i}].contacts[].contact is required`;
			if (contact.contactType !== undefined && contact.contactType !== 'EMAIL_ADDRESS') {
				return `recipients[${i}].contacts[].contactType must be EMAIL_ADDRESS`;
			}
			contacts.push(contact.contact);
		}
	}
	return contacts;
}

async function sendEmail(ctx: RequestContext, params: Record<string, string>): Promise<void> {
	const body = await readNhnJson(ctx);
	if (!body) return;
	const invalid = (message: string) => nhnFail(ctx, NHN_CODES.INVALID_PARAMETER, message);
	if (!PURPOSES.includes(params.messagePurpose)) return invalid(`messagePurpose must be one of ${PURPOSES.join(', ')}`);
	const sender = isRecord(body.sender) ? body.sender : {};
	if (!filled(sender.senderMailAddress)) return invalid('sender.senderMailAddress is required');
	const content = isRecord(body.content) ? body.content : {};
	if (!filled(content.title)) return invalid('content.title is required');
	if (!filled(content.body)) return invalid('content.body is required');
	const recipients = recipientsOf(body.recipients);
	if (typeof recipients === 'string') return invalid(recipients);
	if (recipients.length === 0 && !filled(body.id)) return invalid('recipients (or a bulk recipient list id) is required');
	const ids = content.attachmentIds ?? [];
	if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
		return invalid('content.attachmentIds must be an array of attachment ids');
	}

	const attachments: AttachmentRef[] = [];
	for (const id of ids as string[]) {
		const attachment = ctx.state.nhn.attachments.get(id);
		if (!attachment || !isAttachmentLive(ctx.state, attachment)) {
			return nhnFail(ctx, NHN_CODES.ATTACHMENT_NOT_FOUND, `Attachment "${id}" does not exist or has expired`);
		}
		if (!attachment.uploadedFileTypes.some((type) => channelOf(type) === 'EMAIL')) {
			return nhnFail(ctx, NHN_CODES.ATTACHMENT_NOT_FOR_CHANNEL, `Attachment "${id}" has no EMAIL file type uploaded`);
		}
		attachments.push({ id, fileName: attachment.fileName, size: attachment.size, sha256: attachment.sha256 });
	}

	const now = ctx.state.clock.now();
	const messageId = nhnId(now);
	ctx.state.nhn.mails.push({
		messageId,
		messagePurpose: params.messagePurpose,
		senderMailAddress: sender.senderMailAddress,
		recipients,
		title: content.title,
		body: content.body,
		attachments,
		receivedAt: formatKst(now),
	});
	sendNhn(ctx, NHN_SUCCESS(), { messageId });
}

export const MESSAGE_ROUTES: Route[] = [
	{ segments: ['message', 'v1.0', 'EMAIL', 'free-form-messages', ':messagePurpose'], methods: { POST: sendEmail } },
];
