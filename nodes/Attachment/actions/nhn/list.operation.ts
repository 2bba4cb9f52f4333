import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { concurrencyOf } from '../../helpers/parameters';
import { apiError } from '../../transport/errors';
import { NHN_API_PREFIX, nhnRequest } from '../../transport/nhn';
import { MESSAGE_CHANNEL_OPTIONS, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { expiresWithin, listAttachments, type ListQuery } from './pager';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Expiring Within (Hours)',
				name: 'expiringWithinHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 24,
				description: 'Only attachments whose expireDateTime falls within this many hours from now (attachments are kept 7 days)',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'File Type Name or ID',
				name: 'fileType',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getFileTypes', loadOptionsDependsOn: ['filters.messageChannel'] },
				default: '',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Message Channel',
				name: 'messageChannel',
				type: 'options',
				options: MESSAGE_CHANNEL_OPTIONS,
				default: 'EMAIL',
			},
		],
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['nhn'], operation: ['list'] } }, properties);

function limitOf(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex) === true) return undefined;
	const limit = ctx.getNodeParameter('limit', itemIndex) as unknown;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
		throw new NodeOperationError(ctx.getNode(), `Limit of item ${itemIndex} must be a whole number from 1 to 1000`, {
			itemIndex,
			description: 'Turn on Return All to fetch more than 1000 attachments.',
		});
	}
	return limit;
}

function queryOf(ctx: IExecuteFunctions, itemIndex: number): { query: ListQuery; expiringWithinHours?: number } {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: ListQuery = {};
	for (const key of ['messageChannel', 'fileType', 'fileName'] as const) {
		const value = filters[key];
		if (value === undefined || value === '') continue;
		if (typeof value !== 'string') {
			throw new NodeOperationError(ctx.getNode(), `Filter ${key} of item ${itemIndex} must be text`, { itemIndex });
		}
		query[key] = value;
	}
	const hours = filters.expiringWithinHours;
	if (hours !== undefined && (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0)) {
		throw new NodeOperationError(ctx.getNode(), `Expiring Within of item ${itemIndex} must be a number of hours, 0 or more`, {
			itemIndex,
		});
	}
	return { query, expiringWithinHours: hours as number | undefined };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const limit = limitOf(this, itemIndex);
	const { query, expiringWithinHours } = queryOf(this, itemIndex);
	const keep =
		expiringWithinHours === undefined
			? undefined
			: (attachment: IDataObject) => expiresWithin(attachment.expireDateTime, Date.now(), expiringWithinHours * 3_600_000);
	const attachments = await listAttachments(
		async (qs) => await nhnRequest.call(this, itemIndex, { method: 'GET', path: `${NHN_API_PREFIX}/attachments`, qs }),
		query,
		limit,
		keep,
		concurrencyOf(this),
		(tooLong) => {
			throw apiError(this, itemIndex, {
				provider: 'nhn',
				message: tooLong.message,
				hint: 'Narrow the list with a filter (message channel, file type or file name), or turn off Return All and set a Limit.',
			});
		},
	);
	return attachments.map((attachment) => ({ json: attachment }));
}
