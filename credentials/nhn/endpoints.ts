import type { INodePropertyOptions } from 'n8n-workflow';

export const NHN_TOKEN_URLS: Record<string, string> = {
	public: 'https://oauth.api.nhncloudservice.com/oauth2/token/create',
	// Not offered any more: NHN's current Notification Hub docs name the public token host only. Kept so that a
	// credential saved with it goes on issuing tokens where it did.
	government: 'https://oauth.api.gov-nhncloudservice.com/oauth2/token/create',
};

export const NHN_DEFAULT_API_BASE_URL = 'https://notification-hub.api.nhncloudservice.com';

/** The token hosts NHN's current docs name for Notification Hub, and a custom URL for anything else. */
export const NHN_TOKEN_ENDPOINT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Public Cloud', value: 'public', description: NHN_TOKEN_URLS.public },
	{ name: 'Custom URL', value: 'custom', description: 'Another token URL, for instance a proxy (https only; http for 127.0.0.1)' },
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
