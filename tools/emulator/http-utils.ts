/* eslint-disable @n8n/community-nodes/no-restricted-imports -- emulator tooling: runs outside n8n and is never published */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export type Headers = Record<string, string>;

export const delay = async (ms: number): Promise<void> => {
	if (ms > 0) await sleep(ms);
};

export function drain(req: IncomingMessage): Promise<void> {
	if (req.readableEnded || req.destroyed) return Promise.resolve();
	return new Promise((resolve) => {
		req.on('end', resolve);
		req.on('close', resolve);
		req.on('error', () => resolve());
		req.resume();
	});
}

/** The whole body, or undefined when it is over `maxBytes` (the rest is read and dropped). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size <= maxBytes) chunks.push(buffer);
	}
	return size > maxBytes ? undefined : Buffer.concat(chunks);
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: string };

/** Reads and parses a JSON body; `problem` says why it could not. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<JsonBody> {
	const body = await readBody(req, maxBytes);
	if (!body) return { ok: false, problem: `Request body over ${maxBytes} bytes` };
	try {
		return { ok: true, value: JSON.parse(body.toString('utf8')) };
	} catch {
		return { ok: false, problem: 'Request body is not valid JSON' };
	}
}

export function mediaType(req: IncomingMessage): string {
	return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

export const isJsonRequest = (req: IncomingMessage): boolean => {
	const type = mediaType(req);
	return type === 'application/json' || type.endsWith('+json');
};

export const isMultipartRequest = (req: IncomingMessage): boolean =>
	mediaType(req) === 'multipart/form-data';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
	const payload = Buffer.from(JSON.stringify(body));
	res.writeHead(status, {
		'Content-Type': 'application/json;charset=UTF-8',
		'Content-Length': String(payload.length),
		...headers,
	});
	res.end(payload);
}

export function sendRaw(
	res: ServerResponse,
	status: number,
	contentType: string,
	payload: Buffer | string,
	headers: Headers = {},
): void {
	const buffer = typeof payload === 'string' ? Buffer.from(payload) : payload;
	res.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': String(buffer.length),
		...headers,
	});
	res.end(buffer);
}

export function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

export function pathSegments(pathname: string, prefix: string): string[] | undefined {
	if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
	return pathname
		.slice(prefix.length)
		.split('/')
		.filter((segment) => segment !== '');
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	if (Array.isArray(value)) return value[0];
	return value;
}
