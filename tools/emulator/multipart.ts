/* eslint-disable @n8n/community-nodes/no-restricted-imports -- emulator tooling: runs outside n8n and is never published */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

import { drain } from './http-utils';
import { sha256Hex } from './ids';

export interface MultipartFile {
	field: string;
	fileName: string;
	mimeType: string;
	/** Empty when the part went over the size limit (`overLimit`): its bytes are not kept. */
	data: Buffer;
	size: number;
	sha256: string;
	overLimit: boolean;
}

export interface MultipartBody {
	files: MultipartFile[];
	fields: Array<{ name: string; value: string }>;
}

export type MultipartResult = { ok: true; body: MultipartBody } | { ok: false; problem: string };

export interface MultipartLimits {
	/** Largest accepted file part in bytes; a larger part is flagged `overLimit`. */
	fileSize: number;
	files?: number;
	fields?: number;
}

/** Parses a multipart/form-data request with busboy, keeping each file's bytes in memory. */
export function parseMultipart(req: IncomingMessage, limits: MultipartLimits): Promise<MultipartResult> {
	return new Promise((resolve) => {
		let parser: busboy.Busboy;
		try {
			// busboy flags a file as soon as it reaches `fileSize`: one byte more tells "over" from "exactly at".
			parser = busboy({
				headers: req.headers,
				defParamCharset: 'utf8',
				limits: { fileSize: limits.fileSize + 1, files: limits.files ?? 100, fields: limits.fields ?? 100 },
			});
		} catch (error) {
			void drain(req).then(() => resolve({ ok: false, problem: (error as Error).message }));
			return;
		}
		const body: MultipartBody = { files: [], fields: [] };
		const pending: Array<Promise<void>> = [];
		let failed = false;
		const fail = (error: Error) => {
			if (failed) return;
			failed = true;
			req.unpipe(parser);
			void drain(req).then(() => resolve({ ok: false, problem: error.message }));
		};

		parser.on('file', (field, stream, info) => {
			const chunks: Buffer[] = [];
			let overLimit = false;
			stream.on('limit', () => {
				overLimit = true;
				chunks.length = 0;
			});
			stream.on('data', (chunk: Buffer) => {
				if (!overLimit) chunks.push(chunk);
			});
			pending.push(
				new Promise<void>((done) => {
					stream.on('end', () => {
						const data = overLimit ? Buffer.alloc(0) : Buffer.concat(chunks);
						body.files.push({
							field,
							fileName: info.filename ?? '',
							mimeType: info.mimeType,
							data,
							size: data.length,
							sha256: overLimit ? '' : sha256Hex(data),
							overLimit,
						});
						done();
					});
				}),
			);
		});
		parser.on('field', (name, value) => body.fields.push({ name, value }));
		parser.on('error', (error: Error) => fail(error));
		parser.on('filesLimit', () => fail(new Error('too many file parts')));
		parser.on('fieldsLimit', () => fail(new Error('too many fields')));
		parser.on('close', () => {
			if (failed) return;
			void Promise.all(pending).then(() => resolve({ ok: true, body }));
		});
		req.on('error', (error) => fail(error));
		req.pipe(parser);
	});
}
