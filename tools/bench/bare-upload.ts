/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmark tooling: a bare HTTP client run as its own process, never published */
// The bare client of figure 1: the NHN upload with nothing but Node's own fetch, FormData and Blob, run as a
// process of its own (as n8n is) so it never shares an event loop with the emulator. It does what the node does:
// a token from the OAuth endpoint (kept, as the credential keeps its token), then the multipart POST with
// X-NC-APP-KEY and the bearer token. Untimed: reading the file, the token, and one small GET that loads the HTTP
// stack. Timed: building the form from the bytes in memory, the upload and reading its JSON answer, twice: the
// first upload of the process (`cold`, as the node's upload is the first of its `n8n execute` process) and a
// second one right after (`warm`, the same code already compiled and the heap already grown).
// Usage: node build/bench/bare-upload.js '<json of BareUploadInput>'; prints a JSON BareUploadResult.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

export interface BareUploadInput {
	apiBaseUrl: string;
	tokenUrl: string;
	appKey: string;
	userAccessKeyId: string;
	secretAccessKey: string;
	file: string;
	fileName: string;
	mimeType: string;
	fileTypes: string[];
}

export interface UploadAnswer {
	ms: number;
	status: number;
	attachmentId?: string;
	isSuccessful: boolean;
	resultMessage?: string;
}

export interface BareUploadResult {
	cold: UploadAnswer;
	warm: UploadAnswer;
}

async function token(input: BareUploadInput): Promise<string> {
	const basic = Buffer.from(`${input.userAccessKeyId}:${input.secretAccessKey}`).toString('base64');
	const res = await fetch(input.tokenUrl, {
		method: 'POST',
		headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'grant_type=client_credentials',
	});
	const body = (await res.json()) as { access_token?: string };
	if (!res.ok || !body.access_token) throw new Error(`token endpoint: HTTP ${res.status} ${JSON.stringify(body)}`);
	return body.access_token;
}

async function upload(url: string, headers: Record<string, string>, bytes: Buffer, input: BareUploadInput): Promise<UploadAnswer> {
	const t0 = performance.now();
	const form = new FormData();
	form.append('file', new Blob([bytes], { type: input.mimeType }), input.fileName);
	form.append('fileName', input.fileName);
	for (const fileType of input.fileTypes) form.append('fileTypes', fileType);
	const res = await fetch(url, { method: 'POST', headers, body: form });
	const body = (await res.json()) as { header?: { isSuccessful?: boolean; resultMessage?: string }; attachmentId?: string };
	const ms = performance.now() - t0;
	return {
		ms,
		status: res.status,
		attachmentId: body.attachmentId,
		isSuccessful: body.header?.isSuccessful === true,
		resultMessage: body.header?.resultMessage,
	};
}

async function main(): Promise<void> {
	const input = JSON.parse(process.argv[2] ?? '') as BareUploadInput;
	const bytes = await readFile(input.file);
	const headers = { 'X-NC-APP-KEY': input.appKey, 'X-NHN-Authorization': `Bearer ${await token(input)}` };
	const url = `${input.apiBaseUrl}/attachment/v1.0/attachments`;
	const small = await fetch(`${url}/file-types?messageChannel=EMAIL`, { headers });
	await small.arrayBuffer();

	const cold = await upload(url, headers, bytes, input);
	const warm = await upload(url, headers, bytes, input);
	const result: BareUploadResult = { cold, warm };
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`bare upload failed: ${error.stack ?? error.message}\n`);
		process.exit(1);
	});
}
