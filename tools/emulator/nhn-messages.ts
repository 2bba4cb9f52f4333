/*
 * Notification Hub email sending: POST /nhn/message/v1.0/EMAIL/free-form-messages/{NORMAL|AD|AUTH}.
 * Checks what the message API, its examples page and the error-code page document (docs/send-email-spec.md
 * has each rule with its source) and records the accepted mail; nothing is sent. Codes: 400001 for a
 * malformed request, 400002 for a broken sending rule, 404202 for an attachment missing or expired, and
 * 400611 (the emulator's pick among the documented codes) for an attachment with no EMAIL_* file type.
 * Choices where the pages are silent: at most 1,000 contacts per request; a sender written
 * `Name <address>` (the console's form) is accepted; subject and body lengths are not limited.
 */
import type { RequestContext, Route } from './context';
import { formatKst, nhnId } from './ids';
import { addressProblem, bareAddress, isFilledString, isRecord, presentFields } from './mail-checks';
import { NHN_CODES, NHN_SUCCESS, nhnFail, readNhnJson, sendNhn } from './nhn-common';
import { channelOf } from './nhn-file-types';
import { isAttachmentLive, nextMailSequence, type AttachmentRef, type EmulatorState, type NhnMail } from './state';

export const NHN_EMAIL_PURPOSES = ['NORMAL', 'AD', 'AUTH'] as const;
export const NHN_MAX_EMAIL_ATTACHMENTS = 10;
export const NHN_EMAIL_ATTACHMENTS_LIMIT_BYTES = 30 * 1024 * 1024;
export const NHN_MAX_CONTACTS = 1000;
export const NHN_MAX_SCHEDULE_DAYS = 60;
export const NHN_STATS_KEY_MAX = 8;
/** The ad-subject prefixes of the English ("(Ad)", "(AD)", "(Advertisement)") and Korean ("(광고)", "(AD)", "(広告)") pages. */
export const NHN_AD_PREFIXES = ['(광고)', '(AD)', '(Ad)', '(広告)', '(Advertisement)'];
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?(Z|[+-]\d{2}:\d{2})$/;

class SendRejected extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

const malformed = (message: string): never => {
	throw new SendRejected(NHN_CODES.INVALID_REQUEST, message);
};
const ruleBroken = (message: string): never => {
	throw new SendRejected(NHN_CODES.SEND_RULE_BROKEN, message);
};

function checkOptions(state: EmulatorState, body: Record<string, unknown>): void {
	if (body.statsKeyId !== undefined && (typeof body.statsKeyId !== 'string' || body.statsKeyId.length > NHN_STATS_KEY_MAX)) {
		malformed(`statsKeyId must be a string of ${NHN_STATS_KEY_MAX} characters or less`);
	}
	if (body.confirmBeforeSend !== undefined && typeof body.confirmBeforeSend !== 'boolean') malformed('confirmBeforeSend must be a boolean');
	const scheduled = body.scheduledDateTime;
	if (scheduled === undefined || scheduled === null) return;
	if (typeof scheduled !== 'string' || !ISO_8601.test(scheduled)) malformed(`Invalid date format. ${String(scheduled)}`);
	if (body.confirmBeforeSend === true) malformed('scheduledDateTime and confirmBeforeSend cannot be set together');
	const at = Date.parse(scheduled as string);
	const now = state.clock.now();
	if (at < now - 60_000) ruleBroken("The appointment time can't be in the past.");
	if (at > now + NHN_MAX_SCHEDULE_DAYS * DAY_MS) ruleBroken(`The appointment time must be set for a maximum of ${NHN_MAX_SCHEDULE_DAYS} days.`);
}

function checkContent(purpose: string, body: Record<string, unknown>): { title: string; body: string; ids: string[] } {
	const content = isRecord(body.content) ? body.content : {};
	if (!isFilledString(content.title)) malformed('The title is blank.');
	if (!isFilledString(content.body)) malformed('The body is empty.');
	const ids = content.attachmentIds ?? [];
	if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) malformed('content.attachmentIds must be an array of attachment ids');
	const title = content.title as string;
	if (purpose === 'AUTH' && (ids as string[]).length > 0) ruleBroken("Verification emails can't be sent with attachments.");
	if (purpose === 'AD' && !NHN_AD_PREFIXES.some((prefix) => title.trimStart().startsWith(prefix))) {
		ruleBroken(`Ad mail subject lines must begin with ${NHN_AD_PREFIXES.map((p) => `"${p}"`).join(', ')}.`);
	}
	if ((ids as string[]).length > NHN_MAX_EMAIL_ATTACHMENTS) {
		ruleBroken(`${(ids as string[]).length} attachments; at most ${NHN_MAX_EMAIL_ATTACHMENTS}.`);
	}
	return { title, body: content.body as string, ids: ids as string[] };
}

