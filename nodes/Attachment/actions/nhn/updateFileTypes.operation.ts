import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fileTypesParameter, idParameter } from '../../helpers/parameters';
import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';
import { pathOf } from '../../transport/path';
import { fileTypeChannelField, fileTypesField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { attachmentIdField } from './fields';

const properties: INodeProperties[] = [
	attachmentIdField,
	fileTypeChannelField,
	fileTypesField('The file types the attachment is to have (for templates: EMAIL_TEMPLATE or SMS_TEMPLATE)', true),
	optionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nhn'], operation: ['updateFileTypes'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const attachmentId = idParameter(this, itemIndex, 'attachmentId', 'Attachment ID');
	const fileTypes = fileTypesParameter(this, itemIndex, 'fileTypes', true);
	await nhnRequest.call(this, itemIndex, {
		method: 'POST',
		// Setting the same file types again changes nothing: safe to retry.
		idempotent: true,
		path: `${pathOf(`${NHN_API_PREFIX}/attachments`, attachmentId)}/file-types`,
		body: { fileTypes },
	});
	return [{ json: { attachmentId, fileTypes, updated: true } }];
}
