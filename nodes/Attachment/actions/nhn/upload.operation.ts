import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { nhnFileTypeProblem } from '../../helpers/limits';
import { fileTypesParameter } from '../../helpers/parameters';
import { multipartBody } from '../../transport/multipart';
import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';
import { binaryPropertyField, fileTypeChannelField, fileTypesField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { fileNameField } from './fields';
import { nhnUploadInputs, nhnUploadParts } from './upload-parts';

const properties: INodeProperties[] = [
	binaryPropertyField(),
	fileNameField,
	fileTypeChannelField,
	fileTypesField('The products the attachment is uploaded for; the file must meet each type\'s limits', false),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['nhn'], operation: ['upload'] } }, properties);

/** One attachment per file, one output item per attachment (all paired with the input item). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const fileTypes = fileTypesParameter(this, itemIndex, 'fileTypes', false);
	const inputs = await nhnUploadInputs(this, itemIndex);
	for (const input of inputs) {
		const problem = nhnFileTypeProblem(input.fileName, input.file.size, fileTypes);
		if (problem) {
			throw new NodeOperationError(
				this.getNode(),
				`The file "${input.fileName}" in binary property "${input.file.property}" of item ${itemIndex} ${problem}`,
				{ itemIndex },
			);
		}
	}
	const outputs: OperationOutput[] = [];
	for (const input of inputs) {
		try {
			const body = await nhnRequest.call(this, itemIndex, {
				method: 'POST',
				path: `${NHN_API_PREFIX}/attachments`,
				body: multipartBody(await nhnUploadParts(this, itemIndex, input, fileTypes)),
			});
			outputs.push({ json: { attachmentId: body.attachmentId, fileName: input.fileName, fileSizeByte: input.file.size, fileTypes } });
		} catch (error) {
			throw withStoredAttachments(this, itemIndex, error, outputs);
		}
	}
	return outputs;
}

/** A failed upload's error, naming the attachments of the same item stored before it. */
function withStoredAttachments(ctx: IExecuteFunctions, itemIndex: number, error: unknown, stored: OperationOutput[]) {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (stored.length > 0) {
		const ids = stored.map((output) => `${String(output.json.attachmentId)} (${String(output.json.fileName)})`).join(', ');
		nodeError.description = `${nodeError.description ?? ''} Files of this item already uploaded: attachmentId ${ids}.`.trim();
	}
	return nodeError;
}
