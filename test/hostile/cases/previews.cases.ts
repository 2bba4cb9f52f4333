/**
 * Get with Download against previews that redirect, point at private addresses or this machine, use other schemes,
 * or trickle in: refused or stopped with a clear error, nothing fetched from where the URL should not lead.
 */
import { nock } from '../../engine/nock';
import { countCase } from '../support/figures';
import { nhnCredentials, runHostile, TOKEN_PATH } from '../support/hostile-run';
import { issuedBy } from '../support/operations';
import { NHN_MAX_FILE_BYTES } from '../../../nodes/Attachment/helpers/limits';
import { dripping, getAnswering, GET_WITH_DOWNLOAD, streaming } from '../support/preview-server';
import { eventually, type HostileServer } from '../support/servers';

export function previewCases(servers: { api: HostileServer; preview: HostileServer; collector: HostileServer }): void {
	async function download(previewUrl: string, options: { timeout?: number } = {}) {
		const { api, preview, collector } = servers;
		api.reset(getAnswering(previewUrl));
		const parameters = { ...GET_WITH_DOWNLOAD, options: { timeout: options.timeout ?? 5000, retries: 0 } };
		return await runHostile(parameters, { credentials: { nhn: nhnCredentials(api.origin) }, collectors: preview === collector ? [] : [collector], issuedTokens: () => issuedBy(api) });
	}

	describe('preview downloads', () => {
		it('a preview that redirects elsewhere: not followed, the collector sees nothing', async () => {
			countCase();
			const { preview, collector } = servers;
			preview.reset((_req, res) => {
				res.writeHead(302, { location: `${collector.origin}/intranet-secret` });
				res.end();
			});
			const run = await download(`${preview.origin}/file`);
			expect(run.errorText).toContain('HTTP 302: The preview URL redirected elsewhere; redirects are not followed');
		});

		it.each([
			'https://169.254.169.254/latest/meta-data/iam/security-credentials/',
			'https://10.0.0.7/file',
			'https://172.16.5.4/file',
			'https://192.168.1.1/file',
			'https://100.100.100.200/latest/meta-data/',
			'https://[fd00::1]/file',
			'https://[fe80::1]/file',
			'https://[::ffff:169.254.169.254]/file',
		])('a preview at %s: refused before any connection', async (previewUrl) => {
			countCase();
			const run = await download(previewUrl, { timeout: 1500 });
			expect(run.errorText).toMatch(/The preview URL points at a private or link-local address \(.+\): the file was not downloaded/);
		});

		it.each([
			['http://169.254.169.254/latest/meta-data/', 'uses http; only https is fetched'],
			['data:text/plain;base64,c2VjcmV0', 'uses data; only https is fetched'],
			['file:///etc/passwd', 'uses file; only https is fetched'],
			['ftp://files.example.test/report.pdf', 'uses ftp; only https is fetched'],
		])('a preview at %s: refused', async (previewUrl, message) => {
			countCase();
			const run = await download(previewUrl, { timeout: 1500 });
			expect(run.errorText).toContain(message);
			expect(run.result.runData.Attachment.at(-1)?.data).toBeUndefined();
		});

		it('a preview on this machine while the API is a public host: refused, the local server sees nothing', async () => {
			countCase();
			const { collector } = servers;
			const origin = 'https://hostile-api.example.test';
			nock(origin)
				.persist()
				.post(TOKEN_PATH)
				.reply(200, { access_token: 'hostile-issued-token-public', expires_in: 86400 })
				.get(() => true)
				.reply(200, {
					header: { isSuccessful: true, resultCode: 0 },
					attachment: { attachmentId: 'att-1', fileName: 'a.pdf', previewUrl: `${collector.origin}/admin` },
				});
			try {
				const run = await runHostile(GET_WITH_DOWNLOAD, {
					credentials: { nhn: nhnCredentials(origin) },
					collectors: [collector],
					issuedTokens: () => ['hostile-issued-token-public'],
				});
				expect(run.errorText).toContain('The preview URL points at this machine while the API does not');
			} finally {
				nock.cleanAll();
			}
		});

		it('a preview larger than the largest file the service stores: refused while streaming, no file output', async () => {
			countCase();
			const { preview } = servers;
			const bytes = NHN_MAX_FILE_BYTES + 16 * 1024 * 1024;
			preview.reset(streaming(bytes));
			const run = await download(`${preview.origin}/huge`);
			expect(run.errorText).toContain(`the file is larger than ${NHN_MAX_FILE_BYTES.toLocaleString('en-US')} bytes, the largest file the service stores`);
			expect(run.result.runData.Attachment.at(-1)?.data).toBeUndefined();
			await eventually(() => preview.abortedByClient === 1);
		});

		it('a preview that trickles in one byte at a time: the deadline ends it, the connection is closed', async () => {
			countCase();
			const { preview } = servers;
			const bytes = 200;
			preview.reset(dripping(bytes, 100));
			const run = await download(`${preview.origin}/slow`, { timeout: 1000 });
			expect(run.errorText).toContain('The preview download stopped: the request did not finish within its timeout');
			expect(preview.bytesWritten).toBeLessThan(bytes);
			await eventually(() => preview.abortedByClient === 1);
		});
	});
}
