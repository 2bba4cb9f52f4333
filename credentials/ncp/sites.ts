import type { INodePropertyOptions } from 'n8n-workflow';

export const NCP_SITE_BASE_URLS: Record<string, string> = {
	korea: 'https://mail.apigw.ntruss.com/api/v1',
	singapore: 'https://mail.apigw.ntruss.com/api/v1-sgn',
	japan: 'https://mail.apigw.ntruss.com/api/v1-jpn',
	government: 'https://mail.apigw.gov-ntruss.com/api/v1',
	financial: 'https://mail.apigw.fin-ntruss.com/api/v1',
};

export const NCP_SITE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Public, Korea', value: 'korea' },
	{ name: 'Public, Singapore', value: 'singapore' },
	{ name: 'Public, Japan', value: 'japan' },
	{ name: 'Government (Gov)', value: 'government' },
	{ name: 'Financial (Fin)', value: 'financial' },
	{ name: 'Custom Base URL', value: 'custom' },
];

export function ncpBaseUrl(site: string, customBaseUrl: string | undefined): string {
	if (site === 'custom') return String(customBaseUrl ?? '').replace(/\/+$/, '');
	return NCP_SITE_BASE_URLS[site] ?? NCP_SITE_BASE_URLS.korea;
}
