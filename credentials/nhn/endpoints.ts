import type { INodePropertyOptions } from 'n8n-workflow';

export const NHN_TOKEN_URLS: Record<string, string> = {
	public: 'https://oauth.api.nhncloudservice.com/oauth2/token/create',
	government: 'https://oauth.api.gov-nhncloudservice.com/oauth2/token/create',
};

export const NHN_DEFAULT_API_BASE_URL = 'https://notification-hub.api.nhncloudservice.com';

export const NHN_TOKEN_ENDPOINT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Public Cloud', value: 'public' },
	{ name: 'Government Cloud', value: 'government' },
	{ name: 'Custom URL', value: 'custom' },
];

export const NHN_API_BASE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Default', value: 'default' },
	{ name: 'Custom URL', value: 'custom' },
];

export function nhnTokenUrl(endpoint: string, customUrl: string | undefined): string {
	if (endpoint === 'custom') return String(customUrl ?? '');
	return NHN_TOKEN_URLS[endpoint] ?? NHN_TOKEN_URLS.public;
}

export function nhnApiBaseUrl(choice: string, customUrl: string | undefined): string {
	if (choice === 'custom') return String(customUrl ?? '').replace(/\/+$/, '');
	return NHN_DEFAULT_API_BASE_URL;
}
