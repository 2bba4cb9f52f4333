import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idListParameter } from '../../helpers/parameters';
import { ncpRequest } from '../../transport/ncp';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { temporaryFilesOutput } from './output';

export const tempRequestIdField: INodeProperties = {
	displayName: 'Temp Request IDs',
	name: 'tempRequestId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'f355aac1-7776-4c0b-8484-20eaa065cb65-99',
	hint: 'One tempRequestId, several separated by commas, or a list such as {{ $json.tempRequestIds }}',
	description: 'The tempRequestId an upload returned; the tempRequestId of a per-file upload already lists all of them',
};

const properties: INodeProperties[] = [tempRequestIdField, optionsField()];

export const description = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const bodies: IDataObject[] = [];
	for (const tempRequestId of idListParameter(this, itemIndex, 'tempRequestId', 'Temp Request ID')) {
		bodies.push(await ncpRequest.call(this, itemIndex, { method: 'GET', path: pathOf('/files', tempRequestId) }));
	}
	return [{ json: temporaryFilesOutput(bodies) }];
}
