import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as deleteFiles from './delete.operation';
import * as get from './get.operation';
import * as upload from './upload.operation';

export const operations: Record<string, OperationModule> = { upload, get, delete: deleteFiles };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ncp'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete the temporary files of an upload',
				action: 'Delete temporary files',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Look up the temporary files of an upload',
				action: 'Get temporary files',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload files for use as email attachments',
				action: 'Upload files',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...get.description,
	...deleteFiles.description,
];
