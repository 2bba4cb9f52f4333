import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { nhnFileTypeProblem } from '../../helpers/limits';
import { fileTypesParameter } from '../../helpers/parameters';
import { multipartBody } from '../../transport/multipart';
import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';
import { binaryPropertyField, fileTypeChannelField, fileTypesField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { fileNameField } from './fields';
import { nhnUploadInput, nhnUploadParts } from './upload-parts';

const properties: INodeProperties[] = [
	binaryPropertyField('The binary field holding the file to upload'),
	fileNameField,
	fileTypeChannelField,
	fileTypesField('The products the attachment is uploaded for; the file must meet each type\'s limits', false),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['nhn'], operation: ['upload'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const fileTypes = fileTypesParameter(this, itemIndex, 'fileTypes', false);
	const input = await nhnUploadInput(this, itemIndex);
	const problem = nhnFileTypeProblem(input.fileName, input.file.size, fileTypes);
	if (problem) {
		throw new NodeOperationError(
			this.getNode(),
			`The file "${input.fileName}" in binary property "${input.file.property}" of item ${itemIndex} ${problem}`,
			{ itemIndex },
		);
	}
	const body = await nhnRequest.call(this, itemIndex, {
		method: 'POST',
		path: `${NHN_API_PREFIX}/attachments`,
		body: multipartBody(await nhnUploadParts(this, itemIndex, input, fileTypes)),
	});
	return [
		{
			json: {
				attachmentId: body.attachmentId,
				fileName: input.fileName,
				fileSizeByte: input.file.size,
				fileTypes,
			},
		},
	];
}
