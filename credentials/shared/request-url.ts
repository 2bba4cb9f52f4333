import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** RFC 3986 unreserved characters stay; everything else is percent-encoded, so URL parsing changes nothing. */
export function encodeStrict(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

function appendQuery(url: string, qs: IDataObject | undefined): string {
	if (!qs) return url;
	const pairs: string[] = [];
	for (const [key, raw] of Object.entries(qs)) {
		const values = Array.isArray(raw) ? raw : [raw];
		for (const value of values) {
			if (value === undefined || value === null) continue;
			const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
			pairs.push(`${encodeStrict(key)}=${encodeStrict(text)}`);
		}
	}
	if (pairs.length === 0) return url;
	return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

function joinBase(baseUrl: string | undefined, url: string): string {
	if (/^https?:\/\//i.test(url) || !baseUrl) return url;
	return `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** The request shapes n8n hands to `authenticate`: the current one (`url`) and the legacy one (`uri`). */
type AnyRequestOptions = IHttpRequestOptions & { uri?: string };

/**
 * Resolves `baseURL` + `url` (or legacy `uri`) + `qs` into one absolute URL, normalised the way the
 * HTTP client will normalise it, so that what is signed is byte for byte what is sent.
 */
export function resolveRequestUrl(request: AnyRequestOptions, defaultBaseUrl?: string): URL {
	const target = request.uri ?? request.url;
	const absolute = joinBase(request.baseURL ?? defaultBaseUrl, target);
	return new URL(appendQuery(absolute, request.qs));
}

/** A copy of the request whose URL is final: no `baseURL`, no `qs` left for the client to rework. */
export function withResolvedUrl<T extends AnyRequestOptions>(request: T, url: URL): T {
	const copy: T = { ...request, headers: { ...(request.headers ?? {}) } };
	delete copy.baseURL;
	delete copy.qs;
	if (copy.uri !== undefined) copy.uri = url.href;
	else copy.url = url.href;
	return copy;
}
