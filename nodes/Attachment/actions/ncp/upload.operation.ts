import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inspectBinary, type BinaryFile } from '../../helpers/binary-input';
import { NCP_MAX_FILE_BYTES } from '../../helpers/limits';
import { binaryPropertiesParameter, requestPolicy } from '../../helpers/parameters';
import { binaryPropertyField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { temporaryFilesOutput } from './output';
import { withEarlierRequests } from './partial-failure';
import { uploadNcpFiles } from './upload-files';

const properties: INodeProperties[] = [
	binaryPropertyField(),
	{
		displayName: 'Requests',
		name: 'requestMode',
		type: 'options',
		options: [
			{
				name: 'One Request per File',
				value: 'perFile',
				description: 'One upload per file, as NAVER documents it and its own SDKs do: one tempRequestId per file',
			},
			{
				name: 'All Files in One Request',
				value: 'single',
				description:
					'One upload with a fileList part per file and one tempRequestId for all; if the service keeps fewer files than it was sent, the item fails and names the files kept',
			},
		],
		default: 'perFile',
		description: 'Either way the output lists every tempRequestId, and each file names the one that holds it',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['upload'] } }, properties);

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
			throw withEarlierRequests(this, itemIndex, error, uploads, 'Files of this item already uploaded (delete them or use them)');
		}
	}
	return [{ json: temporaryFilesOutput(uploads) }];
}
