/* eslint-disable @n8n/community-nodes/no-restricted-imports -- e2e tooling: an HTTP proxy that tells which n8n process sent a request, never published */
// A plain-HTTP forward proxy that records every request it forwards. Each queue-mode worker gets its own (through
// HTTP_PROXY, which n8n's HTTP client honours), so a test can tell which worker sent which request to the emulator:
// the emulator sees them all, but not who sent them.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { onCleanup } from './paths';

export interface ProxiedRequest {
	method: string;
	/** The target's path, without the query string. */
	path: string;
	/** The target's answer (0 when none came). */
	status: number;
}

export interface CountingProxy {
	/** `http://127.0.0.1:<port>`, for HTTP_PROXY. */
	url: string;
	/** Every request forwarded so far, in arrival order. */
	readonly requests: ProxiedRequest[];
	close(): Promise<void>;
}

export async function startCountingProxy(): Promise<CountingProxy> {
	const requests: ProxiedRequest[] = [];
	const server: Server = createServer((req, res) => {
		// A proxied request names its target in full: `POST http://127.0.0.1:1234/path HTTP/1.1`.
		let target: URL;
		try {
			target = new URL(req.url ?? '');
		} catch {
			res.writeHead(400).end('absolute URL expected');
			return;
		}
		const entry: ProxiedRequest = { method: req.method ?? 'GET', path: target.pathname, status: 0 };
		requests.push(entry);
		const upstream = httpRequest(
			target,
			{ method: req.method, headers: { ...req.headers, host: target.host } },
			(answer) => {
				entry.status = answer.statusCode ?? 0;
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	let closing: Promise<void> | undefined;
	const close = async () => {
		closing ??= new Promise<void>((resolve) => {
			unregister();
			server.closeAllConnections();
			server.close(() => resolve());
		});
		await closing;
	};
	const unregister = onCleanup(close);
	return { url: `http://127.0.0.1:${port}`, requests, close };
}
