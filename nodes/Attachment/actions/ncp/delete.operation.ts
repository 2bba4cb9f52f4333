import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idListParameter } from '../../helpers/parameters';
import { ncpRequest } from '../../transport/ncp';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { tempRequestIdField } from './get.operation';
import { temporaryFilesOutput } from './output';
import { withEarlierRequests } from './partial-failure';

const properties: INodeProperties[] = [tempRequestIdField, optionsField()];

export const description = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const bodies: IDataObject[] = [];
	for (const tempRequestId of idListParameter(this, itemIndex, 'tempRequestId', 'Temp Request ID')) {
		try {
			bodies.push(await ncpRequest.call(this, itemIndex, { method: 'DELETE', path: pathOf('/files', tempRequestId) }));
		} catch (error) {
			throw withEarlierRequests(this, itemIndex, error, bodies, 'Already deleted for this item');
		}
	}
	return [{ json: { ...temporaryFilesOutput(bodies), deleted: true } }];
}
