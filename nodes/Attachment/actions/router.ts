import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runBounded } from '../helpers/concurrency';
import { concurrencyOf } from '../helpers/parameters';
import { operations as ncpOperations } from './ncp';
import { operations as nhnOperations } from './nhn';
import type { OperationModule } from './types';

const OPERATIONS: Record<string, Record<string, OperationModule>> = { ncp: ncpOperations, nhn: nhnOperations };

type NodeError = NodeApiError | NodeOperationError;

/** Every failure leaves as a NodeApiError or NodeOperationError that names its item. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The error item of "Continue": `{ error, description, httpCode, provider, apiCode }`. With "Continue (using
 * error output)" the same facts go under `details`: n8n moves an item to the error output only when its json holds
 * nothing but `error`, `message` and `details` (and then adds the input item's fields to it).
 */
function errorItem(ctx: IExecuteFunctions, error: NodeError, itemIndex: number): INodeExecutionData {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	if (error.context.provider) details.provider = error.context.provider as string;
	if (error.context.apiCode) details.apiCode = error.context.apiCode as string;
	const json: IDataObject =
		ctx.getNode().onError === 'continueErrorOutput' ? { error: error.message, details } : { error: error.message, ...details };
	return { json, pairedItem: { item: itemIndex } };
}

async function itemOutput(
	ctx: IExecuteFunctions,
	operation: OperationModule,
	item: INodeExecutionData,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const results = await operation.execute.call(ctx, itemIndex);
	const inputBinary = ctx.getNodeParameter('options.keepInputBinary', itemIndex, false) === true ? item.binary : undefined;
	return results.map((result): INodeExecutionData => {
		const binary = inputBinary || result.binary ? { ...inputBinary, ...result.binary } : undefined;
		return { json: result.json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } };
	});
}

/**
 * The item loop: one operation call per input item, up to Concurrency items at once, outputs in input order
 * with `pairedItem`, and Continue On Fail. Without it, the first failing item (in input order) stops the node.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	// Provider and operation are not expressions: one value for every item.
	const provider = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = OPERATIONS[provider]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${provider}"`);
	}
	const continueOnFail = this.continueOnFail();
	let concurrency: number;
	try {
		concurrency = concurrencyOf(this);
	} catch (error) {
		if (!continueOnFail) throw asNodeError(this, error, 0);
		// A node-wide option is wrong: every item fails with it, each as its own error item.
		return [
			items.map((_, itemIndex) => {
				const message = `Item ${itemIndex} was not run: ${(error as Error).message}`;
				return errorItem(this, new NodeOperationError(this.getNode(), message, { itemIndex }), itemIndex);
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
				outputs[itemIndex] = await itemOutput(this, operation, items[itemIndex], itemIndex);
			} catch (error) {
				const nodeError = asNodeError(this, error, itemIndex);
				if (continueOnFail) outputs[itemIndex] = [errorItem(this, nodeError, itemIndex)];
				else failures.set(itemIndex, nodeError);
			}
		},
		() => failures.size > 0,
	);
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return [outputs.flat()];
}