function checkRecipients(body: Record<string, unknown>): NhnMail['recipientEntries'] {
	const hasList = isFilledString(body.id);
	if (body.recipients !== undefined && hasList) malformed('Message recipient set ID and recipient are mutually exclusive.');
	if (body.recipients === undefined) return hasList ? [] : malformed('Requires a message recipient set ID or recipient.');
	if (!Array.isArray(body.recipients)) return malformed('recipients must be an array');
	const entries = body.recipients.map((recipient, i) => {
		if (!isRecord(recipient) || !Array.isArray(recipient.contacts)) return malformed(`recipients[${i}].contacts must be an array`);
		const contacts = recipient.contacts.map((contact) => {
			if (!isRecord(contact)) return malformed(`recipients[${i}].contacts[] must be objects`);
			if (contact.contactType !== 'EMAIL_ADDRESS') malformed(`Invalid contact type ${String(contact.contactType)} for message channel EMAIL.`);
			if (addressProblem(contact.contact)) malformed(`Invalid email address pattern. ${String(contact.contact)}`);
			const kept = { contactType: 'EMAIL_ADDRESS', contact: contact.contact as string };
			return typeof contact.clientReference === 'string' ? { ...kept, clientReference: contact.clientReference } : kept;
		});
		return isRecord(recipient.templateParameters) ? { contacts, templateParameters: recipient.templateParameters } : { contacts };
	});
	const total = entries.reduce((sum, entry) => sum + entry.contacts.length, 0);
	if (total === 0) ruleBroken('There are no recipients.');
	if (total > NHN_MAX_CONTACTS) ruleBroken(`You have exceeded the maximum number of recipients you can include (${total}; at most ${NHN_MAX_CONTACTS}).`);
	return entries;
}

function attachmentsOf(state: EmulatorState, ids: string[]): AttachmentRef[] {
	const attachments = ids.map((id) => {
		const attachment = state.nhn.attachments.get(id);
		if (!attachment || !isAttachmentLive(state, attachment)) {
			throw new SendRejected(NHN_CODES.ATTACHMENT_NOT_FOUND, `The file is expired or doesn't exist. ${id}`);
		}
		if (!attachment.uploadedFileTypes.some((type) => channelOf(type) === 'EMAIL')) {
			throw new SendRejected(NHN_CODES.INVALID_MEDIA_TYPE, `Invalid media type: attachment ${id} has no EMAIL file type uploaded`);
		}
		return { id, fileName: attachment.fileName, size: attachment.size, sha256: attachment.sha256 };
	});
	const total = attachments.reduce((sum, file) => sum + file.size, 0);
	if (total > NHN_EMAIL_ATTACHMENTS_LIMIT_BYTES) ruleBroken(`Attachment sizes are allowed up to 30 MB (${total} bytes; at most ${NHN_EMAIL_ATTACHMENTS_LIMIT_BYTES}).`);
	return attachments;
}

function acceptMail(state: EmulatorState, purpose: string, body: Record<string, unknown>): NhnMail {
	if (!(NHN_EMAIL_PURPOSES as readonly string[]).includes(purpose)) malformed(`The value ${purpose} is invalid. Use ${NHN_EMAIL_PURPOSES.join(', ')}.`);
	const sender = isRecord(body.sender) ? body.sender : {};
	const senderProblem = isFilledString(sender.senderMailAddress) ? addressProblem(bareAddress(sender.senderMailAddress)) : 'is empty';
	if (senderProblem) malformed(`Invalid email address pattern: sender.senderMailAddress ${senderProblem}`);
	checkOptions(state, body);
	const content = checkContent(purpose, body);
	const recipientEntries = checkRecipients(body);
	const attachments = attachmentsOf(state, content.ids);
	const now = state.clock.now();
	return {
		sequence: nextMailSequence(state),
		messageId: nhnId(now),
		messagePurpose: purpose,
		senderMailAddress: sender.senderMailAddress as string,
		recipients: recipientEntries.flatMap((entry) => entry.contacts.map((contact) => contact.contact)),
		recipientEntries,
		title: content.title,
		body: content.body,
		attachments,
		options: presentFields(body, ['statsKeyId', 'scheduledDateTime', 'confirmBeforeSend', 'id']),
		receivedAt: formatKst(now),
	};
}

async function sendEmail(ctx: RequestContext, params: Record<string, string>): Promise<void> {
	const body = await readNhnJson(ctx);
	if (!body) return;
	let mail: NhnMail;
	try {
		mail = acceptMail(ctx.state, params.messagePurpose, body);
	} catch (error) {
		// An emulator bug answers as the server's own internal error would (500000), never a hang.
		const rejected = error instanceof SendRejected ? error : new SendRejected(NHN_CODES.INTERNAL_ERROR, String(error));
		return nhnFail(ctx, rejected.code, rejected.message);
	}
	ctx.state.nhn.mails.push(mail);
	sendNhn(ctx, NHN_SUCCESS(), { messageId: mail.messageId });
}

export const MESSAGE_ROUTES: Route[] = [
	{ segments: ['message', 'v1.0', 'EMAIL', 'free-form-messages', ':messagePurpose'], methods: { POST: sendEmail } },
];
