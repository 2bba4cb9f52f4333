/*
 * NCP createMailRequest, POST /ncp/api/v1/mails: checks what the createMailRequest and RecipientForRequest
 * pages document (docs/send-email-spec.md lists each rule with its source), records the mail, answers
 * 201 {requestId, count}. A broken rule is 77102 (400); an attachFileId that names no stored file is 77103.
 * Choices where the pages are silent: a recipient without `type` is R (the documented default); `count`
 * is the number of recipients; "500 KB" is 500 × 1024 bytes of UTF-8; recipientGroupFilter is accepted
 * (the emulator has no address book, so it adds no recipients).
 */
import type { RequestContext } from './context';
import { drain, isJsonRequest, readJson, sendJson } from './http-utils';
import { formatKst, ncpRequestId } from './ids';
import { addressProblem, isFilledString, isRecord, presentFields, utf8Bytes } from './mail-checks';
import { ncpServiceError } from './ncp-errors';
import { nextMailSequence, type AttachmentRef, type NcpMail, type NcpRecipient } from './state';

export const NCP_MAIL_ATTACHMENTS_LIMIT_BYTES = 20 * 1024 * 1024;
export const NCP_BODY_LIMIT_BYTES = 500 * 1024;
export const NCP_TITLE_LIMIT_BYTES = 500;
export const NCP_NAME_LIMIT = 69;
export const NCP_MAX_RECIPIENTS = 100_000;
export const NCP_MAX_CC = 30;
export const NCP_MAX_BCC = 30;
const JSON_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
const RESERVATION_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

const OPTION_FIELDS = [
	'templateSid',
	'individual',
	'confirmAndSend',
	'advertising',
	'parameters',
	'referencesHeader',
	'reservationUtc',
	'reservationDateTime',
	'recipientGroupFilter',
	'useBasicUnsubscribeMsg',
	'unsubscribeMessage',
] as const;

class MailRejected extends Error {
	constructor(
		readonly code: '77102' | '77103' | '77303',
		message: string,
	) {
		super(message);
	}
}

const reject = (message: string): never => {
	throw new MailRejected('77102', message);
};

function optionalType(raw: Record<string, unknown>, field: string, type: 'boolean' | 'string' | 'object'): void {
	const value = raw[field];
	if (value === undefined || value === null) return;
	const ok = type === 'object' ? isRecord(value) : typeof value === type;
	if (!ok) reject(`${field} must be ${type === 'object' ? 'an object' : `a ${type}`}`);
}

function checkScalars(raw: Record<string, unknown>): void {
	const usesTemplate = raw.templateSid !== undefined && raw.templateSid !== null;
	if (usesTemplate && !Number.isInteger(raw.templateSid)) reject('templateSid must be an integer');
	for (const field of ['individual', 'confirmAndSend', 'advertising', 'useBasicUnsubscribeMsg']) optionalType(raw, field, 'boolean');
	for (const field of ['senderName', 'title', 'body', 'referencesHeader', 'unsubscribeMessage', 'reservationDateTime']) {
		optionalType(raw, field, 'string');
	}
	optionalType(raw, 'parameters', 'object');
	if (!usesTemplate || raw.senderAddress !== undefined) {
		const problem = addressProblem(raw.senderAddress);
		if (problem) reject(`senderAddress ${problem}`);
	}
	if (typeof raw.senderName === 'string' && utf8Bytes(raw.senderName) > NCP_NAME_LIMIT) {
		reject(`senderName is ${utf8Bytes(raw.senderName)} bytes; at most ${NCP_NAME_LIMIT}`);
	}
	if (!usesTemplate && !isFilledString(raw.title)) reject('title is required without templateSid');
	if (!usesTemplate && !isFilledString(raw.body)) reject('body is required without templateSid');
	if (typeof raw.title === 'string' && utf8Bytes(raw.title) > NCP_TITLE_LIMIT_BYTES) {
		reject(`title is ${utf8Bytes(raw.title)} bytes; at most ${NCP_TITLE_LIMIT_BYTES}`);
	}
}

function checkBodySize(raw: Record<string, unknown>): void {
	const body = typeof raw.body === 'string' ? utf8Bytes(raw.body) : 0;
	const unsubscribe = raw.advertising === true && typeof raw.unsubscribeMessage === 'string' ? utf8Bytes(raw.unsubscribeMessage) : 0;
	if (body + unsubscribe > NCP_BODY_LIMIT_BYTES) {
		const what = unsubscribe > 0 ? 'body with unsubscribeMessage' : 'body';
		reject(`${what} is ${body + unsubscribe} bytes; at most ${NCP_BODY_LIMIT_BYTES} (500 KB)`);
	}
	if (raw.advertising === true && raw.useBasicUnsubscribeMsg === false && !isFilledString(raw.unsubscribeMessage)) {
		reject('unsubscribeMessage is required for an advertising mail with useBasicUnsubscribeMsg false');
	}
}

function checkReservation(raw: Record<string, unknown>): void {
	const utc = raw.reservationUtc;
	if (utc !== undefined && utc !== null && !Number.isInteger(utc)) reject('reservationUtc must be epoch milliseconds (an integer)');
	const dateTime = raw.reservationDateTime;
	if (typeof dateTime === 'string' && !RESERVATION_DATE_TIME.test(dateTime)) reject('reservationDateTime must be yyyy-MM-dd HH:mm');
}

