import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';
import { MESSAGE_CHANNEL_OPTIONS, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Message Channel',
		name: 'messageChannel',
		type: 'options',
		options: [{ name: 'All Channels', value: '' }, ...MESSAGE_CHANNEL_OPTIONS],
		default: '',
	},
	optionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['nhn'], operation: ['listFileTypes'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const channel = this.getNodeParameter('messageChannel', itemIndex, '') as unknown;
	if (typeof channel !== 'string') {
		throw new NodeOperationError(this.getNode(), `Message Channel of item ${itemIndex} must be text`, { itemIndex });
	}
	const body = await nhnRequest.call(this, itemIndex, {
		method: 'GET',
		path: `${NHN_API_PREFIX}/attachments/file-types`,
		qs: channel ? { messageChannel: channel } : undefined,
	});
	return [{ json: { messageChannel: channel || null, fileTypes: Array.isArray(body.fileTypes) ? body.fileTypes : [] } }];
}
