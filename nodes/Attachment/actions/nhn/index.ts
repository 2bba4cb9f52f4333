import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as get from './get.operation';
import * as list from './list.operation';
import * as listFileTypes from './listFileTypes.operation';
import * as updateFileTypes from './updateFileTypes.operation';
import * as upload from './upload.operation';
import * as validateBeforeUpload from './validateBeforeUpload.operation';
import * as validateUploaded from './validateUploaded.operation';

export const operations: Record<string, OperationModule> = {
	upload,
	list,
	get,
	validateBeforeUpload,
	validateUploaded,
	updateFileTypes,
	listFileTypes,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['nhn'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an attachment, optionally with its file', action: 'Get an attachment' },
			{ name: 'List', value: 'list', description: 'List attachments', action: 'List attachments' },
			{
				name: 'List File Types',
				value: 'listFileTypes',
				description: 'List the file types of a message channel',
				action: 'List file types',
			},
			{
				name: 'Update File Types',
				value: 'updateFileTypes',
				description: 'Change the file types of an uploaded attachment',
				action: 'Update file types of an attachment',
			},
			{ name: 'Upload', value: 'upload', description: 'Upload an attachment', action: 'Upload an attachment' },
			{
				name: 'Validate Before Upload',
				value: 'validateBeforeUpload',
				description: 'Check a file against file types without storing it',
				action: 'Validate a file before upload',
			},
			{
				name: 'Validate Uploaded',
				value: 'validateUploaded',
				description: 'Check an uploaded attachment against file types',
				action: 'Validate an uploaded attachment',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...list.description,
	...get.description,
	...validateBeforeUpload.description,
	...validateUploaded.description,
	...updateFileTypes.description,
	...listFileTypes.description,
];
