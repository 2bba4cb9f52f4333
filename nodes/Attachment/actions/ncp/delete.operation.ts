import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idParameter } from '../../helpers/parameters';
import { ncpRequest } from '../../transport/ncp';
import { pathOf } from '../../transport/path';
import { optionsField } from '../common/fields';
import type { OperationOutput } from '../types';
import { tempRequestIdField } from './get.operation';
import { temporaryFilesOutput } from './output';

const properties: INodeProperties[] = [tempRequestIdField, optionsField()];

export const description = updateDisplayOptions({ show: { resource: ['ncp'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput[]> {
	const tempRequestId = idParameter(this, itemIndex, 'tempRequestId', 'Temp Request ID');
	const body = await ncpRequest.call(this, itemIndex, { method: 'DELETE', path: pathOf('/files', tempRequestId) });
	return [{ json: { ...temporaryFilesOutput(body), deleted: true } }];
}
