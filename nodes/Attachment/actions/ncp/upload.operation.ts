import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { inspectBinary, type BinaryFile } from '../../helpers/binary-input';
import { NCP_MAX_FILE_BYTES } from '../../helpers/limits';
import { binaryPropertiesParameter, requestPolicy } from '../../helpers/parameters';
import { binaryPropertyField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { uploadsOutput } from './output';
import { uploadNcpFiles } from './upload-files';

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

/** The error of a failed upload, saying which uploads of the same item were stored before it: nothing lost unseen. */
function withStoredUploads(ctx: IExecuteFunctions, itemIndex: number, error: unknown, uploads: IDataObject[]) {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (uploads.length > 0) {
		const stored = uploads.map((body) => body.tempRequestId).join(', ');
		nodeError.description = `${nodeError.description ?? ''} Files of this item already uploaded (delete them or use them): tempRequestId ${stored}.`.trim();
	}
	return nodeError;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const files: BinaryFile[] = [];
	for (const property of binaryPropertiesParameter(this, itemIndex, 'binaryPropertyName')) {
		files.push(await inspectBinary(this, itemIndex, property, NCP_MAX_FILE_BYTES, 'Cloud Outbound Mailer'));
	}
	// Options are checked before the first file is read.
	requestPolicy(this, itemIndex);
	const perFile = this.getNodeParameter('requestMode', itemIndex) === 'perFile';
	const groups = perFile ? files.map((file) => [file]) : [files];
	const uploads: IDataObject[] = [];
	for (const group of groups) {
		try {
			uploads.push(await uploadNcpFiles(this, itemIndex, group));
		} catch (error) {
			throw withStoredUploads(this, itemIndex, error, uploads);
		}
	}
	return [{ json: uploadsOutput(uploads) }];
}
