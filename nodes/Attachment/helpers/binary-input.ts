import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bufferSource, type FileSource } from '../transport/multipart';
import { sizeAndLimit } from './limits';

/** Files stored on disk from this size up are streamed into the request rather than loaded into memory. */
export const STREAM_FROM_BYTES = 1024 * 1024;
const STREAM_CHUNK_BYTES = 256 * 1024;

/** What the node knows of an input file before reading its bytes. */
export interface BinaryFile {
	property: string;
	fileName: string;
	mimeType: string;
	size: number;
	/** The stored file's ID in filesystem or database mode; absent for inline data. */
	id?: string;
}

/** The names of the item's binary properties, in the item's order. */
export function binaryPropertiesOf(ctx: IExecuteFunctions, itemIndex: number): string[] {
	return Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
}

/** Decoded size of inline base64, from its length alone. */
function base64ByteLength(data: string): number {
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	return Math.floor((data.length * 3) / 4) - padding;
}

/**
 * Finds the binary property and its size from metadata (stored files are not loaded), and refuses a
 * missing, empty or over-size file before any request is sent.
 */
export async function inspectBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	maxBytes: number,
	limitLabel: string,
): Promise<BinaryFile> {
	let binary;
	try {
		binary = ctx.helpers.assertBinaryData(itemIndex, property);
	} catch {
		const present = binaryPropertiesOf(ctx, itemIndex);
		const has = present.length > 0 ? `its binary properties are ${present.map((name) => `"${name}"`).join(', ')}` : 'it has no binary data';
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex} has no binary property "${property}": ${has}`, {
			itemIndex,
			description:
				present.length > 0
					? 'Set "Input Binary Field" to one of them, several separated by commas, or * for all of them.'
					: 'The node before this one must output a file (for instance Read/Write Files from Disk or HTTP Request).',
		});
	}
	const size = binary.id
		? Number((await ctx.helpers.getBinaryMetadata(binary.id)).fileSize)
		: base64ByteLength(binary.data);
	const fileName = binary.fileName ?? property;
	if (!size) {
		throw new NodeOperationError(ctx.getNode(), `The file "${fileName}" in binary property "${property}" of item ${itemIndex} is empty`, {
			itemIndex,
		});
	}
	if (size > maxBytes) {
		const worded = sizeAndLimit(size, maxBytes);
		throw new NodeOperationError(
			ctx.getNode(),
			`The file "${fileName}" in binary property "${property}" of item ${itemIndex} is ${worded.size}; ${limitLabel} accepts at most ${worded.limit} per file`,
			{ itemIndex },
		);
	}
	return { property, fileName, mimeType: binary.mimeType || 'application/octet-stream', size, id: binary.id };
}

/**
 * A small stored file, read from storage under a cap of its metadata size plus one byte: a file whose stored bytes
 * outnumber its metadata (the size the limits were checked against) is refused, never loaded whole.
 */
async function smallStoredFile(ctx: IExecuteFunctions, itemIndex: number, file: BinaryFile, id: string): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let read = 0;
	const stream = await ctx.helpers.getBinaryStream(id, STREAM_CHUNK_BYTES);
	for await (const chunk of stream) {
		read += (chunk as Buffer).length;
		if (read > file.size) {
			stream.destroy();
			break;
		}
		chunks.push(chunk as Buffer);
	}
	if (read !== file.size) {
		const held = read > file.size ? `more than ${file.size.toLocaleString('en-US')}` : read.toLocaleString('en-US');
		throw new NodeOperationError(
			ctx.getNode(),
			`The file "${file.fileName}" in binary property "${file.property}" of item ${itemIndex} holds ${held} bytes, but its metadata says ${file.size.toLocaleString('en-US')} bytes; nothing was uploaded`,
			{ itemIndex },
		);
	}
	return Buffer.concat(chunks, read);
}

/**
 * The file's bytes for a request: a stored file of STREAM_FROM_BYTES or more is read from storage while it is
 * sent (each send opens it again, and the sent bytes are counted against the size); a smaller stored one is read
 * once under a cap of its size; an inline one is decoded once.
 */
export async function fileSourceOf(ctx: IExecuteFunctions, itemIndex: number, file: BinaryFile): Promise<FileSource> {
	const { id } = file;
	if (id && file.size >= STREAM_FROM_BYTES) {
		return {
			size: file.size,
			async *open() {
				yield* await ctx.helpers.getBinaryStream(id, STREAM_CHUNK_BYTES);
			},
		};
	}
	if (id) return bufferSource(await smallStoredFile(ctx, itemIndex, file, id));
	return bufferSource(await ctx.helpers.getBinaryDataBuffer(itemIndex, file.property));
}
