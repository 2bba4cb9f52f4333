/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test values a hostile server must never see echoed; runs in jest, never published */
/**
 * Token endpoints and APIs that refuse every token, or echo the request into their error text: at most two token
 * requests for a whole run, one clear error per item, and no key, Basic value or token anywhere a user can see.
 */
import { countCase, figures } from '../support/figures';
import { KEYS, nhnCredentials, ncpCredentials, runHostile, TOKEN_PATH } from '../support/hostile-run';
import { issuedBy, operationNamed, OPERATIONS, withTokenEndpoint } from '../support/operations';
import { json, type HostileServer } from '../support/servers';

/** Everything the request carried, as an echoing server puts it into its error text. */
const echoOf = (req: { method?: string; url?: string; headers: object }, body: Buffer) =>
	`you sent ${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body.toString('utf8').slice(0, 2000)}`;

export function tokenCases(servers: { api: HostileServer; token: HostileServer }): void {
	describe('an API that refuses every token', () => {
		it('40 items: at most 3 token requests, one clear error per item', async () => {
			countCase();
			const { api } = servers;
			api.reset(withTokenEndpoint((_req, res) => json(res, 401, { header: { isSuccessful: false, resultCode: 401000, resultMessage: 'Unauthorized' } })));
			const items = Array.from({ length: 40 }, (_, index) => ({ json: { id: `att-${index}` } }));
			const run = await runHostile(
				{ resource: 'nhn', operation: 'get', attachmentId: '={{ $json.id }}', options: { concurrency: 10 } },
				{ items, credentials: { nhn: nhnCredentials(api.origin) }, continueOnFail: true, issuedTokens: () => issuedBy(api) },
			);
			const tokenRequests = api.received.filter((r) => r.url === TOKEN_PATH).length;
			figures.maxTokenRequests = Math.max(figures.maxTokenRequests, tokenRequests);
			expect(tokenRequests).toBeLessThanOrEqual(3);
			const output = run.result.outputOf('Attachment');
			expect(output).toHaveLength(40);
			expect(run.errorTexts).toHaveLength(40);
			for (const text of run.errorTexts) expect(text).toMatch(/HTTP 401|refuses new tokens for this app key/);
			// Only the first two batches in flight (Concurrency 10 here) see renewed tokens refused; later items back off.
			expect(run.errorTexts.filter((text) => text.includes('refuses new tokens')).length).toBeGreaterThanOrEqual(40 - 2 * 10);
		});
	});

	describe('servers that echo the request into their errors', () => {
		it('a token endpoint echoing the Basic header and the body: the item fails with the echo scrubbed', async () => {
			countCase();
			const { api, token } = servers;
			token.reset((req, res, _server, body) => json(res, 400, { error: 'invalid_client', error_description: echoOf(req, body) }));
			const run = await runHostile(operationNamed('nhn.get').parameters, { credentials: { nhn: nhnCredentials(api.origin, token.origin) } });
			expect(token.received[0].headers.authorization).toMatch(/^Basic /);
			expect(run.errorText).toContain('HTTP 400, code invalid_client: you sent POST /oauth2/token/create');
			expect(run.errorText).toContain('[redacted]');
		});

		it.each([
			['HTTP 500', 500],
			['HTTP 200 with isSuccessful false', 200],
		])('an NHN API echoing its headers (%s), on every NHN operation, user key and fixed token: scrubbed', async (_label, status) => {
			countCase();
			const { api } = servers;
			const echo = withTokenEndpoint((req, res, _server, body) =>
				json(res, status, { header: { isSuccessful: false, resultCode: 500000, resultMessage: echoOf(req, body) } }),
			);
			const fixed = { authentication: 'accessToken', accessToken: 'hostile-fixed-access-token-c0ffee' };
			for (const op of OPERATIONS.filter((candidate) => candidate.resource === 'nhn')) {
				for (const overrides of [{}, fixed]) {
					api.reset(echo);
					const run = await runHostile(op.parameters, {
						items: op.items,
						credentials: { nhn: nhnCredentials(api.origin, api.origin, overrides) },
						continueOnFail: true,
						issuedTokens: () => [...issuedBy(api), fixed.accessToken],
					});
					expect(run.errorText).toContain('you sent');
					expect(run.errorText).toContain('[redacted]');
				}
			}
		});

		it('an NCP API echoing its headers: the error names what it said, the secret key is nowhere', async () => {
			countCase();
			const { api } = servers;
			api.reset((req, res, _server, body) => json(res, 400, { error: { code: '77102', message: echoOf(req, body) } }));
			for (const op of OPERATIONS.filter((candidate) => candidate.resource === 'ncp')) {
				const run = await runHostile(op.parameters, { items: op.items, credentials: { ncp: ncpCredentials(api.origin) }, continueOnFail: true });
				expect(run.errorText).toContain('code 77102: you sent');
				expect(run.text).not.toContain(KEYS.ncpSecretKey);
			}
		});
	});
}
