import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { PROVIDER_CREDENTIALS, providerField } from '../Attachment/actions/common/provider';
import type { OperationModule } from '../Attachment/actions/types';
import { runItems } from '../Attachment/helpers/item-loop';
import { operationField } from './actions/fields';
import * as ncpSend from './actions/ncp/send.operation';
import * as nhnSend from './actions/nhn/send.operation';

const SEND: Record<string, OperationModule> = { ncp: ncpSend, nhn: nhnSend };

export class SendEmail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Send Email (NCP / NHN Cloud)',
		name: 'sendEmail',
		icon: { light: 'file:sendEmail.svg', dark: 'file:sendEmail.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["resource"] === "ncp" ? "NCP" : "NHN"}}: send an email',
		description:
			'Send an email with attachments through NAVER Cloud Outbound Mailer or NHN Cloud Notification Hub, uploading binary files itself',
		defaults: { name: 'Send Email' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: PROVIDER_CREDENTIALS,
		properties: [
			providerField,
			operationField('ncp'),
			operationField('nhn'),
			...ncpSend.description,
			...nhnSend.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Provider is not an expression: one value for every item.
		const provider = this.getNodeParameter('resource', 0) as string;
		const send = SEND[provider];
		if (!send) throw new NodeOperationError(this.getNode(), `The provider "${provider}" is not supported`);
		return await runItems(this, send.execute);
	}
}
