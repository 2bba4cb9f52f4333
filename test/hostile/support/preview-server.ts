/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: real servers on 127.0.0.1; runs in jest, never published */
/** An NHN API whose Get answers with a preview URL chosen by the test, and preview bodies that misbehave. */
import type { ServerResponse } from 'node:http';
import { sleep } from 'n8n-workflow';

import { withTokenEndpoint } from './operations';
import { json, type Handler, type HostileServer } from './servers';

export const GET_WITH_DOWNLOAD = { resource: 'nhn', operation: 'get', attachmentId: 'att-1', download: true, binaryPropertyName: 'data' };

/** Get answers with this preview URL. */
export function getAnswering(previewUrl: string): Handler {
	return withTokenEndpoint((_req, res) =>
		json(res, 200, {
			header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
			attachment: { attachmentId: 'att-1', fileName: 'report.pdf', fileSizeByte: 10, previewUrl },
		}),
	);
}

/** Writes `total` bytes (Infinity: without end) in chunks, as fast as the client reads. */
export function streaming(total: number, chunkBytes = 1024 * 1024): Handler {
	return async (_req, res: ServerResponse, server: HostileServer) => {
		res.writeHead(200, { 'content-type': 'application/octet-stream' });
		const chunk = Buffer.alloc(chunkBytes, 'z');
		for (let sent = 0; sent < total; sent += chunk.length) {
			if (!(await server.writeCounted(res, chunk.subarray(0, Math.min(chunk.length, total - sent))))) return;
		}
		res.end();
	};
}

/** Writes one byte every `everyMs`, `total` times: a body that trickles in. */
export function dripping(total: number, everyMs: number): Handler {
	return async (_req, res: ServerResponse, server: HostileServer) => {
		res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(total) });
		for (let sent = 0; sent < total; sent++) {
			if (!(await server.writeCounted(res, Buffer.from('d')))) return;
			await sleep(everyMs);
		}
		res.end();
	};
}
