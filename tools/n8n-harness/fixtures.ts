/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e and demo tooling: runs outside n8n, never published */
// What the demo and the end-to-end tests set up in a real n8n: credentials pointing at the emulator, the example
// workflows as shipped (official base URLs swapped for the emulator's), and the sample file they read from disk.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Emulator } from '../emulator/server';
import { DEMO_KEYS } from '../emulator/server';
import type { CredentialInput, WorkflowInput } from './cli';

/** The repository root: the nearest folder above this file whose package.json is this package's. */
export function projectRoot(from = __dirname): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'n8n-nodes-ncp-nhn-attachment') return dir;
	}
	throw new Error(`No n8n-nodes-ncp-nhn-attachment package.json above ${from}`);
}

export const EXAMPLE_FILES = [
	'01-upload-to-each-provider.json',
	'02-upload-then-send.json',
	'03-scheduled-cleanup.json',
	'04-send-file-from-disk.json',
];

/** The examples read this file ("Read/Write Files from Disk"); the demo and the tests create it. */
export const SAMPLE_DIR = '/tmp/n8n-attachment-examples';
export const SAMPLE_FILE = join(SAMPLE_DIR, 'invoice.pdf');

/** The credential IDs the example workflows refer to. */
export const CREDENTIAL_IDS = { ncp: 'ncpDemoCredential1', nhn: 'nhnDemoCredential1' } as const;

const OFFICIAL_BASES = {
	ncp: 'https://mail.apigw.ntruss.com/api/v1',
	nhn: 'https://notification-hub.api.nhncloudservice.com',
};

export interface SampleFile {
	path: string;
	bytes: Buffer;
	sha256: string;
}

/** A small but real PDF, written where the examples read it. */
export async function writeSampleFile(): Promise<SampleFile> {
	const bytes = Buffer.from(
		'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
			'3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
		'latin1',
	);
	await mkdir(SAMPLE_DIR, { recursive: true });
	await writeFile(SAMPLE_FILE, bytes);
	return { path: SAMPLE_FILE, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

type EmulatorUrls = Pick<Emulator, 'ncpBaseUrl' | 'nhnApiBaseUrl' | 'nhnTokenUrl'>;

/** The NCP credential's data for the emulator, with the given (default: demo) keys. */
export function ncpCredentialData(emulator: EmulatorUrls, keys = DEMO_KEYS.ncp): Record<string, string> {
	return { accessKeyId: keys.accessKeyId, secretKey: keys.secretKey, site: 'custom', customBaseUrl: emulator.ncpBaseUrl };
}

/** The NHN credential's data for the emulator (User Access Key, no token issued yet), with the given keys. */
export function nhnCredentialData(emulator: EmulatorUrls, keys = DEMO_KEYS.nhn): Record<string, string> {
	return {
		appKey: keys.appKey,
		authentication: 'userAccessKey',
		userAccessKeyId: keys.userAccessKeyId,
		secretAccessKey: keys.secretAccessKey,
		oauthServer: 'custom',
		customTokenUrl: emulator.nhnTokenUrl,
		apiBase: 'custom',
		customApiBaseUrl: emulator.nhnApiBaseUrl,
		issuedAccessToken: '',
	};
}

/** The two credentials of the examples, pointing at the emulator, with the given (default: demo) keys. */
export function emulatorCredentials(emulator: EmulatorUrls, keys = DEMO_KEYS): CredentialInput[] {
	return [
		{ id: CREDENTIAL_IDS.ncp, name: 'NAVER Cloud Outbound Mailer (demo)', type: 'ncpOutboundMailerApi', data: ncpCredentialData(emulator, keys.ncp) },
		{ id: CREDENTIAL_IDS.nhn, name: 'NHN Cloud Notification Hub (demo)', type: 'nhnCloudNotificationHubApi', data: nhnCredentialData(emulator, keys.nhn) },
	];
}

/** One call to the emulator's admin API (`/__admin` + `path`), answered as JSON; throws unless 2xx. */
export async function emulatorAdmin<T = unknown>(emulator: Pick<Emulator, 'adminUrl'>, method: string, path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${emulator.adminUrl}${path}`, {
		method,
		headers: body === undefined ? undefined : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`emulator admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

/**
 * An example workflow as shipped in `examples/`, with the one change that runs it against the emulator:
 * the official API base URLs used by its HTTP Request nodes become the emulator's.
 */
export async function loadExample(
	file: string,
	emulator: Pick<Emulator, 'ncpBaseUrl' | 'nhnApiBaseUrl'>,
): Promise<WorkflowInput> {
	const text = await readFile(join(projectRoot(), 'examples', file), 'utf8');
	return JSON.parse(
		text.split(OFFICIAL_BASES.ncp).join(emulator.ncpBaseUrl).split(OFFICIAL_BASES.nhn).join(emulator.nhnApiBaseUrl),
	) as WorkflowInput;
}
