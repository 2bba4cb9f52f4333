import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fileTypesParameter } from '../../helpers/parameters';
import { binaryPropertyField, fileTypeChannelField, fileTypesField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { fileNameField } from './fields';
import { nhnUploadInput, uploadNhnFile } from './upload-parts';

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
	const body = await uploadNhnFile(this, itemIndex, input, fileTypes);
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
