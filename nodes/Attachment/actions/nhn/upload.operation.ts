import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { chosenFileTypes, fileTypeFields } from './file-types';
import { fileNameField } from './fields';
import { checkNhnFileTypes, nhnUploadInputs, uploadNhnFile } from './upload-parts';

const properties: INodeProperties[] = [
	binaryPropertyField(),
	fileNameField,
	...fileTypeFields('The products the attachment is uploaded for; the file must meet each type\'s limits', false),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['nhn'], operation: ['upload'] } }, properties);

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

/** One attachment per file, one output item per attachment (all paired with the input item). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const fileTypes = chosenFileTypes(this, itemIndex, false);
	const inputs = await nhnUploadInputs(this, itemIndex);
	// Every file is checked before the first is sent.
	for (const input of inputs) checkNhnFileTypes(this, itemIndex, input, fileTypes);
	const outputs: OperationOutput[] = [];
	for (const input of inputs) {
		try {
			const body = await uploadNhnFile(this, itemIndex, input, fileTypes);
			outputs.push({ json: { attachmentId: body.attachmentId, fileName: input.fileName, fileSizeByte: input.file.size, fileTypes } });
		} catch (error) {
			throw withStoredAttachments(this, itemIndex, error, outputs);
		}
	}
	return outputs;
}
