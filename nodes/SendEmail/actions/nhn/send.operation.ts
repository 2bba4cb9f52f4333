import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../Attachment/actions/common/fields';
import type { OperationOutput } from '../../../Attachment/actions/types';
import { checkNhnFileTypes, uploadNhnFile, type NhnUploadInput } from '../../../Attachment/actions/nhn/upload-parts';
import { safeFileName } from '../../../Attachment/helpers/file-name';
import { NHN_MAX_FILE_BYTES } from '../../../Attachment/helpers/limits';
import { requestPolicy } from '../../../Attachment/helpers/parameters';
import { nhnRequest } from '../../../Attachment/transport/nhn';
import { addressListParameter, senderParameter } from '../../helpers/addresses';
import {
	attachmentIdsParameter,
	binaryAttachmentsParameter,
	checkTotalSize,
	sentAttachments,
	uploadEach,
	withUploaded,
} from '../../helpers/attachments';
import * as limits from '../../helpers/limits';
import { koreaIsoOf, sendAtParameter } from '../../helpers/send-time';
import { additionalFields, optionalBoolean, optionalObject, optionalText, textParameter } from '../../helpers/values';
import { mailFields } from '../fields';
import { nhnAdditionalFields } from './fields';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['nhn'], operation: ['send'] } }, [
	...mailFields('nhn'),
	nhnAdditionalFields,
	optionsField(),
]);

const PURPOSES = ['NORMAL', 'AD', 'AUTH'];

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** The message without its attachments, every local rule checked; and its purpose (part of the path). */
function messageOf(ctx: IExecuteFunctions, itemIndex: number): { purpose: string; message: IDataObject } {
	const fields = additionalFields(ctx, itemIndex);
	const purpose = fields.messagePurpose === undefined || fields.messagePurpose === '' ? 'NORMAL' : String(fields.messagePurpose);
	if (!PURPOSES.includes(purpose)) fail(ctx, itemIndex, `Message Purpose of item ${itemIndex} must be NORMAL, AD or AUTH, not "${purpose}"`);
	// Notification Hub has no sender name field: only the address is sent.
	const sender = senderParameter(ctx, itemIndex);
	const to = addressListParameter(ctx, itemIndex, 'toEmail', 'To Email');
	if (to.length === 0) fail(ctx, itemIndex, `Item ${itemIndex} has no recipient: To Email is empty`);
	const title = textParameter(ctx, itemIndex, 'subject', 'Subject');
	if (!title.trim()) fail(ctx, itemIndex, `Subject of item ${itemIndex} is empty; Notification Hub refuses a blank title`);
	if (purpose === 'AD' && !limits.NHN_AD_LABELS.some((label) => title.startsWith(label))) {
		fail(ctx, itemIndex, `Subject of item ${itemIndex} must begin with an advertising label for an AD mail: ${limits.NHN_AD_LABELS.join(', ')}`);
	}
	const body = textParameter(ctx, itemIndex, 'body', 'Body');
	if (!body) fail(ctx, itemIndex, `Body of item ${itemIndex} is empty; Notification Hub refuses an empty body`);
	const statsKeyId = optionalText(ctx, itemIndex, fields, 'statsKeyId', 'Statistics Key ID');
	if (statsKeyId && statsKeyId.length > limits.NHN_MAX_STATS_KEY_CHARS) {
		fail(ctx, itemIndex, `Statistics Key ID of item ${itemIndex} is over ${limits.NHN_MAX_STATS_KEY_CHARS} characters`);
	}
	const sendAt = sendAtParameter(ctx, itemIndex, fields);
	if (sendAt !== undefined && sendAt - Date.now() > limits.NHN_MAX_SCHEDULE_AHEAD_MS) {
		fail(ctx, itemIndex, `Send At of item ${itemIndex} is more than 60 days ahead; Notification Hub schedules at most 60 days ahead`);
	}
	const confirmBeforeSend = optionalBoolean(ctx, itemIndex, fields, 'confirmBeforeSend', 'Confirm in Console Before Sending');
	if (confirmBeforeSend && sendAt !== undefined) {
		fail(ctx, itemIndex, `Item ${itemIndex} sets both Send At and Confirm in Console Before Sending; Notification Hub takes one or the other`);
	}
	const templateParameters = optionalObject(ctx, itemIndex, fields, 'templateParameters', 'Template Parameters');
	// One recipients[] entry per address: delivery results are reported per entry.
	const recipients = to.map((address) => ({
		contacts: [{ contactType: 'EMAIL_ADDRESS', contact: address.address }],
		...(templateParameters ? { templateParameters } : {}),
	}));
	const optional: IDataObject = {
		statsKeyId,
		scheduledDateTime: sendAt === undefined ? undefined : koreaIsoOf(sendAt),
		confirmBeforeSend,
	};
	const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
	return { purpose, message: { sender: { senderMailAddress: sender.address }, recipients, content: { title, body }, ...present } };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const { purpose, message } = messageOf(this, itemIndex);
	const files = await binaryAttachmentsParameter(this, itemIndex, NHN_MAX_FILE_BYTES, 'Notification Hub');
	const inputs: NhnUploadInput[] = files.map((file) => ({ file, fileName: safeFileName(file.fileName, false) }));
	for (const input of inputs) checkNhnFileTypes(this, itemIndex, input, [limits.NHN_EMAIL_FILE_TYPE]);
	checkTotalSize(this, itemIndex, files, limits.NHN_MAX_MAIL_ATTACHMENT_BYTES, 'Notification Hub');
	const givenIds = attachmentIdsParameter(this, itemIndex);
	const count = files.length + givenIds.length;
	if (purpose === 'AUTH' && count > 0) {
		fail(this, itemIndex, `Item ${itemIndex} is an AUTH (verification) mail with ${count} attachments; Notification Hub sends AUTH mail without attachments`);
	}
	if (count > limits.NHN_MAX_ATTACHMENTS) {
		fail(this, itemIndex, `Item ${itemIndex} has ${count} attachments; Notification Hub takes at most ${limits.NHN_MAX_ATTACHMENTS} per mail`);
	}
	requestPolicy(this, itemIndex);
	const uploaded = await uploadEach(this, itemIndex, files, async (file) => {
		const input = inputs[files.indexOf(file)];
		const body = await uploadNhnFile(this, itemIndex, input, [limits.NHN_EMAIL_FILE_TYPE]);
		return { id: String(body.attachmentId), name: input.fileName, size: file.size };
	});
	const attachments = sentAttachments(uploaded, givenIds);
	if (attachments.length > 0) (message.content as IDataObject).attachmentIds = attachments.map((attachment) => attachment.id);
	let answer: IDataObject;
	try {
		answer = await nhnRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/message/v1.0/EMAIL/free-form-messages/${purpose}`,
			body: message,
			idempotent: false,
		});
	} catch (error) {
		throw withUploaded(this, itemIndex, error, uploaded);
	}
	// Everything but the header: today `messageId`, and whatever identifiers the service adds.
	const identifiers = Object.fromEntries(Object.entries(answer).filter(([key]) => key !== 'header'));
	return [{ json: { ...identifiers, messagePurpose: purpose, attachments } }];
}
