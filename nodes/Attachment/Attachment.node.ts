import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as ncp from './actions/ncp';
import * as nhn from './actions/nhn';
import { route } from './actions/router';
import { getFileTypes } from './methods/loadOptions';
import { PROVIDER_CREDENTIALS, providerField } from './actions/common/provider';

export class Attachment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Attachment (NCP / NHN Cloud)',
		name: 'attachment',
		icon: { light: 'file:attachment.svg', dark: 'file:attachment.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["resource"] === "ncp" ? "NCP" : "NHN"}}: {{$parameter["operation"]}}',
		description:
			'Upload, look up, validate and delete message attachments on NAVER Cloud Outbound Mailer and NHN Cloud Notification Hub',
		defaults: { name: 'Attachment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: PROVIDER_CREDENTIALS,
		properties: [
			providerField,
			...ncp.description,
			...nhn.description,
		],
	};

	methods = { loadOptions: { getFileTypes } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
