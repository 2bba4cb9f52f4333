import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What an operation returns for one input item; the router adds `pairedItem`. */
export interface OperationOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]>;
}