function recipientOf(value: unknown, i: number): NcpRecipient {
	if (!isRecord(value)) return reject(`recipients[${i}] must be an object`);
	const problem = addressProblem(value.address);
	if (problem) reject(`recipients[${i}].address ${problem}`);
	const type = value.type ?? 'R';
	if (type !== 'R' && type !== 'C' && type !== 'B') reject(`recipients[${i}].type must be R, C or B`);
	if (value.name !== undefined && value.name !== null && typeof value.name !== 'string') reject(`recipients[${i}].name must be a string`);
	if (typeof value.name === 'string' && [...value.name].length > NCP_NAME_LIMIT) {
		reject(`recipients[${i}].name is over ${NCP_NAME_LIMIT} characters`);
	}
	if (value.parameters !== undefined && value.parameters !== null && !isRecord(value.parameters)) {
		reject(`recipients[${i}].parameters must be an object`);
	}
	const recipient: NcpRecipient = { address: value.address as string, type: type as string };
	if (typeof value.name === 'string') recipient.name = value.name;
	if (isRecord(value.parameters)) recipient.parameters = value.parameters;
	return recipient;
}

function checkRecipients(raw: Record<string, unknown>): NcpRecipient[] {
	const filter = raw.recipientGroupFilter;
	if (filter !== undefined && filter !== null) {
		if (!isRecord(filter) || typeof filter.andFilter !== 'boolean' || !Array.isArray(filter.groups)) {
			reject('recipientGroupFilter must be {andFilter: boolean, groups: [names]}');
		}
	}
	if (raw.recipients === undefined && filter) return [];
	if (!Array.isArray(raw.recipients) || raw.recipients.length === 0) return reject('recipients must be a non-empty array');
	if (raw.recipients.length > NCP_MAX_RECIPIENTS) reject(`recipients has ${raw.recipients.length} entries; at most ${NCP_MAX_RECIPIENTS}`);
	const recipients = raw.recipients.map(recipientOf);
	const count = (type: string) => recipients.filter((r) => r.type === type).length;
	if (raw.individual !== false && count('R') < recipients.length) {
		reject('CC (C) and BCC (B) recipients need individual: false (individual sending, the default, takes R only)');
	}
	if (count('C') > NCP_MAX_CC) reject(`${count('C')} CC recipients; at most ${NCP_MAX_CC}`);
	if (count('B') > NCP_MAX_BCC) reject(`${count('B')} BCC recipients; at most ${NCP_MAX_BCC}`);
	return recipients;
}

function attachmentsOf(ctx: RequestContext, raw: Record<string, unknown>): AttachmentRef[] {
	const ids = raw.attachFileIds ?? [];
	if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return reject('attachFileIds must be an array of file ids');
	const attachments = (ids as string[]).map((id) => {
		const file = ctx.state.ncp.filesById.get(id);
		if (!file) throw new MailRejected('77103', `Attachment file "${id}" does not exist`);
		return { id, fileName: file.fileName, size: file.size, sha256: file.sha256 };
	});
	const total = attachments.reduce((sum, file) => sum + file.size, 0);
	if (total > NCP_MAIL_ATTACHMENTS_LIMIT_BYTES) {
		reject(`Attachments total ${total} bytes, over 20 MB (${NCP_MAIL_ATTACHMENTS_LIMIT_BYTES} bytes)`);
	}
	return attachments;
}

function acceptMail(ctx: RequestContext, raw: unknown): NcpMail {
	if (!isRecord(raw)) return reject('Request body must be a JSON object');
	checkScalars(raw);
	checkBodySize(raw);
	checkReservation(raw);
	const recipients = checkRecipients(raw);
	const attachments = attachmentsOf(ctx, raw);
	const now = ctx.state.clock.now();
	return {
		sequence: nextMailSequence(ctx.state),
		requestId: ncpRequestId(now),
		count: recipients.length,
		...presentFields(raw, ['senderAddress', 'senderName', 'title', 'body']),
		recipients,
		attachments,
		options: presentFields(raw, OPTION_FIELDS),
		receivedAt: formatKst(now),
	};
}

export async function createMail(ctx: RequestContext): Promise<void> {
	if (!isJsonRequest(ctx.req)) {
		await drain(ctx.req);
		return ncpServiceError(ctx, '77002', 'Content-Type must be application/json');
	}
	const raw = await readJson(ctx.req, JSON_BODY_LIMIT_BYTES);
	if (!raw.ok) return ncpServiceError(ctx, '77102', raw.problem);
	let mail: NcpMail;
	try {
		mail = acceptMail(ctx, raw.value);
	} catch (error) {
		// An emulator bug answers as the server's own internal error would (500, 77303), never a hang.
		const rejected = error instanceof MailRejected ? error : new MailRejected('77303', String(error));
		return ncpServiceError(ctx, rejected.code, rejected.message);
	}
	ctx.state.ncp.mails.push(mail);
	sendJson(ctx.res, 201, { requestId: mail.requestId, count: mail.count });
}
