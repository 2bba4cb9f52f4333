import Busboy from 'busboy';

import axios from 'axios';

import { bufferSource, multipartBody } from '../../../../nodes/Attachment/transport/multipart';
import { nock } from '../../../engine/nock';

interface ParsedPart {
	name: string;
	value?: string;
	fileName?: string;
	mimeType?: string;
	bytes?: Buffer;
}

/**
 * Sends the form with axios, the HTTP client n8n sends it with, to nock, and parses the raw body back with
 * busboy, an independent parser. Also checks the Content-Length axios computed from the declared sizes.
 */
async function roundTrip(form: FormData): Promise<{ parts: ParsedPart[]; raw: Buffer }> {
	let raw = Buffer.alloc(0);
	let contentType = '';
	let contentLength = '';
	nock('https://multipart.test')
		.post('/')
		.reply(async (request: Request) => {
			raw = Buffer.from(await request.arrayBuffer());
			contentType = request.headers.get('content-type') ?? '';
			contentLength = request.headers.get('content-length') ?? '';
			return [200, {}];
		});
	await axios.post('https://multipart.test/', form);
	expect(Number(contentLength)).toBe(raw.length);
	const parts: ParsedPart[] = [];
	await new Promise<void>((resolve, reject) => {
		const parser = Busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', preservePath: true });
		parser.on('field', (name, value) => parts.push({ name, value }));
		parser.on('file', (name, stream, info) => {
			const part: ParsedPart = { name, fileName: info.filename, mimeType: info.mimeType };
			parts.push(part);
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => (part.bytes = Buffer.concat(chunks)));
		});
		parser.on('close', resolve);
		parser.on('error', reject);
		parser.end(raw);
	});
	return { parts, raw };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('multipartBody', () => {
	it('writes file and text parts in order, with names, file names, types and exact bytes', async () => {
		const bytes = Buffer.from([0, 1, 2, 255, 13, 10, 45, 45]);
		const { parts } = await roundTrip(
			multipartBody([
				{ name: 'file', source: bufferSource(bytes), fileName: 'report.pdf', mimeType: 'application/pdf' },
				{ name: 'fileName', value: 'report.pdf' },
				{ name: 'fileTypes', value: 'EMAIL_DEFAULT' },
				{ name: 'fileTypes', value: 'SMS_DEFAULT' },
			]),
		);
		expect(parts).toEqual([
			{ name: 'file', fileName: 'report.pdf', mimeType: 'application/pdf', bytes },
			{ name: 'fileName', value: 'report.pdf' },
			{ name: 'fileTypes', value: 'EMAIL_DEFAULT' },
			{ name: 'fileTypes', value: 'SMS_DEFAULT' },
		]);
	});

	it('carries several fileList parts for one NCP upload', async () => {
		const { parts } = await roundTrip(
			multipartBody([
				{ name: 'fileList', source: bufferSource(Buffer.from('a')), fileName: 'a.txt', mimeType: 'text/plain' },
				{ name: 'fileList', source: bufferSource(Buffer.from('b')), fileName: 'b.txt', mimeType: 'text/plain' },
			]),
		);
		expect(parts.map((part) => [part.name, part.fileName, part.bytes?.toString()])).toEqual([
			['fileList', 'a.txt', 'a'],
			['fileList', 'b.txt', 'b'],
		]);
	});

	it('reads a streamed file while sending, again on each send', async () => {
		let opened = 0;
		const chunks = [Buffer.from('first chunk, '), Buffer.from('second chunk')];
		const streamed = {
			size: chunks[0].length + chunks[1].length,
			async *open() {
				opened++;
				yield* chunks;
			},
		};
		const form = multipartBody([{ name: 'file', source: streamed, fileName: 'big.bin', mimeType: 'application/octet-stream' }]);
		const first = await roundTrip(form);
		const second = await roundTrip(form);
		expect(first.parts[0].bytes?.toString()).toBe('first chunk, second chunk');
		expect(second.parts[0].bytes?.toString()).toBe('first chunk, second chunk');
		expect(opened).toBe(2);
	});

	it('keeps a Korean file name as UTF-8', async () => {
		const { parts } = await roundTrip(
			multipartBody([{ name: 'file', source: bufferSource(Buffer.from('x')), fileName: '견적서 2026.pdf', mimeType: 'application/pdf' }]),
		);
		expect(parts[0].fileName).toBe('견적서 2026.pdf');
	});

	it('cannot be broken by quotes or CR/LF in a file name: no injected header or part', async () => {
		const evil = 'a"; name="injected"\r\nContent-Type: text/html\r\n\r\nx.txt';
		const { parts, raw } = await roundTrip(
			multipartBody([
				{ name: 'file', source: bufferSource(Buffer.from('payload')), fileName: evil, mimeType: 'text/plain' },
				{ name: 'fileName', value: evil },
			]),
		);
		expect(parts).toHaveLength(2);
		expect(parts[0].name).toBe('file');
		expect(parts[0].bytes?.toString()).toBe('payload');
		expect(parts[1]).toEqual({ name: 'fileName', value: evil });
		const fileHeader = raw
			.toString('latin1')
			.split('\r\n')
			.find((line) => line.startsWith('Content-Disposition: form-data; name="file"'));
		expect(fileHeader).toBe(
			'Content-Disposition: form-data; name="file"; filename="a%22; name=%22injected%22%0D%0AContent-Type: text/html%0D%0A%0D%0Ax.txt"',
		);
	});
});
