import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from '../helpers/item-loop';
import { operations as ncpOperations } from './ncp';
import { operations as nhnOperations } from './nhn';
import type { OperationModule } from './types';

const OPERATIONS: Record<string, Record<string, OperationModule>> = { ncp: ncpOperations, nhn: nhnOperations };

/** Finds the operation of the node's provider, then runs it over the items (see `runItems`). */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Provider and operation are not expressions: one value for every item.
	const provider = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = OPERATIONS[provider]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${provider}"`);
	}
	return await runItems(this, operation.execute);
}
