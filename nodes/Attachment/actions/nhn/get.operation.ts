import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { idParameter, requestPolicy } from '../../helpers/parameters';
import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { attachmentIdField } from './fields';
import { downloadPreview } from './preview-download';

const properties: INodeProperties[] = [
	attachmentIdField,
	{
		displayName: 'Download File',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to download the file into a binary field, through the attachment\'s preview URL',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { download: [true] } },
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['nhn'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const attachmentId = idParameter(this, itemIndex, 'attachmentId', 'Attachment ID');
	const policy = requestPolicy(this, itemIndex);
	const download = this.getNodeParameter('download', itemIndex, false) === true;
	const property = download ? (this.getNodeParameter('binaryPropertyName', itemIndex) as unknown) : undefined;
	if (download && (typeof property !== 'string' || !property.trim())) {
		throw new NodeOperationError(this.getNode(), `Put Output File in Field of item ${itemIndex} must be a field name`, {
			itemIndex,
		});
	}
	const body = await nhnRequest.call(this, itemIndex, { method: 'GET', path: pathOf(`${NHN_API_PREFIX}/attachments`, attachmentId) });
	const attachment = (body.attachment ?? {}) as IDataObject;
	if (typeof property !== 'string') return [{ json: attachment }];
	if (typeof attachment.previewUrl !== 'string' || !attachment.previewUrl) {
		throw new NodeOperationError(this.getNode(), `NHN Cloud returned no preview URL for attachment ${attachmentId}`, {
			itemIndex,
		});
	}
	const fileName = typeof attachment.fileName === 'string' && attachment.fileName ? attachment.fileName : attachmentId;
	const binary = await downloadPreview(this, itemIndex, attachment.previewUrl, fileName, policy);
	return [{ json: attachment, binary: { [property.trim()]: binary } }];
}
