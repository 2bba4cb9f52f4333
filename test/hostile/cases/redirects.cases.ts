/**
 * Redirects on every operation and on the token endpoint: a 3xx is a clear error naming the status and the host it
 * pointed at, and nothing is sent there (the collector's log stays empty), neither the keys nor the file.
 */
import { nock } from '../../engine/nock';
import { countCase } from '../support/figures';
import { KEYS, ncpCredentials, nhnCredentials, runHostile, TOKEN_PATH } from '../support/hostile-run';
import { issuedBy, OPERATIONS, withTokenEndpoint, type HostileOperation } from '../support/operations';
import { json, type HostileServer } from '../support/servers';

const STATUSES = [301, 302, 303, 307, 308];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function credentialsFor(op: HostileOperation, apiOrigin: string, tokenOrigin = apiOrigin) {
	return op.resource === 'ncp' ? { ncp: ncpCredentials(apiOrigin) } : { nhn: nhnCredentials(apiOrigin, tokenOrigin) };
}

export function redirectCases(servers: { api: HostileServer; collector: HostileServer; token: HostileServer }): void {
	describe('redirects from the API', () => {
		it.each(STATUSES)('HTTP %i to another host, on every operation: an error naming the host, nothing sent there', async (status) => {
			countCase();
			for (const op of OPERATIONS) {
				const { api, collector } = servers;
				api.reset(withTokenEndpoint((_req, res) => json(res, status, {}, { location: `${collector.origin}/collect?from=${op.name}` })));
				collector.reset();
				const run = await runHostile(op.parameters, {
					items: op.items,
					credentials: credentialsFor(op, api.origin),
					collectors: [collector],
					issuedTokens: () => issuedBy(api),
				});
				expect(run.errorText).toMatch(new RegExp(`HTTP ${status}: The service redirected the request to ${escape(new URL(collector.origin).host)}`));
				expect(run.errorText).toContain('never follow redirects');
			}
		});

		it('HTTP 307 to another path of the same host, on every operation: not followed either', async () => {
			countCase();
			for (const op of OPERATIONS) {
				const { api } = servers;
				api.reset(withTokenEndpoint((req, res) => (req.url?.startsWith('/elsewhere') ? json(res, 200, {}) : json(res, 307, {}, { location: '/elsewhere' }))));
				const run = await runHostile(op.parameters, { items: op.items, credentials: credentialsFor(op, api.origin), issuedTokens: () => issuedBy(api) });
				expect(run.errorText).toContain('HTTP 307: The service redirected the request to another path on the same host');
				expect(api.received.filter((r) => r.url.startsWith('/elsewhere'))).toEqual([]);
			}
		});

		it('HTTP 302 from an https API to a plain-http host, on every operation: not followed', async () => {
			countCase();
			const { collector } = servers;
			const origin = 'https://hostile-api.example.test';
			const downgrade = { location: `${collector.origin}/downgraded` };
			const api = (path: string) => path !== TOKEN_PATH;
			nock(origin)
				.persist()
				.post(TOKEN_PATH)
				.reply(200, { access_token: 'hostile-issued-token-https', expires_in: 86400 })
				.get(api)
				.reply(302, '', downgrade)
				.post(api)
				.reply(302, '', downgrade)
				.delete(api)
				.reply(302, '', downgrade);
			try {
				for (const op of OPERATIONS) {
					collector.reset();
					const run = await runHostile(op.parameters, {
						items: op.items,
						credentials: credentialsFor(op, origin),
						collectors: [collector],
						issuedTokens: () => ['hostile-issued-token-https'],
					});
					expect(run.errorText).toMatch(new RegExp(`HTTP 302: The service redirected the request to ${escape(new URL(collector.origin).host)}`));
				}
			} finally {
				nock.cleanAll();
			}
		});
	});

	describe('redirects from the NHN token endpoint', () => {
		it.each(STATUSES)('HTTP %i: the User Access Key is not sent on, the item fails saying so', async (status) => {
			countCase();
			const { api, token, collector } = servers;
			token.reset((_req, res) => json(res, status, {}, { location: `${collector.origin}${TOKEN_PATH}` }));
			const op = OPERATIONS.find((candidate) => candidate.name === 'nhn.get')!;
			const run = await runHostile(op.parameters, { credentials: credentialsFor(op, api.origin, token.origin), collectors: [collector, api] });
			expect(run.errorText).toContain(`HTTP ${status}`);
			expect(run.errorText).toContain('redirect, which is not followed');
			expect(token.received.map((r) => r.headers.authorization)).not.toContain(undefined);
			expect(run.text).not.toContain(KEYS.nhnSecretAccessKey);
		});
	});
}
