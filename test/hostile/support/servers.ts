/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: real servers on 127.0.0.1; runs in jest, never published */
/**
 * Real HTTP servers on 127.0.0.1 that play a hostile service: each records what it was sent, counts the bytes it
 * managed to write, and notes when the client closed the connection. A collector is a server that nothing may
 * reach: if a redirect or a preview URL pointing at it was followed, its log is not empty.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
	/** False when the client went away before its body was complete. */
	complete: boolean;
}

/** Called once the request body is in (`body`), or as soon as the headers arrive when the server answers early. */
export type Handler = (req: IncomingMessage, res: ServerResponse, server: HostileServer, body: Buffer) => void | Promise<void>;

export class HostileServer {
	readonly received: Received[] = [];

	/** Bytes of response bodies written with `writeCounted`. */
	bytesWritten = 0;

	/** Connections the client closed before the response was finished. */
	abortedByClient = 0;

	private server?: Server;

	origin = '';

	/** Call the handler as soon as the headers arrive, without waiting for the body (a slow reader, an early answer). */
	answersEarly = false;

	constructor(public handler: Handler) {}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const record: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.alloc(0), complete: false };
			this.received.push(record);
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			const handle = () => void Promise.resolve(this.handler(req, res, this, record.body)).catch(() => res.destroy());
			req.on('end', () => {
				record.body = Buffer.concat(chunks);
				record.complete = true;
				if (!this.answersEarly) handle();
			});
			res.on('close', () => {
				if (!res.writableFinished) this.abortedByClient++;
			});
			if (this.answersEarly) handle();
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	reset(handler?: Handler): void {
		this.received.length = 0;
		this.bytesWritten = 0;
		this.abortedByClient = 0;
		this.answersEarly = false;
		if (handler) this.handler = handler;
	}

	/** Writes a chunk, waiting while the client does not read; false once the client has gone. */
	async writeCounted(res: ServerResponse, chunk: Buffer): Promise<boolean> {
		if (res.destroyed || res.writableEnded) return false;
		const flushed = res.write(chunk);
		this.bytesWritten += chunk.length;
		if (!flushed) {
			await new Promise<void>((resolve) => {
				res.once('drain', resolve);
				res.once('close', resolve);
			});
		}
		return !res.destroyed;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

/** Answers like a cooperative API, so that a client that reached it would take the answer: nothing may. */
export const collectorHandler: Handler = (_req, res) =>
	json(res, 200, {
		header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
		access_token: 'token-from-the-collector',
		expires_in: 86400,
		tempRequestId: 'collected',
		files: [],
		attachmentId: 'collected',
		totalCount: 0,
		attachments: [],
		fileTypes: [],
	});

/** Starts servers in beforeAll and stops them in afterAll; each test starts from an empty log. */
export function useServers<K extends string>(names: K[]): Record<K, HostileServer> {
	const servers = Object.fromEntries(names.map((name) => [name, new HostileServer(collectorHandler)])) as Record<K, HostileServer>;
	beforeAll(async () => {
		for (const server of Object.values<HostileServer>(servers)) await server.start();
	});
	afterAll(async () => {
		for (const server of Object.values<HostileServer>(servers)) await server.stop();
	});
	beforeEach(() => {
		for (const server of Object.values<HostileServer>(servers)) server.reset(collectorHandler);
	});
	return servers;
}

/** Waits until `condition` holds, for what the server notices a moment after the client acts (a closed socket). */
export async function eventually(condition: () => boolean, withinMs = 3000): Promise<void> {
	for (const started = Date.now(); !condition(); ) {
		if (Date.now() - started > withinMs) throw new Error(`Still not true after ${withinMs} ms: ${condition.toString()}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
