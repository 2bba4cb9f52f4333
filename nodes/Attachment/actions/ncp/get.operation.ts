import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idParameter } from '../../helpers/parameters';
import { ncpRequest } from '../../transport/ncp';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { temporaryFilesOutput } from './output';

export const tempRequestIdField: INodeProperties = {
	displayName: 'Temp Request ID',
	name: 'tempRequestId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'f355aac1-7776-4c0b-8484-20eaa065cb65-99',
	description: 'The tempRequestId an upload returned',
};

const properties: INodeProperties[] = [tempRequestIdField, optionsField()];

export const description = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const tempRequestId = idParameter(this, itemIndex, 'tempRequestId', 'Temp Request ID');
	const body = await ncpRequest.call(this, itemIndex, { method: 'GET', path: pathOf('/files', tempRequestId) });
	return [{ json: temporaryFilesOutput(body) }];
}
