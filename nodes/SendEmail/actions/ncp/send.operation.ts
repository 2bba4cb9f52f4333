import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../Attachment/actions/common/fields';
import type { OperationOutput } from '../../../Attachment/actions/types';
import { uploadNcpFiles } from '../../../Attachment/actions/ncp/upload-files';
import { NCP_MAX_FILE_BYTES } from '../../../Attachment/helpers/limits';
import { requestPolicy } from '../../../Attachment/helpers/parameters';
import { ncpRequest } from '../../../Attachment/transport/ncp';
import { addressListParameter, senderParameter, type MailAddress } from '../../helpers/addresses';
import {
	attachmentIdsParameter,
	binaryAttachmentsParameter,
	checkTotalSize,
	sentAttachments,
	uploadEach,
	withUploaded,
	type SentAttachment,
} from '../../helpers/attachments';
import * as limits from '../../helpers/limits';
import { sendAtParameter } from '../../helpers/send-time';
import { additionalFields, optionalBoolean, optionalObject, optionalText, textAsHtml, textParameter, utf8Bytes } from '../../helpers/values';
import { mailFields } from '../fields';
import { ncpAdditionalFields } from './fields';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['send'] } }, [
	...mailFields('ncp'),
	ncpAdditionalFields,
	optionsField(),
]);

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** To, CC and BCC as `recipients[]` with their types R, C, B, within the documented counts and name length. */
function recipientsOf(ctx: IExecuteFunctions, itemIndex: number): { recipients: IDataObject[]; copies: boolean } {
	const to = addressListParameter(ctx, itemIndex, 'toEmail', 'To Email');
	const cc = addressListParameter(ctx, itemIndex, 'ccEmail', 'CC Email');
	const bcc = addressListParameter(ctx, itemIndex, 'bccEmail', 'BCC Email');
	if (to.length === 0) fail(ctx, itemIndex, `Item ${itemIndex} has no recipient: To Email is empty`);
	if (cc.length > limits.NCP_MAX_CC) fail(ctx, itemIndex, `CC Email of item ${itemIndex} has ${cc.length} addresses; Cloud Outbound Mailer takes at most ${limits.NCP_MAX_CC}`);
	if (bcc.length > limits.NCP_MAX_BCC) fail(ctx, itemIndex, `BCC Email of item ${itemIndex} has ${bcc.length} addresses; Cloud Outbound Mailer takes at most ${limits.NCP_MAX_BCC}`);
	const total = to.length + cc.length + bcc.length;
	if (total > limits.NCP_MAX_RECIPIENTS) {
		fail(ctx, itemIndex, `Item ${itemIndex} has ${total} recipients; Cloud Outbound Mailer takes at most ${limits.NCP_MAX_RECIPIENTS.toLocaleString('en-US')} per mail`);
	}
	const entry = (type: string) => (address: MailAddress): IDataObject => {
		if (address.name && [...address.name].length > limits.NCP_MAX_RECIPIENT_NAME_CHARS) {
			fail(ctx, itemIndex, `The name of "${address.address}" in item ${itemIndex} is over ${limits.NCP_MAX_RECIPIENT_NAME_CHARS} characters`);
		}
		return { address: address.address, ...(address.name ? { name: address.name } : {}), type };
	};
	return { recipients: [...to.map(entry('R')), ...cc.map(entry('C')), ...bcc.map(entry('B'))], copies: cc.length + bcc.length > 0 };
}

