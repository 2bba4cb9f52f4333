import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fileTypesParameter, requestPolicy } from '../../helpers/parameters';
import { multipartBody } from '../../transport/multipart';
import { NHN_API_PREFIX, nhnExchange } from '../../transport/nhn';
import { binaryPropertyField, fileTypeChannelField, fileTypesField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { failOnInvalidOption, fileNameField } from './fields';
import { nhnUploadInput, nhnUploadParts } from './upload-parts';
import { failIfInvalid, validationVerdict } from './validation';

const properties: INodeProperties[] = [
	binaryPropertyField('The binary field holding the file to check'),
	fileNameField,
	fileTypeChannelField,
	fileTypesField('The file types to check the file against (format, size, dimensions)', true),
	optionsField([failOnInvalidOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nhn'], operation: ['validateBeforeUpload'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const fileTypes = fileTypesParameter(this, itemIndex, 'fileTypes', true);
	const input = await nhnUploadInput(this, itemIndex);
	const { answer, body } = await nhnExchange(
		this,
		{
			method: 'POST',
			idempotent: true,
			path: `${NHN_API_PREFIX}/attachments/do-validate`,
			body: multipartBody(await nhnUploadParts(this, itemIndex, input, fileTypes)),
		},
		itemIndex,
		requestPolicy(this, itemIndex),
	);
	const verdict = validationVerdict(this, itemIndex, fileTypes, answer, body);
	if (this.getNodeParameter('options.failOnInvalid', itemIndex, false) === true) {
		failIfInvalid(this, itemIndex, verdict, answer.status);
	}
	return [{ json: { fileName: input.fileName, fileSizeByte: input.file.size, ...verdict } }];
}
