import type { INodePropertyOptions } from 'n8n-workflow';

export const NCP_SITE_BASE_URLS: Record<string, string> = {
	korea: 'https://mail.apigw.ntruss.com/api/v1',
	singapore: 'https://mail.apigw.ntruss.com/api/v1-sgn',
	japan: 'https://mail.apigw.ntruss.com/api/v1-jpn',
	government: 'https://mail.apigw.gov-ntruss.com/api/v1',
	financial: 'https://mail.apigw.fin-ntruss.com/api/v1',
};

/**
 * NAVER folded the public zone's Cloud Outbound Mailer into SENS on 2026-09-17: `/api/v1` stays for migrated
 * projects for a transition period; the government and financial zones keep the Outbound Mailer.
 */
const PUBLIC_ZONE_NOTE = 'Public zone: since 2026-09-17 NAVER moves Outbound Mailer projects to SENS; this API stays for migrated projects for a transition period';

export const NCP_SITE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Public, Korea', value: 'korea', description: `${NCP_SITE_BASE_URLS.korea}. ${PUBLIC_ZONE_NOTE}.` },
	{ name: 'Public, Singapore', value: 'singapore', description: `${NCP_SITE_BASE_URLS.singapore}. ${PUBLIC_ZONE_NOTE}.` },
	{ name: 'Public, Japan', value: 'japan', description: `${NCP_SITE_BASE_URLS.japan}. ${PUBLIC_ZONE_NOTE}.` },
	{ name: 'Government (Gov)', value: 'government', description: `${NCP_SITE_BASE_URLS.government}. The government zone keeps Cloud Outbound Mailer.` },
	{ name: 'Financial (Fin)', value: 'financial', description: `${NCP_SITE_BASE_URLS.financial}. The financial zone keeps Cloud Outbound Mailer.` },
	{
		name: 'Custom Base URL',
		value: 'custom',
		description: 'A proxy, a local emulator, or the address NAVER gives if it moves the endpoint (https only; http for 127.0.0.1)',
	},
];

export function ncpBaseUrl(site: string, customBaseUrl: string | undefined): string {
	if (site === 'custom') return String(customBaseUrl ?? '').replace(/\/+$/, '');
	return NCP_SITE_BASE_URLS[site] ?? NCP_SITE_BASE_URLS.korea;
}
