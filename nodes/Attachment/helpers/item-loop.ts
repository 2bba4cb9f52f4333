import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationOutput } from '../actions/types';
import { runBounded } from './concurrency';
import { concurrencyOf } from './parameters';

type NodeError = NodeApiError | NodeOperationError;

/** What one input item becomes: its output items, without `pairedItem` (the loop adds it). */
export type ItemTask = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationOutput[]>;

/** Every failure leaves as a NodeApiError or NodeOperationError that names its item. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The error item of "Continue": `{ error, description, httpCode, provider, apiCode }`, plus `uploadedAttachmentIds`
 * when files were uploaded before the failure (so they can be used without uploading again). With "Continue (using
 * error output)" the same facts go under `details`: n8n moves an item to the error output only when its json holds
 * nothing but `error`, `message` and `details` (and then adds the input item's fields to it).
 */
function errorItem(ctx: IExecuteFunctions, error: NodeError, itemIndex: number): INodeExecutionData {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	if (error.context.provider) details.provider = error.context.provider as string;
	if (error.context.apiCode) details.apiCode = error.context.apiCode as string;
	if (Array.isArray(error.context.uploadedAttachmentIds)) details.uploadedAttachmentIds = error.context.uploadedAttachmentIds as string[];
	const json: IDataObject =
		ctx.getNode().onError === 'continueErrorOutput' ? { error: error.message, details } : { error: error.message, ...details };
	return { json, pairedItem: { item: itemIndex } };
}

async function itemOutput(
	ctx: IExecuteFunctions,
	task: ItemTask,
	item: INodeExecutionData,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const results = await task.call(ctx, itemIndex);
	const inputBinary = ctx.getNodeParameter('options.keepInputBinary', itemIndex, false) === true ? item.binary : undefined;
	return results.map((result): INodeExecutionData => {
		const binary = inputBinary || result.binary ? { ...inputBinary, ...result.binary } : undefined;
		return { json: result.json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } };
	});
}

/**
 * The item loop of both nodes: one task call per input item, up to Concurrency items at once, outputs in input
 * order with `pairedItem`, and Continue On Fail. Without it, the first failing item (in input order) stops the node.
 */
export async function runItems(ctx: IExecuteFunctions, task: ItemTask): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();
	let concurrency: number;
	try {
		concurrency = concurrencyOf(ctx);
	} catch (error) {
		if (!continueOnFail) throw asNodeError(ctx, error, 0);
		// A node-wide option is wrong: every item fails with it, each as its own error item.
		return [
			items.map((_, itemIndex) => {
				const message = `Item ${itemIndex} was not run: ${(error as Error).message}`;
				return errorItem(ctx, new NodeOperationError(ctx.getNode(), message, { itemIndex }), itemIndex);
			}),
		];
	}
	const outputs: INodeExecutionData[][] = new Array(items.length);
	const failures = new Map<number, NodeError>();
	await runBounded(
		items.length,
		concurrency,
		async (itemIndex) => {
			try {
				outputs[itemIndex] = await itemOutput(ctx, task, items[itemIndex], itemIndex);
			} catch (error) {
				const nodeError = asNodeError(ctx, error, itemIndex);
				if (continueOnFail) outputs[itemIndex] = [errorItem(ctx, nodeError, itemIndex)];
				else failures.set(itemIndex, nodeError);
			}
		},
		() => failures.size > 0,
	);
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return [outputs.flat()];
}
