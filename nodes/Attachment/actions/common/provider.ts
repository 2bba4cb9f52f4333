import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * The credential of each provider, tied to Provider with `hide` rules rather than `show`: n8n's editor takes a
 * parameter that `show` rules of every credential cover as the node's credential selector; it then preselects the
 * newest credential of either type and switches the provider to match, overriding the provider of the action the
 * user clicked. With `hide`, Provider stays an ordinary parameter and the credential list holds that provider's
 * credentials only. Shared by the package's two nodes.
 */
export const PROVIDER_CREDENTIALS: INodeCredentialDescription[] = [
	{ name: 'ncpOutboundMailerApi', required: true, displayOptions: { hide: { resource: ['nhn'] } } },
	{ name: 'nhnCloudNotificationHubApi', required: true, displayOptions: { hide: { resource: ['ncp'] } } },
];

/** Provider, the node's `resource`: the first parameter of both nodes. */
export const providerField: INodeProperties = {
	displayName: 'Provider',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'NAVER Cloud Outbound Mailer (NCP)', value: 'ncp' },
		{ name: 'NHN Cloud Notification Hub', value: 'nhn' },
	],
	default: 'nhn',
};
