import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inspectBinary, type BinaryFile } from '../../Attachment/helpers/binary-input';
import { formatBytes } from '../../Attachment/helpers/limits';

/** An attachment of the mail as the output reports it; name and size are unknown for IDs given by an earlier step. */
export interface SentAttachment extends IDataObject {
	id: string;
	name: string | null;
	size: number | null;
}

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/**
 * The files named in "Attachments (Binary Fields)" (comma-separated, n8n's convention), each checked from its
 * metadata: present, not empty, within the provider's size per file. None when the field is empty.
 */
export async function binaryAttachmentsParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	maxFileBytes: number,
	limitLabel: string,
): Promise<BinaryFile[]> {
	const raw = ctx.getNodeParameter('attachments', itemIndex, '') as unknown;
	if (raw === null || raw === undefined) return [];
	if (typeof raw !== 'string') fail(ctx, itemIndex, `Attachments (Binary Fields) of item ${itemIndex} must be text: binary field names separated by commas`);
	const properties = [...new Set(raw.split(',').map((property) => property.trim()).filter(Boolean))];
	const files: BinaryFile[] = [];
	for (const property of properties) files.push(await inspectBinary(ctx, itemIndex, property, maxFileBytes, limitLabel));
	return files;
}

/** "Attachment IDs": comma-separated text or an expression giving an array (such as `{{ $json.fileIds }}`). */
export function attachmentIdsParameter(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('attachmentIds', itemIndex, '') as unknown;
	let entries: unknown[];
	if (Array.isArray(raw)) entries = raw;
	else if (typeof raw === 'string') entries = raw.split(',');
	else if (typeof raw === 'number') entries = [raw];
	else if (raw === null || raw === undefined) entries = [];
	else fail(ctx, itemIndex, `Attachment IDs of item ${itemIndex} must be text or a list of IDs, but the expression gave ${typeof raw}`);
	const ids: string[] = [];
	for (const entry of entries) {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			fail(ctx, itemIndex, `Attachment IDs of item ${itemIndex} holds ${JSON.stringify(entry)}, which is not an ID`);
		}
		const id = String(entry).trim();
		if (!id) continue;
		if (/[\s,]/.test(id) || /^\.+$/.test(id)) fail(ctx, itemIndex, `Attachment IDs of item ${itemIndex}: "${id}" is not an ID`);
		ids.push(id);
	}
	return [...new Set(ids)];
}

/** The files the node uploads must fit the mail's total: refused before any upload. */
export function checkTotalSize(ctx: IExecuteFunctions, itemIndex: number, files: BinaryFile[], maxBytes: number, limitLabel: string): void {
	const total = files.reduce((sum, file) => sum + file.size, 0);
	if (total > maxBytes) {
		fail(
			ctx,
			itemIndex,
			`The attachments of item ${itemIndex} add up to ${formatBytes(total)}; ${limitLabel} takes at most ${formatBytes(maxBytes)} per mail`,
			`Files: ${files.map((file) => `"${file.fileName}" (${formatBytes(file.size)})`).join(', ')}.`,
		);
	}
}

/**
 * The error of a failed upload or send, carrying the IDs of the files this item already uploaded (in the description
 * and as `uploadedAttachmentIds` of the error item), so they can be sent again without uploading again.
 */
export function withUploaded(ctx: IExecuteFunctions, itemIndex: number, error: unknown, uploaded: SentAttachment[]) {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (uploaded.length > 0) {
		const ids = uploaded.map((attachment) => attachment.id);
		nodeError.description =
			`${nodeError.description ?? ''} Attachments of this item already uploaded (put these IDs in Attachment IDs to send without uploading again): ${ids.join(', ')}.`.trim();
		nodeError.context.uploadedAttachmentIds = ids;
	}
	return nodeError;
}

/** Uploads the files one by one; a failure names those already uploaded. */
export async function uploadEach(
	ctx: IExecuteFunctions,
	itemIndex: number,
	files: BinaryFile[],
	upload: (file: BinaryFile) => Promise<SentAttachment>,
): Promise<SentAttachment[]> {
	const uploaded: SentAttachment[] = [];
	for (const file of files) {
		try {
			uploaded.push(await upload(file));
		} catch (error) {
			throw withUploaded(ctx, itemIndex, error, uploaded);
		}
	}
	return uploaded;
}

/** The attachments of the output: those uploaded here, then the IDs given (name and size unknown). */
export function sentAttachments(uploaded: SentAttachment[], givenIds: string[]): SentAttachment[] {
	return [...uploaded, ...givenIds.map((id) => ({ id, name: null, size: null }))];
}
