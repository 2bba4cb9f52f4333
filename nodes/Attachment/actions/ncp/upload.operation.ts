import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fileSourceOf, inspectBinary, type BinaryFile } from '../../helpers/binary-input';
import { safeFileName } from '../../helpers/file-name';
import { NCP_MAX_FILE_BYTES } from '../../helpers/limits';
import { binaryPropertiesParameter, requestPolicy } from '../../helpers/parameters';
import { multipartBody } from '../../transport/multipart';
import { ncpRequest } from '../../transport/ncp';
import { binaryPropertyField, optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { temporaryFilesOutput } from './output';
import { withEarlierRequests } from './partial-failure';

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

async function upload(ctx: IExecuteFunctions, itemIndex: number, files: BinaryFile[]): Promise<IDataObject> {
	const parts = [];
	for (const file of files) {
		const source = await fileSourceOf(ctx, itemIndex, file);
		parts.push({ name: 'fileList', source, fileName: safeFileName(file.fileName, true), mimeType: file.mimeType });
	}
	const answer = await ncpRequest.call(ctx, itemIndex, { method: 'POST', path: '/files', body: multipartBody(parts) });
	const kept = Array.isArray(answer.files) ? (answer.files as IDataObject[]) : [];
	if (kept.length < files.length) {
		// Only reachable with several parts in one request: the service may keep fewer files than it was sent.
		const names = kept.map((file) => `"${String(file.fileName)}"`).join(', ') || 'none';
		throw new NodeOperationError(
			ctx.getNode(),
			`Cloud Outbound Mailer kept ${kept.length} of the ${files.length} files of item ${itemIndex} sent in one request (tempRequestId ${String(answer.tempRequestId)})`,
			{
				itemIndex,
				description: `Files kept: ${names}. Use "One Request per File", or delete that tempRequestId and upload again.`,
			},
		);
	}
	return answer;
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
			uploads.push(await upload(this, itemIndex, group));
		} catch (error) {
			throw withEarlierRequests(this, itemIndex, error, uploads, 'Files of this item already uploaded (delete them or use them)');
		}
	}
	return [{ json: temporaryFilesOutput(uploads) }];
}
