import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as ncp from './actions/ncp';
import * as nhn from './actions/nhn';
import { route } from './actions/router';
import { getFileTypes } from './methods/loadOptions';

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
		// `hide` rather than `show`: n8n's editor takes a parameter that `show` rules of every credential cover as the
		// node's credential selector; it then preselects the newest credential of either type and switches the provider
		// to match, overriding the provider of the action the user clicked. With `hide`, Provider stays an ordinary
		// parameter and the credential list holds that provider's credentials only.
		credentials: [
			{ name: 'ncpOutboundMailerApi', required: true, displayOptions: { hide: { resource: ['nhn'] } } },
			{ name: 'nhnCloudNotificationHubApi', required: true, displayOptions: { hide: { resource: ['ncp'] } } },
		],
		properties: [
			{
				displayName: 'Provider',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'NAVER Cloud Outbound Mailer (NCP)', value: 'ncp' },
					{ name: 'NHN Cloud Notification Hub', value: 'nhn' },
				],
				default: 'nhn',
			},
			...ncp.description,
			...nhn.description,
		],
	};

	methods = { loadOptions: { getFileTypes } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
