import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fileSourceOf, inspectBinary, type BinaryFile } from '../../helpers/binary-input';
import { withFileBytes } from '../../helpers/file-bytes-budget';
import { safeFileName } from '../../helpers/file-name';
import { NHN_MAX_FILE_BYTES, nhnFileTypeProblem } from '../../helpers/limits';
import { binaryPropertiesParameter } from '../../helpers/parameters';
import { multipartBody, type MultipartPart } from '../../transport/multipart';
import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';

export interface NhnUploadInput {
	file: BinaryFile;
	fileName: string;
}

/** The input file and the name to store it under (the File Name parameter, else the binary's own name). */
export async function nhnUploadInput(ctx: IExecuteFunctions, itemIndex: number): Promise<NhnUploadInput> {
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex) as unknown;
	if (typeof property !== 'string' || !property.trim()) {
		throw new NodeOperationError(ctx.getNode(), `Input Binary Field of item ${itemIndex} must be a field name`, { itemIndex });
	}
	const file = await inspectBinary(ctx, itemIndex, property.trim(), NHN_MAX_FILE_BYTES, 'Notification Hub');
	const override = ctx.getNodeParameter('fileName', itemIndex, '') as unknown;
	if (typeof override !== 'string') {
		throw new NodeOperationError(ctx.getNode(), `File Name of item ${itemIndex} must be text`, { itemIndex });
	}
	return { file, fileName: safeFileName(override.trim() || file.fileName, false) };
}

/**
 * Upload's files: one binary field, several separated by commas, or `*` for all (as NCP Upload takes them), each
 * checked before any is sent. File Name renames a single file only: with several, each keeps its own name.
 */
export async function nhnUploadInputs(ctx: IExecuteFunctions, itemIndex: number): Promise<NhnUploadInput[]> {
	const properties = binaryPropertiesParameter(ctx, itemIndex, 'binaryPropertyName');
	const override = ctx.getNodeParameter('fileName', itemIndex, '') as unknown;
	if (typeof override !== 'string') {
		throw new NodeOperationError(ctx.getNode(), `File Name of item ${itemIndex} must be text`, { itemIndex });
	}
	if (override.trim() && properties.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`File Name of item ${itemIndex} names one file, but ${properties.length} binary fields are uploaded (${properties.join(', ')})`,
			{ itemIndex, description: 'Leave File Name empty to store each file under its own name, or upload one binary field.' },
		);
	}
	const inputs: NhnUploadInput[] = [];
	for (const property of properties) {
		const file = await inspectBinary(ctx, itemIndex, property, NHN_MAX_FILE_BYTES, 'Notification Hub');
		inputs.push({ file, fileName: safeFileName(override.trim() || file.fileName, false) });
	}
	return inputs;
}

/** `file`, `fileName` and one `fileTypes` part per type: the multipart body of upload and validate-before-upload. */
export async function nhnUploadParts(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: NhnUploadInput,
	fileTypes: string[],
): Promise<MultipartPart[]> {
	const source = await fileSourceOf(ctx, itemIndex, input.file);
	return [
		{ name: 'file', source, fileName: safeFileName(input.fileName, true), mimeType: input.file.mimeType },
		{ name: 'fileName', value: input.fileName },
		...fileTypes.map((fileType) => ({ name: 'fileTypes', value: fileType })),
	];
}

/** Why this file cannot be uploaded as these file types, as an error naming the item; nothing when it can. */
export function checkNhnFileTypes(ctx: IExecuteFunctions, itemIndex: number, input: NhnUploadInput, fileTypes: string[]): void {
	const problem = nhnFileTypeProblem(input.fileName, input.file.size, fileTypes);
	if (problem) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The file "${input.fileName}" in binary property "${input.file.property}" of item ${itemIndex} ${problem}`,
			{ itemIndex },
		);
	}
}

/**
 * Uploads one file as these file types after the local checks: the service's answer (with `attachmentId`). Used by
 * the Upload operation and by the Send Email node.
 */
export async function uploadNhnFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: NhnUploadInput,
	fileTypes: string[],
): Promise<IDataObject> {
	checkNhnFileTypes(ctx, itemIndex, input, fileTypes);
	return await withFileBytes(ctx, input.file.size, async () =>
		await nhnRequest.call(ctx, itemIndex, {
			method: 'POST',
			path: `${NHN_API_PREFIX}/attachments`,
			body: multipartBody(await nhnUploadParts(ctx, itemIndex, input, fileTypes)),
		}),
	);
}
