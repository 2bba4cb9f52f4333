/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test tooling: polls for the moment to press Stop; runs in jest, never published */
/**
 * Stop pressed while a slow download or a slow upload is under way: the execution ends, the connection is closed,
 * and the item does not wait for the server (the node's own Timeout is far away).
 */
import { countCase } from '../support/figures';
import { nhnCredentials, runHostile } from '../support/hostile-run';
import { issuedBy, operationNamed, withTokenEndpoint } from '../support/operations';
import { dripping, getAnswering, GET_WITH_DOWNLOAD } from '../support/preview-server';
import type { HostileServer } from '../support/servers';
import { captureExecutions } from '../support/stop';
import { eventually } from '../support/servers';

const FAR_TIMEOUT = { timeout: 600_000, retries: 0 };

/** Presses Stop once `ready()` holds (checked every 20 ms). */
function stopWhen(ready: () => boolean, stop: () => void): void {
	const poll = setInterval(() => {
		if (!ready()) return;
		clearInterval(poll);
		stop();
	}, 20);
}

export function stopCases(servers: { api: HostileServer; preview: HostileServer }): void {
	describe('Stop', () => {
		it('during a download that trickles in: the execution ends and the connection is closed', async () => {
			countCase();
			const { api, preview } = servers;
			const bytes = 3000;
			preview.reset(dripping(bytes, 100));
			api.reset(getAnswering(`${preview.origin}/slow`));
			const executions = captureExecutions();
			try {
				stopWhen(() => preview.bytesWritten >= 3, executions.stop);
				const run = await runHostile(
					{ ...GET_WITH_DOWNLOAD, options: FAR_TIMEOUT },
					{ credentials: { nhn: nhnCredentials(api.origin) }, issuedTokens: () => issuedBy(api) },
				);
				expect(run.errorText).toContain('The preview download stopped: the execution was stopped');
				expect(preview.bytesWritten).toBeLessThan(bytes);
				await eventually(() => preview.abortedByClient === 1);
				expect(run.result.runData.Attachment?.at(-1)?.data?.main?.[0]?.[0]?.binary).toBeUndefined();
			} finally {
				executions.restore();
			}
		});

		it('during an upload the server never answers: the execution ends at once with a clear error', async () => {
			countCase();
			const { api } = servers;
			api.reset(
				withTokenEndpoint((_req, res) => {
					// Never answers; the body arrives as fast as the socket takes it.
					res.on('close', () => undefined);
				}),
			);
			api.answersEarly = true;
			const upload = operationNamed('nhn.upload');
			const big = [{ json: {}, binary: { data: { size: 8 * 1024 * 1024, fill: 'u', fileName: 'big.pdf', mimeType: 'application/pdf' } } }];
			const executions = captureExecutions();
			try {
				stopWhen(() => api.received.some((r) => r.url.startsWith('/attachment')), executions.stop);
				const run = await runHostile({ ...upload.parameters, options: FAR_TIMEOUT }, {
					items: big,
					credentials: { nhn: nhnCredentials(api.origin) },
					issuedTokens: () => issuedBy(api),
				});
				expect(run.errorText).toContain('The execution was stopped before an answer arrived');
			} finally {
				executions.restore();
			}
		});
	});
}
