import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idParameter } from '../../helpers/parameters';
import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { chosenFileTypes, fileTypeFields } from './file-types';
import { attachmentIdField } from './fields';

const properties: INodeProperties[] = [
	attachmentIdField,
	...fileTypeFields('The file types the attachment is to have (for templates: EMAIL_TEMPLATE or SMS_TEMPLATE)', true),
	optionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nhn'], operation: ['updateFileTypes'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const attachmentId = idParameter(this, itemIndex, 'attachmentId', 'Attachment ID');
	const fileTypes = chosenFileTypes(this, itemIndex, true);
	await nhnRequest.call(this, itemIndex, {
		method: 'POST',
		// Setting the same file types again changes nothing: safe to retry.
		idempotent: true,
		path: `${pathOf(`${NHN_API_PREFIX}/attachments`, attachmentId)}/file-types`,
		body: { fileTypes },
	});
	return [{ json: { attachmentId, fileTypes, updated: true } }];
}
