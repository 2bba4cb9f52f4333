import { createHash } from 'node:crypto';

import { ncpSignedHeaders, type Emulator } from '../../tools/emulator/server';

export const NCP_KEYS = { accessKeyId: 'test-ncp-access-key', secretKey: 'test-ncp-secret-key' };
export const NHN_KEYS = {
	appKey: 'test-nhn-app-key',
	userAccessKeyId: 'test-nhn-user-access-key',
	secretAccessKey: 'test-nhn-secret-access-key',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers read loosely in assertions
export type Json = any;

/** The JSON body of an answer, typed loosely for assertions. */
export const json = (res: Response): Promise<Json> => res.json() as Promise<Json>;

export const KB = 1024;
export const MB = 1024 * 1024;

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export interface NcpCall {
	method?: string;
	body?: RequestInit['body'];
	headers?: Record<string, string>;
	timestamp?: string;
	accessKey?: string;
	secretKey?: string;
	/** Sign this request target instead of the one sent. */
	signedTarget?: string;
}

/** Calls `${url}${target}` (target = full path and query, e.g. /ncp/api/v1/files) with NCP signature headers. */
export function ncpFetch(emu: Emulator, target: string, call: NcpCall = {}): Promise<Response> {
	const method = call.method ?? 'GET';
	const timestamp = call.timestamp ?? String(Date.now());
	const accessKey = call.accessKey ?? NCP_KEYS.accessKeyId;
	// Signed by the emulator's own signer, which test/emulator/signature.test.ts pins to the documented vectors.
	const keys = { accessKeyId: accessKey, secretKey: call.secretKey ?? NCP_KEYS.secretKey };
	return fetch(`${emu.url}${target}`, {
		method,
		body: call.body,
		headers: { ...ncpSignedHeaders(keys, method, call.signedTarget ?? target, timestamp), ...call.headers },
	});
}

/** A signed multipart `POST /files` with `fileList` parts; expects 201 and returns the answer. */
export async function ncpUploadFiles(emu: Emulator, files: Array<[string, Buffer]>): Promise<Json> {
	const form = new FormData();
	for (const [name, data] of files) form.append('fileList', new Blob([new Uint8Array(data)]), name);
	const res = await ncpFetch(emu, '/ncp/api/v1/files', { method: 'POST', body: form });
	if (res.status !== 201) throw new Error(`NCP upload: HTTP ${res.status} ${await res.text()}`);
	return json(res);
}

export const ncpPostMail = (emu: Emulator, body: unknown): Promise<Response> =>
	ncpFetch(emu, '/ncp/api/v1/mails', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

/** An Outbound Mailer service error: the 77xxx code in `error.code` (NAVER's shape), not in `error.errorCode`. */
export async function expectNcpServiceError(res: Response, status: number, code: string): Promise<Json> {
	expect(res.status).toBe(status);
	const body = await json(res);
	expect(body.error).toEqual({ code, message: expect.any(String), details: expect.any(String) });
	return body;
}

export function admin(emu: Emulator, method: string, path: string, body?: unknown): Promise<Response> {
	return fetch(`${emu.adminUrl}${path}`, {
		method,
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

export async function adminJson<T = Json>(emu: Emulator, method: string, path: string, body?: unknown): Promise<T> {
	const res = await admin(emu, method, path, body);
	if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

export function tokenRequest(emu: Emulator, id = NHN_KEYS.userAccessKeyId, secret = NHN_KEYS.secretAccessKey, body = 'grant_type=client_credentials'): Promise<Response> {
	return fetch(emu.nhnTokenUrl, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
		},
		body,
	});
}

export async function nhnToken(emu: Emulator): Promise<string> {
	const res = await tokenRequest(emu);
	if (res.status !== 200) throw new Error(`token: HTTP ${res.status}`);
	return ((await res.json()) as { access_token: string }).access_token;
}

export interface NhnCall {
	method?: string;
	token?: string;
	appKey?: string | null;
	json?: unknown;
	body?: RequestInit['body'];
	headers?: Record<string, string>;
}

/** Calls `${nhnApiBaseUrl}${path}` with X-NC-APP-KEY and X-NHN-Authorization. */
export function nhnFetch(emu: Emulator, path: string, call: NhnCall = {}): Promise<Response> {
	const headers: Record<string, string> = { ...call.headers };
	if (call.appKey !== null) headers['X-NC-APP-KEY'] = call.appKey ?? NHN_KEYS.appKey;
	if (call.token) headers['X-NHN-Authorization'] = `Bearer ${call.token}`;
	let body = call.body;
	if (call.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(call.json);
	}
	return fetch(`${emu.nhnApiBaseUrl}${path}`, { method: call.method ?? (body ? 'POST' : 'GET'), headers, body });
}

/** Bytes of a given size with a recognisable pattern. */
export function bytes(size: number, seed = 1): Buffer {
	const data = Buffer.alloc(size);
	for (let i = 0; i < size; i++) data[i] = (i * 31 + seed) & 0xff;
	return data;
}

export function uploadForm(file: Buffer | undefined, fileName: string | undefined, fileTypes: string[] = [], fileTypesAsOnePart = false): FormData {
	const form = new FormData();
	if (file) form.append('file', new Blob([new Uint8Array(file)]), fileName ?? 'upload.bin');
	if (fileName !== undefined) form.append('fileName', fileName);
	if (fileTypesAsOnePart && fileTypes.length > 0) form.append('fileTypes', fileTypes.join(','));
	else for (const type of fileTypes) form.append('fileTypes', type);
	return form;
}

/** A Notification Hub failure: HTTP status = first three digits of resultCode. */
export async function expectNhnFailure(res: Response, status: number, code: number): Promise<Json> {
	expect(res.status).toBe(status);
	const body = await json(res);
	expect(body.header).toEqual({ isSuccessful: false, resultCode: code, resultMessage: expect.any(String) });
	expect(Math.floor(code / 1000)).toBe(status);
	return body;
}

export async function expectNhnSuccess(res: Response): Promise<Json> {
	const body = await json(res);
	expect(body.header).toEqual({ isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' });
	expect(res.status).toBe(200);
	return body;
}