/** The mail without its attachments, every local rule checked. */
function mailOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const sender = senderParameter(ctx, itemIndex);
	const senderName = textParameter(ctx, itemIndex, 'fromName', 'From Name').trim() || sender.name || '';
	if (utf8Bytes(senderName) > limits.NCP_MAX_SENDER_NAME_BYTES) {
		fail(ctx, itemIndex, `From Name of item ${itemIndex} is ${utf8Bytes(senderName)} bytes; Cloud Outbound Mailer takes at most ${limits.NCP_MAX_SENDER_NAME_BYTES}`);
	}
	const { recipients, copies } = recipientsOf(ctx, itemIndex);
	const title = textParameter(ctx, itemIndex, 'subject', 'Subject');
	if (utf8Bytes(title) > limits.NCP_MAX_TITLE_BYTES) {
		fail(ctx, itemIndex, `Subject of item ${itemIndex} is ${utf8Bytes(title)} bytes; Cloud Outbound Mailer takes at most ${limits.NCP_MAX_TITLE_BYTES}`);
	}
	const written = textParameter(ctx, itemIndex, 'body', 'Body');
	const body = ctx.getNodeParameter('emailFormat', itemIndex, 'html') === 'text' ? textAsHtml(written) : written;

	const fields = additionalFields(ctx, itemIndex);
	const advertising = optionalBoolean(ctx, itemIndex, fields, 'advertising', 'Advertising');
	const useBasicUnsubscribeMsg = optionalBoolean(ctx, itemIndex, fields, 'useBasicUnsubscribeMsg', 'Use Basic Unsubscribe Message');
	const unsubscribeMessage = optionalText(ctx, itemIndex, fields, 'unsubscribeMessage', 'Unsubscribe Message');
	if (advertising && useBasicUnsubscribeMsg === false && !unsubscribeMessage) {
		fail(ctx, itemIndex, `Item ${itemIndex} is advertising without the basic unsubscribe message, so it needs an Unsubscribe Message`);
	}
	const bodyBytes = utf8Bytes(body) + (advertising && unsubscribeMessage ? utf8Bytes(unsubscribeMessage) : 0);
	if (bodyBytes > limits.NCP_MAX_BODY_BYTES) {
		fail(ctx, itemIndex, `Body of item ${itemIndex} is ${bodyBytes.toLocaleString('en-US')} bytes as sent; Cloud Outbound Mailer takes at most 500 KB (${limits.NCP_MAX_BODY_BYTES.toLocaleString('en-US')} bytes)`);
	}
	let individual = optionalBoolean(ctx, itemIndex, fields, 'individual', 'Send Individually');
	if (copies && individual === true) {
		fail(ctx, itemIndex, `Item ${itemIndex} has CC or BCC recipients with Send Individually on`, 'The service takes CC and BCC only on one mail to all: turn Send Individually off, or remove CC and BCC.');
	}
	if (copies) individual = false;
	const referencesHeader = optionalText(ctx, itemIndex, fields, 'referencesHeader', 'References Header');
	if (referencesHeader && referencesHeader.length > limits.NCP_MAX_REFERENCES_CHARS) {
		fail(ctx, itemIndex, `References Header of item ${itemIndex} is over ${limits.NCP_MAX_REFERENCES_CHARS} characters`);
	}
	const optional: IDataObject = {
		senderName: senderName || undefined,
		individual,
		advertising,
		useBasicUnsubscribeMsg: advertising ? useBasicUnsubscribeMsg : undefined,
		unsubscribeMessage: advertising ? unsubscribeMessage : undefined,
		confirmAndSend: optionalBoolean(ctx, itemIndex, fields, 'confirmAndSend', 'Confirm in Console Before Sending'),
		parameters: optionalObject(ctx, itemIndex, fields, 'parameters', 'Substitution Parameters'),
		referencesHeader,
		reservationUtc: sendAtParameter(ctx, itemIndex, fields),
	};
	const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
	return { senderAddress: sender.address, title, body, recipients, ...present };
}

async function uploadOne(ctx: IExecuteFunctions, itemIndex: number, file: Parameters<typeof uploadNcpFiles>[2][number]): Promise<SentAttachment> {
	const answer = await uploadNcpFiles(ctx, itemIndex, [file]);
	const [stored] = answer.files as IDataObject[];
	return { id: String(stored.fileId), name: String(stored.fileName ?? file.fileName), size: Number(stored.fileSize ?? file.size) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const mail = mailOf(this, itemIndex);
	const files = await binaryAttachmentsParameter(this, itemIndex, NCP_MAX_FILE_BYTES, 'Cloud Outbound Mailer');
	checkTotalSize(this, itemIndex, files, limits.NCP_MAX_MAIL_ATTACHMENT_BYTES, 'Cloud Outbound Mailer (reported limit)');
	const givenIds = attachmentIdsParameter(this, itemIndex);
	requestPolicy(this, itemIndex);
	// One createFile request per file: the one-file form is the documented one.
	const uploaded = await uploadEach(this, itemIndex, files, async (file) => await uploadOne(this, itemIndex, file));
	const attachments = sentAttachments(uploaded, givenIds);
	if (attachments.length > 0) mail.attachFileIds = attachments.map((attachment) => attachment.id);
	let answer: IDataObject;
	try {
		answer = await ncpRequest.call(this, itemIndex, { method: 'POST', path: '/mails', body: mail, idempotent: false });
	} catch (error) {
		throw withUploaded(this, itemIndex, error, uploaded);
	}
	return [{ json: { requestId: answer.requestId, count: answer.count, attachments } }];
}
