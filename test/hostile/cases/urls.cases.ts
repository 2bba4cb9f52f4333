/**
 * Plain-http custom base URLs and token URLs to a host other than this machine: refused with a clear message
 * before a byte is sent, by every operation and by the credential itself (what the credential test runs).
 */
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { NcpOutboundMailerApi } from '../../../credentials/NcpOutboundMailerApi.credentials';
import { NhnCloudNotificationHubApi } from '../../../credentials/NhnCloudNotificationHubApi.credentials';
import { nock } from '../../engine/nock';
import { countCase } from '../support/figures';
import { ncpCredentials, nhnCredentials, runHostile } from '../support/hostile-run';
import { OPERATIONS } from '../support/operations';
import type { HostileServer } from '../support/servers';

const PLAIN = 'http://hostile-api.example.test';

/** A plain-http host that counts what reaches it (nock: no real network). */
function plainHttpHost(): { hits: string[] } {
	const hits: string[] = [];
	const record = function (this: { req: { method: string; path: string } }) {
		hits.push(`${this.req.method} ${this.req.path}`);
		return [200, { access_token: 'plain-http-token', header: { isSuccessful: true } }] as [number, object];
	};
	const scope = nock(PLAIN).persist();
	scope.get(() => true).reply(record).post(() => true).reply(record).delete(() => true).reply(record);
	return { hits };
}

export function urlCases(servers: { api: HostileServer }): void {
	describe('plain-http base and token URLs', () => {
		afterEach(() => nock.cleanAll());

		it.each([
			['the NHN API base URL', 'nhn', 'API Base URL must use https'],
			['the NHN token URL', 'nhn-token', 'Token URL must use https'],
			['the NCP base URL', 'ncp', 'Base URL must use https'],
		])('%s on every operation: refused before a byte is sent', async (_label, which, message) => {
			countCase();
			const host = plainHttpHost();
			for (const op of OPERATIONS.filter((candidate) => candidate.resource === which.slice(0, 3))) {
				const credentials =
					which === 'ncp'
						? { ncp: ncpCredentials(PLAIN) }
						: which === 'nhn'
							? { nhn: nhnCredentials(PLAIN, servers.api.origin) }
							: { nhn: nhnCredentials(servers.api.origin, PLAIN) };
				const run = await runHostile(op.parameters, { items: op.items, credentials });
				expect(run.errorText).toContain(message);
				expect(run.errorText).toContain('would send the credential in clear');
			}
			expect(host.hits).toEqual([]);
			if (which === 'nhn-token') expect(servers.api.received).toEqual([]);
		});

		it('the credential test of either credential: refused before a byte is sent', async () => {
			countCase();
			const host = plainHttpHost();
			const ncp = new NcpOutboundMailerApi();
			const nhn = new NhnCloudNotificationHubApi();
			const request = (type: { test: { request: object } }) => structuredClone(type.test.request) as IHttpRequestOptions;
			await expect(ncp.authenticate(ncpCredentials(PLAIN), request(ncp))).rejects.toThrow('Base URL must use https');
			await expect(nhn.authenticate(nhnCredentials(PLAIN), request(nhn))).rejects.toThrow('API Base URL must use https');
			const helper = { helpers: { httpRequest: async (options: IHttpRequestOptions) => await fetch(String(options.url)) } } as unknown as IHttpRequestHelper;
			await expect(nhn.preAuthentication.call(helper, nhnCredentials(servers.api.origin, PLAIN))).rejects.toThrow('Token URL must use https');
			expect(host.hits).toEqual([]);
		});
	});
}
