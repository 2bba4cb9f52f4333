import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fileSourceOf, inspectBinary, type BinaryFile } from '../../helpers/binary-input';
import { safeFileName } from '../../helpers/file-name';
import { NCP_MAX_FILE_BYTES } from '../../helpers/limits';
import { binaryPropertiesParameter, requestPolicy } from '../../helpers/parameters';
import { multipartBody } from '../../transport/multipart';
import { ncpTransport } from '../../transport/ncp';
import type { RequestPolicy } from '../../transport/types';
import { binaryPropertyField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { uploadsOutput } from './output';

const properties: INodeProperties[] = [
	binaryPropertyField('One binary field, or several separated by commas (for example: data, invoice)'),
	{
		displayName: 'Requests',
		name: 'requestMode',
		type: 'options',
		options: [
			{
				name: 'All Files in One Request',
				value: 'single',
				description: 'One upload with a fileList part per file: one tempRequestId for all',
			},
			{
				name: 'One Request per File',
				value: 'perFile',
				description: 'One upload per file: one tempRequestId per file',
			},
		],
		default: 'single',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['upload'] } }, properties);

async function upload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	files: BinaryFile[],
	policy: RequestPolicy,
): Promise<IDataObject> {
	const parts = [];
	for (const file of files) {
		const source = await fileSourceOf(ctx, itemIndex, file);
		parts.push({ name: 'fileList', source, fileName: safeFileName(file.fileName, true), mimeType: file.mimeType });
	}
	const body = multipartBody(parts);
	return await ncpTransport.call(ctx, { method: 'POST', path: '/files', body }, itemIndex, policy);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const files: BinaryFile[] = [];
	for (const property of binaryPropertiesParameter(this, itemIndex, 'binaryPropertyName')) {
		files.push(await inspectBinary(this, itemIndex, property, NCP_MAX_FILE_BYTES, 'Cloud Outbound Mailer'));
	}
	const policy = requestPolicy(this, itemIndex);
	const perFile = this.getNodeParameter('requestMode', itemIndex) === 'perFile';
	const groups = perFile ? files.map((file) => [file]) : [files];
	const uploads: IDataObject[] = [];
	for (const group of groups) {
		try {
			uploads.push(await upload(this, itemIndex, group, policy));
		} catch (error) {
			if (!(error instanceof NodeApiError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			if (uploads.length > 0) {
				const stored = uploads.map((body) => body.tempRequestId).join(', ');
				error.description = `${error.description ?? ''} Files of this item already uploaded (delete them or use them): tempRequestId ${stored}.`.trim();
			}
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
		}
	}
	return [{ json: uploadsOutput(uploads) }];
}
