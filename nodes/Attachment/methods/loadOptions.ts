import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fileTypeLimits } from '../helpers/limits';
import { NHN_API_PREFIX, nhnRequest } from '../transport/nhn';

function channelOf(ctx: ILoadOptionsFunctions): string {
	for (const path of ['fileTypeChannel', 'filters.messageChannel']) {
		const value = ctx.getCurrentNodeParameter(path);
		if (typeof value === 'string' && value) return value;
	}
	return '';
}

/**
 * The file types of the chosen channel, from the API itself: it is the source of truth. Each says what it takes
 * (size and formats, as the node checks them before upload) when the node knows its family.
 */
export async function getFileTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const channel = channelOf(this);
	const body = await nhnRequest.call(this, 0, {
		method: 'GET',
		path: `${NHN_API_PREFIX}/attachments/file-types`,
		qs: channel ? { messageChannel: channel } : undefined,
	});
	const fileTypes = Array.isArray(body.fileTypes) ? (body.fileTypes as string[]) : [];
	return fileTypes.map((fileType) => {
		const limits = fileTypeLimits(fileType);
		return limits ? { name: fileType, value: fileType, description: limits } : { name: fileType, value: fileType };
	});
}
