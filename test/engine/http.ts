/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: a local HTTP server and a multipart parser; runs in jest, never published */
/**
 * HTTP helpers for engine tests: parse a multipart body that nock captured, and run a real
 * server on 127.0.0.1 for requests nock cannot intercept (see nock.ts).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

import { nock } from './nock';

export interface MultipartFile {
	filename?: string;
	mimeType: string;
	data: Buffer;
}

/** Parses a raw multipart/form-data body (`contentType` carries the boundary). */
export async function parseMultipart(contentType: string, body: Buffer) {
	const fields: Record<string, string> = {};
	const files: Record<string, MultipartFile> = {};
	await new Promise<void>((resolve, reject) => {
		const parser = busboy({ headers: { 'content-type': contentType } });
		parser.on('field', (name, value) => (fields[name] = value));
		parser.on('file', (name, stream, info) => {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				files[name] = { filename: info.filename, mimeType: info.mimeType, data: Buffer.concat(chunks) };
			});
		});
		parser.on('close', resolve).on('error', reject);
		parser.end(body);
	});
	return { fields, files };
}

/**
 * Runs `fn(origin)` with a real HTTP server on 127.0.0.1; `handler` gets the whole request body.
 * nock lets 127.0.0.1 through meanwhile and disallows net connect again afterwards
 * (`enableNetConnect` replaces nock's allow-list, it does not add to it).
 */
export async function withLocalServer(
	handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void,
	fn: (origin: string) => Promise<void>,
): Promise<void> {
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => handler(req, Buffer.concat(chunks), res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	nock.enableNetConnect('127.0.0.1');
	try {
		await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
	} finally {
		nock.disableNetConnect();
		await new Promise((resolve) => server.close(resolve));
	}
}
