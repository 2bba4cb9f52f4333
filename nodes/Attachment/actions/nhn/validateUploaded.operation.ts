import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idParameter } from '../../helpers/parameters';
import { failIfInvalid, NHN_API_PREFIX, nhnValidation } from '../../transport/nhn';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { chosenFileTypes, fileTypeFields } from './file-types';
import { attachmentIdField, failOnInvalidOption } from './fields';

const properties: INodeProperties[] = [
	attachmentIdField,
	...fileTypeFields('The file types to check the uploaded attachment against, before updating its file types', true),
	optionsField([failOnInvalidOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nhn'], operation: ['validateUploaded'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const attachmentId = idParameter(this, itemIndex, 'attachmentId', 'Attachment ID');
	const fileTypes = chosenFileTypes(this, itemIndex, true);
	const request = {
		method: 'POST' as const,
		idempotent: true,
		path: `${pathOf(`${NHN_API_PREFIX}/attachments`, attachmentId)}/do-validate`,
		body: { fileTypes },
	};
	const { verdict, status } = await nhnValidation.call(this, itemIndex, request, fileTypes);
	if (this.getNodeParameter('options.failOnInvalid', itemIndex, false) === true) {
		failIfInvalid(this, itemIndex, verdict, status);
	}
	return [{ json: { attachmentId, ...verdict } }];
}
