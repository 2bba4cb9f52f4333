import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withFileBytes } from '../../helpers/file-bytes-budget';
import { multipartBody } from '../../transport/multipart';
import { failIfInvalid, NHN_API_PREFIX, nhnValidation } from '../../transport/nhn';
import { singleBinaryPropertyField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { chosenFileTypes, fileTypeFields } from './file-types';
import { failOnInvalidOption, fileNameField } from './fields';
import { nhnUploadInput, nhnUploadParts } from './upload-parts';

const properties: INodeProperties[] = [
	singleBinaryPropertyField(),
	fileNameField,
	...fileTypeFields('The file types to check the file against (format, size, dimensions)', true),
	optionsField([failOnInvalidOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nhn'], operation: ['validateBeforeUpload'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const fileTypes = chosenFileTypes(this, itemIndex, true);
	const input = await nhnUploadInput(this, itemIndex);
	const { verdict, status } = await withFileBytes(this, input.file.size, async () => {
		const request = {
			method: 'POST' as const,
			idempotent: true,
			path: `${NHN_API_PREFIX}/attachments/do-validate`,
			body: multipartBody(await nhnUploadParts(this, itemIndex, input, fileTypes)),
		};
		return await nhnValidation.call(this, itemIndex, request, fileTypes);
	});
	if (this.getNodeParameter('options.failOnInvalid', itemIndex, false) === true) {
		failIfInvalid(this, itemIndex, verdict, status);
	}
	return [{ json: { fileName: input.fileName, fileSizeByte: input.file.size, ...verdict } }];
}
