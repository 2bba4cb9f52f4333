import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fileSourceOf, type BinaryFile } from '../../helpers/binary-input';
import { withFileBytes } from '../../helpers/file-bytes-budget';
import { safeFileName } from '../../helpers/file-name';
import { multipartBody } from '../../transport/multipart';
import { ncpRequest } from '../../transport/ncp';

/**
 * One createFile request with a fileList part per file (checked beforehand with `inspectBinary`): the service's
 * answer `{tempRequestId, files}`. Used by the Upload operation and by the Send Email node.
 */
export async function uploadNcpFiles(ctx: IExecuteFunctions, itemIndex: number, files: BinaryFile[]): Promise<IDataObject> {
	const bytes = files.reduce((sum, file) => sum + file.size, 0);
	const answer = await withFileBytes(ctx, bytes, async () => {
		const parts = [];
		for (const file of files) {
			const source = await fileSourceOf(ctx, itemIndex, file);
			parts.push({ name: 'fileList', source, fileName: safeFileName(file.fileName, true), mimeType: file.mimeType });
		}
		return await ncpRequest.call(ctx, itemIndex, { method: 'POST', path: '/files', body: multipartBody(parts) });
	});
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
