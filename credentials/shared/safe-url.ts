/** A base URL or token URL that the credential refuses before a byte is sent. */
export class UnsafeUrlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnsafeUrlError';
	}
}

/** 127.0.0.0/8, ::1 and localhost: this machine. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A URL that keys, signatures or tokens may be sent to: `https`, or plain `http` to this machine only (the local
 * emulator, a proxy on loopback). Anything else would put the credential on the network in clear.
 */
export function assertSafeUrl(value: string, label: string): URL {
	const url = URL.canParse(value) ? new URL(value) : undefined;
	if (!url) throw new UnsafeUrlError(`${label} "${value}" is not a URL`);
	if (url.protocol === 'https:') return url;
	if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
	throw new UnsafeUrlError(
		`${label} must use https (plain http is allowed for 127.0.0.1 and localhost only): "${url.protocol}//${url.host}" would send the credential in clear`,
	);
}

