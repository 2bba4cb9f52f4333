import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idParameter, requestPolicy } from '../../helpers/parameters';
import { ncpTransport } from '../../transport/ncp';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { tempRequestIdField } from './get.operation';
import { temporaryFilesOutput } from './output';

const properties: INodeProperties[] = [tempRequestIdField, optionsField()];

export const description = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const tempRequestId = idParameter(this, itemIndex, 'tempRequestId', 'Temp Request ID');
	const body = await ncpTransport.call(
		this,
		{ method: 'DELETE', path: pathOf('/files', tempRequestId) },
		itemIndex,
		requestPolicy(this, itemIndex),
	);
	return [{ json: { ...temporaryFilesOutput(body), deleted: true } }];
}
