/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: reads the package files; runs in jest, never published */
// What the editor shows beside options, and the words of the limits: what a user reads before anything runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NhnCloudNotificationHubApi } from '../../../credentials/NhnCloudNotificationHubApi.credentials';
import { NcpOutboundMailerApi } from '../../../credentials/NcpOutboundMailerApi.credentials';
import { nhnTokenUrl } from '../../../credentials/nhn/endpoints';
import { Attachment } from '../../../nodes/Attachment/Attachment.node';
import { fileTypeLimits, sizeAndLimit } from '../../../nodes/Attachment/helpers/limits';

const ROOT = join(__dirname, '..', '..', '..');
const MB = 1024 * 1024;

describe('sizes against limits', () => {
	it('are exact bytes when rounding would print the same figure twice', () => {
		expect(sizeAndLimit(30 * MB + 1, 30 * MB)).toEqual({ size: '31,457,281 bytes', limit: '31,457,280 bytes' });
		expect(sizeAndLimit(300 * 1024 + 1, 300 * 1024)).toEqual({ size: '307,201 bytes', limit: '307,200 bytes' });
	});

	it('stay rounded when the rounded figures differ', () => {
		expect(sizeAndLimit(12 * MB, 10 * MB)).toEqual({ size: '12 MB', limit: '10 MB' });
	});
});

describe('the File Types list', () => {
	it('shows each known family\'s size and formats beside the ID', () => {
		expect(fileTypeLimits('SMS_DEFAULT')).toBe('SMS (MMS): up to 300 KB, .jpg, .jpeg only');
		expect(fileTypeLimits('EMAIL_TEMPLATE')).toBe('email: up to 30 MB, any format except .js, .exe, .bat, .cmd, .com, .cpl, .scr, .vbs, .wsr');
		expect(fileTypeLimits('SOME_FUTURE_TYPE')).toBeUndefined();
	});

	it('is picked by a channel parameter that says switching clears the picks and that it is not sent', () => {
		const filter = new Attachment().description.properties.find((property) => property.name === 'fileTypeChannel');
		expect(filter?.displayName).toBe('Show File Types Of');
		expect(filter?.description).toMatch(/^Which channel's file types the list below offers .*Switching channel clears the file types picked\. Not sent/);
		expect(filter?.default).toBe('');
	});
});

describe('credential options', () => {
	it('NCP sites show their base URL', () => {
		const site = new NcpOutboundMailerApi().properties.find((property) => property.name === 'site');
		const descriptions = Object.fromEntries((site?.options ?? []).map((option) => ['value' in option ? option.value : '', 'description' in option ? option.description : '']));
		expect(descriptions.korea).toMatch(/^https:\/\/mail\.apigw\.ntruss\.com\/api\/v1\. Public zone: since 2026-09-17 .*SENS/);
		expect(descriptions.japan).toMatch(/^https:\/\/mail\.apigw\.ntruss\.com\/api\/v1-jpn\. /);
		expect(descriptions.government).toBe('https://mail.apigw.gov-ntruss.com/api/v1. The government zone keeps Cloud Outbound Mailer.');
		expect(descriptions.financial).toBe('https://mail.apigw.fin-ntruss.com/api/v1. The financial zone keeps Cloud Outbound Mailer.');
	});

	it('NHN offers the public token host and a custom URL only; a credential saved with the government host keeps it', () => {
		const server = new NhnCloudNotificationHubApi().properties.find((property) => property.name === 'oauthServer');
		expect((server?.options ?? []).map((option) => ('value' in option ? option.value : ''))).toEqual(['public', 'custom']);
		expect(nhnTokenUrl('government', undefined)).toBe('https://oauth.api.gov-nhncloudservice.com/oauth2/token/create');
	});
});

describe('the node\'s documentation link', () => {
	it('is the README\'s Node reference section in the repository package.json names', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string }; homepage: string };
		const codex = JSON.parse(readFileSync(join(ROOT, 'nodes/Attachment/Attachment.node.json'), 'utf8')) as {
			resources: { primaryDocumentation: Array<{ url: string }> };
		};
		const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		expect(pkg.homepage).toBe(`${repository}#readme`);
		expect(codex.resources.primaryDocumentation).toEqual([{ url: `${repository}#node-reference` }]);
		expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/^## Node reference$/m);
	});
});

describe('English only', () => {
	it('no Hangul in the README, the node\'s or the credentials\' texts', () => {
		const hangul = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
		expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).not.toMatch(hangul);
		expect(JSON.stringify(new Attachment().description)).not.toMatch(hangul);
		expect(JSON.stringify([new NcpOutboundMailerApi().properties, new NhnCloudNotificationHubApi().properties])).not.toMatch(hangul);
	});
});
