/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports -- e2e tests print one timing line per case; a local redirecting host and a collector; runs in jest, never published */
// Hostile answers in a real n8n 2.41.1 with the package installed from its tarball: an API host that redirects every
// request to another host (a collector that must receive nothing), and plain-http base URLs refused before a byte is
// sent. The engine-level suite (test/hostile) tries every case; this proves the same holds inside n8n itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DEMO_KEYS } from '../../tools/emulator/server';
import { cleanupE2e, importCredentials, nodeRuns } from '../../tools/n8n-harness';
import { ncpCredentialData, nhnCredentialData } from '../../tools/n8n-harness/fixtures';
import { E2eSuite } from './helpers/suite';
import { attachmentNode, manualTrigger, START, workflow } from './helpers/workflows';

jest.setTimeout(120_000);

interface Seen {
	method: string;
	url: string;
	headers: Record<string, unknown>;
}

async function listen(handler: (req: { method?: string; url?: string; headers: Record<string, unknown> }, res: import('node:http').ServerResponse) => void): Promise<{ server: Server; origin: string }> {
	const server = createServer((req, res) => {
		req.resume();
		req.on('end', () => handler(req, res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const CREDENTIALS = {
	nhnRedirect: { id: 'nhnHostileRedir1', name: 'NHN pointing at a redirecting host' },
	ncpRedirect: { id: 'ncpHostileRedir1', name: 'NCP pointing at a redirecting host' },
	ncpPlainHttp: { id: 'ncpPlainHttp0001', name: 'NCP with a plain-http base URL' },
};

describe('hostile answers in a real n8n', () => {
	let suite: E2eSuite;
	let collector: { server: Server; origin: string };
	let redirector: { server: Server; origin: string };
	const collected: Seen[] = [];

	beforeAll(async () => {
		collector = await listen((req, res) => {
			collected.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"header":{"isSuccessful":true},"attachment":{}}');
		});
		redirector = await listen((req, res) => {
			res.writeHead(307, { location: `${collector.origin}${req.url ?? '/'}` }).end();
		});
		suite = await E2eSuite.start('hostile');
		const emulator = suite.emulator.emulator;
		await importCredentials(suite.folder, [
			{
				...CREDENTIALS.nhnRedirect,
				type: 'nhnCloudNotificationHubApi',
				data: { ...nhnCredentialData(emulator, DEMO_KEYS.nhn), apiBase: 'custom', customApiBaseUrl: `${redirector.origin}/nhn` },
			},
			{
				...CREDENTIALS.ncpRedirect,
				type: 'ncpOutboundMailerApi',
				data: { ...ncpCredentialData(emulator, DEMO_KEYS.ncp), site: 'custom', customBaseUrl: `${redirector.origin}/ncp/api/v1` },
			},
			{
				...CREDENTIALS.ncpPlainHttp,
				type: 'ncpOutboundMailerApi',
				data: { ...ncpCredentialData(emulator, DEMO_KEYS.ncp), site: 'custom', customBaseUrl: 'http://mail.example.invalid/api/v1' },
			},
		]);
		const get = (name: string, resource: 'ncp' | 'nhn', credential: { id: string; name: string }, parameters: Record<string, unknown>) => ({
			...attachmentNode(name, resource, 'get', { ...parameters, options: { retries: 0 } }),
			credentials: { [resource === 'ncp' ? 'ncpOutboundMailerApi' : 'nhnCloudNotificationHubApi']: credential },
		});
		await suite.importWorkflows([
			workflow('wfHostileNhnRedir', 'NHN get through a redirecting host', [manualTrigger(), get('Get', 'nhn', CREDENTIALS.nhnRedirect, { attachmentId: 'att-1' })], [[START, 'Get']]),
			workflow('wfHostileNcpRedir', 'NCP get through a redirecting host', [manualTrigger(), get('Get', 'ncp', CREDENTIALS.ncpRedirect, { tempRequestId: 'tmp-1' })], [[START, 'Get']]),
			workflow('wfHostileNcpHttp', 'NCP get with a plain-http base URL', [manualTrigger(), get('Get', 'ncp', CREDENTIALS.ncpPlainHttp, { tempRequestId: 'tmp-1' })], [[START, 'Get']]),
		]);
	}, 240_000);

	afterAll(async () => {
		if (suite) {
			console.log(suite.timingReport());
			await suite.close();
		}
		await new Promise((resolve) => redirector?.server.close(resolve));
		await new Promise((resolve) => collector?.server.close(resolve));
		await cleanupE2e();
	});

	it.each([
		['NHN', 'wfHostileNhnRedir', /^NHN Cloud Notification Hub: HTTP 307: The service redirected the request to 127\.0\.0\.1:\d+$/],
		['NCP', 'wfHostileNcpRedir', /^NAVER Cloud Outbound Mailer: HTTP 307: The service redirected the request to 127\.0\.0\.1:\d+$/],
	])('%s: a 307 to another host is an error naming that host, and nothing reaches it', async (provider, id, message) => {
		await suite.timed(`${provider} redirect`, async () => {
			const { run, exitCode } = await suite.execute(id);
			const error = nodeRuns(run, 'Get')[0].error;
			console.log(`${provider} redirect: "${error?.message}"; requests the other host received: ${collected.length}`);
			expect(exitCode).not.toBe(0);
			expect(error?.message).toMatch(message);
			expect(error?.description).toMatch(/never follow redirects, so nothing was sent there/);
			expect(collected).toEqual([]);
		});
	});

	it('NCP: a plain-http base URL to another host is refused before anything is sent', async () => {
		await suite.timed('NCP plain-http base URL', async () => {
			const { run, exitCode } = await suite.execute('wfHostileNcpHttp');
			const error = nodeRuns(run, 'Get')[0].error;
			expect(exitCode).not.toBe(0);
			expect(error?.message).toMatch(/Base URL must use https .*would send the credential in clear/);
			expect(collected).toEqual([]);
		});
	});
});
