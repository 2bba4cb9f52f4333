import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { operations as ncpOperations } from './ncp';
import { operations as nhnOperations } from './nhn';
import { runBounded } from '../helpers/concurrency';
import { concurrencyOf } from '../helpers/parameters';
import type { OperationModule } from './types';

const OPERATIONS: Record<string, Record<string, OperationModule>> = { ncp: ncpOperations, nhn: nhnOperations };

function operationFor(ctx: IExecuteFunctions, itemIndex: number): OperationModule {
	const provider = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const module = OPERATIONS[provider]?.[operation];
	if (!module) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported for "${provider}"`, {
			itemIndex,
		});
	}
	return module;
}

/** Every failure leaves as a NodeApiError or NodeOperationError that names its item. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	if (error.context.provider) json.provider = error.context.provider as string;
	if (error.context.apiCode) json.apiCode = error.context.apiCode as string;
	return json;
}

async function itemOutput(ctx: IExecuteFunctions, items: INodeExecutionData[], itemIndex: number) {
	const results = await operationFor(ctx, itemIndex).execute.call(ctx, itemIndex);
	const inputBinary =
		ctx.getNodeParameter('options.keepInputBinary', itemIndex, false) === true ? items[itemIndex].binary : undefined;
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
	const outputs: INodeExecutionData[][] = new Array(items.length);
	const failures = new Map<number, NodeApiError | NodeOperationError>();
	const continueOnFail = this.continueOnFail();
	let concurrency: number;
	try {
		concurrency = concurrencyOf(this);
	} catch (error) {
		if (!continueOnFail) throw new NodeOperationError(this.getNode(), error as Error);
		// A node-wide option is wrong: every item fails with it, each as its own error item.
		return [
			items.map((_, itemIndex) => {
				const itemError = new NodeOperationError(this.getNode(), `Item ${itemIndex} was not run: ${(error as Error).message}`, {
					itemIndex,
				});
				return { json: errorJson(itemError), pairedItem: { item: itemIndex } };
			}),
		];
	}
	await runBounded(
		items.length,
		concurrency,
		async (itemIndex) => {
			try {
				outputs[itemIndex] = await itemOutput(this, items, itemIndex);
			} catch (error) {
				const nodeError = asNodeError(this, error, itemIndex);
				if (continueOnFail) outputs[itemIndex] = [{ json: errorJson(nodeError), pairedItem: { item: itemIndex } }];
				else failures.set(itemIndex, nodeError);
			}
		},
		() => failures.size > 0,
	);
	if (failures.size > 0) {
		const nodeError = failures.get(Math.min(...failures.keys())) as NodeApiError | NodeOperationError;
		// Both constructors hand back the very error they are given when it already has their class.
		if (nodeError instanceof NodeApiError) throw new NodeApiError(this.getNode(), nodeError as unknown as JsonObject);
		throw new NodeOperationError(this.getNode(), nodeError);
	}
	return [outputs.flat()];
}
