import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fileTypesParameter, idParameter, requestPolicy } from '../../helpers/parameters';
import { NHN_API_PREFIX, nhnExchange } from '../../transport/nhn';
import { pathOf } from '../../transport/path';
import { fileTypeChannelField, fileTypesField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { attachmentIdField, failOnInvalidOption } from './fields';
import { failIfInvalid, validationVerdict } from './validation';

const properties: INodeProperties[] = [
	attachmentIdField,
	fileTypeChannelField,
	fileTypesField('The file types to check the uploaded attachment against, before updating its file types', true),
	optionsField([failOnInvalidOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nhn'], operation: ['validateUploaded'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const attachmentId = idParameter(this, itemIndex, 'attachmentId', 'Attachment ID');
	const fileTypes = fileTypesParameter(this, itemIndex, 'fileTypes', true);
	const { answer, body } = await nhnExchange(
		this,
		{
			method: 'POST',
			idempotent: true,
			path: `${pathOf(`${NHN_API_PREFIX}/attachments`, attachmentId)}/do-validate`,
			body: { fileTypes },
		},
		itemIndex,
		requestPolicy(this, itemIndex),
	);
	const verdict = validationVerdict(this, itemIndex, fileTypes, answer, body);
	if (this.getNodeParameter('options.failOnInvalid', itemIndex, false) === true) {
		failIfInvalid(this, itemIndex, verdict, answer.status);
	}
	return [{ json: { attachmentId, ...verdict } }];
}
