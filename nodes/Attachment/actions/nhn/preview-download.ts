import type { IBinaryData, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { apiError } from '../../transport/errors';
import type { RequestPolicy } from '../../transport/types';

/**
 * Fetches the bytes behind an attachment's `previewUrl`. The URL is self-authorising and short-lived, so it
 * is fetched without the credential: the app key and token never travel to the storage host.
 */
export async function downloadPreview(
	ctx: IExecuteFunctions,
	itemIndex: number,
	previewUrl: string,
	fileName: string,
	policy: RequestPolicy,
): Promise<IBinaryData> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: previewUrl,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: policy.timeoutMs,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw apiError(ctx, itemIndex, {
			provider: 'nhn',
			message: `The preview URL could not be fetched (${String((error as { code?: string }).code ?? 'no answer')})`,
		});
	}
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw apiError(ctx, itemIndex, {
			provider: 'nhn',
			status: response.statusCode,
			message: 'The preview URL did not serve the file',
			hint: 'Preview URLs expire shortly after Get returns them; run Get again to have a fresh one.',
		});
	}
	const contentType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
	return await ctx.helpers.prepareBinaryData(
		Buffer.from(response.body as ArrayBuffer),
		fileName,
		contentType || undefined,
	);
}
