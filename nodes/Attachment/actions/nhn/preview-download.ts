import type { IBinaryData, IDataObject, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { nhnApiBaseUrl } from '../../../../credentials/nhn/endpoints';
import { isLoopbackHost } from '../../../../credentials/shared/safe-url';
import { NHN_MAX_FILE_BYTES } from '../../helpers/limits';
import type { RequestPolicy } from '../../helpers/parameters';
import { BodyTooLargeError, readBounded, rejectOnAbort, TransferAbortedError, transferSignals } from '../../transport/bounded-body';
import { apiError } from '../../transport/errors';
import { NHN_CREDENTIAL_TYPE } from '../../transport/nhn';

/** IPv4 literals no preview may point at: private, link-local (cloud metadata), unspecified, CGNAT, multicast. */
const BLOCKED_IPV4 = [/^10\./, /^172\.(1[6-9]|2\d|3[01])\./, /^192\.168\./, /^169\.254\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./, /^2(2[4-9]|[3-5]\d)\./];

function isBlockedIpLiteral(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return BLOCKED_IPV4.some((range) => range.test(host));
	// IPv6 literals: unique-local, link-local, unspecified and IPv4-mapped addresses are never a storage host.
	return host.includes(':') && host !== '::1' && /^(f[cd]|fe[89ab]|::$|::ffff:)/.test(host);
}

/** Whether the credential's API base is this machine (the local emulator): only then may a preview be on loopback. */
async function apiBaseIsLoopback(ctx: IExecuteFunctions): Promise<boolean> {
	const credentials = (await ctx.getCredentials(NHN_CREDENTIAL_TYPE)) as IDataObject;
	try {
		const base = nhnApiBaseUrl(String(credentials.apiBase ?? 'default'), credentials.customApiBaseUrl as string);
		return isLoopbackHost(new URL(base).hostname);
	} catch {
		return false;
	}
}

/** Why a preview URL is not fetched, or undefined when it may be. */
async function previewUrlProblem(ctx: IExecuteFunctions, previewUrl: string): Promise<string | undefined> {
	let url: URL;
	try {
		url = new URL(previewUrl);
	} catch {
		return 'The preview URL is not a URL';
	}
	const loopback = isLoopbackHost(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		return `The preview URL uses ${url.protocol.replace(/:$/, '')}; only https is fetched`;
	}
	if (isBlockedIpLiteral(url.hostname)) return `The preview URL points at a private or link-local address (${url.hostname})`;
	if (loopback && !(await apiBaseIsLoopback(ctx))) return 'The preview URL points at this machine while the API does not';
	return undefined;
}

function transferProblem(error: unknown): string {
	if (error instanceof BodyTooLargeError) {
		return `the file is larger than ${NHN_MAX_FILE_BYTES.toLocaleString('en-US')} bytes, the largest file the service stores`;
	}
	if (error instanceof TransferAbortedError) return error.message.toLowerCase();
	return `the preview URL could not be fetched (${String((error as { code?: string } | undefined)?.code ?? 'no answer')})`;
}

/**
 * Fetches the bytes behind an attachment's `previewUrl`. The URL is self-authorising and short-lived, so it is
 * fetched without the credential: the app key and token never travel to the storage host. The answer is not
 * trusted: no redirect is followed, no address on a private network is fetched, the body is read under the largest
 * size the service stores and within the timeout, and Stop ends it.
 */
export async function downloadPreview(
	ctx: IExecuteFunctions,
	itemIndex: number,
	previewUrl: string,
	fileName: string,
	policy: RequestPolicy,
): Promise<IBinaryData> {
	const problem = await previewUrlProblem(ctx, previewUrl);
	if (problem) throw apiError(ctx, itemIndex, { provider: 'nhn', message: `${problem}: the file was not downloaded` });
	const { either, abortError } = transferSignals(ctx.getExecutionCancelSignal(), policy.timeoutMs);
	const abort = rejectOnAbort(either, abortError);
	let response: IN8nHttpFullResponse | undefined;
	let failure: unknown;
	try {
		const sent = ctx.helpers.httpRequest({
			method: 'GET',
			url: previewUrl,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: policy.timeoutMs,
			abortSignal: either,
		});
		(sent as Promise<unknown>).catch(() => {});
		response = (await Promise.race([sent, abort.promise])) as IN8nHttpFullResponse;
	} catch (error) {
		failure = error;
	}
	if (!response) {
		abort.dispose();
		throw apiError(ctx, itemIndex, { provider: 'nhn', message: `The preview download stopped: ${transferProblem(failure)}` });
	}
	if (response.statusCode < 200 || response.statusCode >= 300) {
		abort.dispose();
		(response.body as { destroy?: () => void } | undefined)?.destroy?.();
		throw apiError(ctx, itemIndex, {
			provider: 'nhn',
			status: response.statusCode,
			message:
				response.statusCode >= 300 && response.statusCode < 400
					? 'The preview URL redirected elsewhere; redirects are not followed'
					: 'The preview URL did not serve the file',
			hint: 'Preview URLs expire shortly after Get returns them; run Get again to have a fresh one.',
		});
	}
	let bytes: Buffer | undefined;
	try {
		bytes = await readBounded(response.body, NHN_MAX_FILE_BYTES, either, abortError);
	} catch (error) {
		failure = error;
	} finally {
		abort.dispose();
	}
	if (!bytes) throw apiError(ctx, itemIndex, { provider: 'nhn', message: `The preview download stopped: ${transferProblem(failure)}` });
	const contentType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
	return await ctx.helpers.prepareBinaryData(bytes, fileName, contentType || undefined);
}
