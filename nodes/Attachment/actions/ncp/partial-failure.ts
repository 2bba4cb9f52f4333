import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The error of the request that failed, saying which requests of the same item went through before it (uploads
 * stored, temporary files deleted): nothing done unseen.
 */
export function withEarlierRequests(
	ctx: IExecuteFunctions,
	itemIndex: number,
	error: unknown,
	done: IDataObject[],
	label: string,
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (done.length > 0) {
		const ids = done.map((body) => String(body.tempRequestId)).join(', ');
		nodeError.description = `${nodeError.description ?? ''} ${label}: tempRequestId ${ids}.`.trim();
	}
	return nodeError;
}
