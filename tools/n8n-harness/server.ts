/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets -- e2e tooling: drives a real n8n from jest, never published; the owner password is a fixed test-only value */
// `n8n start` (or `n8n worker`) on a user folder, with an owner set up from the environment, and a REST client logged in as it.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { n8nEnv } from './env';
import { n8nBin, onCleanup } from './paths';
import { groupAlive, killGroup, sleep, tail } from './proc';
import type { UserFolderLayout } from './user-folder-layout';

/**
 * The instance owner (N8N_INSTANCE_OWNER_MANAGED_BY_ENV). The hash is bcrypt (cost 10) of `password`, computed
 * once with the bcryptjs that n8n ships: `require('bcryptjs').hashSync('e2e-Owner-Passw0rd', 10)`.
 */
export const E2E_OWNER = {
	email: 'owner@e2e.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'e2e-Owner-Passw0rd',
	passwordHash: '$2a$10$NVh3GIVYwtOKKsy5j99MUO6CjQTZrIfOPuL133ym2mfykRtj920M.',
} as const;

/** The editor sends a `browser-id` header; a session cookie issued with one is only valid with the same one. */
const BROWSER_ID = 'ncp-nhn-e2e-browser';

export interface RestResponse<T = unknown> {
	status: number;
	/** The parsed JSON body (or the text when it is not JSON). */
	body: unknown;
	/** `body.data` when the body has one (n8n wraps REST results in `{ data }`), else the body itself. */
	data: T;
}

export interface CredentialTestInput {
	/** A stored credential's id: its stored values fill in what `data` leaves out. Omit for unsaved values. */
	id?: string;
	name?: string;
	type: string;
	data: Record<string, unknown>;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface RunningN8n {
	folder: UserFolderLayout;
	baseUrl: string;
	pid: number;
	/** The server's stdout and stderr. */
	outputFile: string;
	/** n8n's JSON-lines log (N8N_LOG_FILE_LOCATION). */
	logFile: string;
	/** Milliseconds from spawn to /healthz/readiness answering 200. */
	readyMs: number;
	/** `POST /rest/login` as E2E_OWNER; returns (and keeps) the session cookie. */
	login(): Promise<string>;
	/** A REST call under /rest with the session cookie (logs in first when needed). Never throws on HTTP errors. */
	rest<T = unknown>(method: string, path: string, body?: unknown): Promise<RestResponse<T>>;
	/** The same for any path of the server (e.g. `/types/credentials.json`, `/healthz`). */
	http<T = unknown>(method: string, path: string, body?: unknown): Promise<RestResponse<T>>;
	/** `POST /rest/credentials/test`, as the editor's credential modal does. Throws unless HTTP 200. */
	testCredential(credential: CredentialTestInput): Promise<CredentialTestResult>;
	/** The server output so far. */
	output(): string;
	/** SIGTERM to the server's process group (it and its task runners), SIGKILL after `graceMs`. */
	stop(graceMs?: number): Promise<void>;
}

export interface StartServerOptions {
	env?: Record<string, string | undefined>;
	readyTimeoutMs?: number;
	/**
	 * The n8n command; default `['start']`. A queue-mode worker is `['worker', '--concurrency=N']` with its health
	 * server on the folder's port (see workerEnv in ./queue): readiness, output and stop work the same.
	 */
	args?: string[];
}

export async function startServer(folder: UserFolderLayout, options: StartServerOptions = {}): Promise<RunningN8n> {
	const baseUrl = `http://127.0.0.1:${folder.port}`;
	const outputFile = join(folder.logsDir, 'server.out');
	const logFile = join(folder.logsDir, 'server.log');
	const env = n8nEnv(folder, {
		N8N_LOG_FILE_LOCATION: logFile,
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: E2E_OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: E2E_OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: E2E_OWNER.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: E2E_OWNER.passwordHash,
		...options.env,
	});
	const started = Date.now();
	const fd = openSync(outputFile, 'a');
	const args = options.args ?? ['start'];
	const child = spawn(folder.install?.bin ?? n8nBin(), args, { cwd: folder.dir, env, stdio: ['ignore', fd, fd], detached: true });
	closeSync(fd);
	let exited: string | undefined;
	const exit = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			exited = `exit ${code ?? signal}`;
			resolve();
		});
		child.once('error', (error) => {
			exited = `spawn error ${error.message}`;
			resolve();
		});
	});
	const output = () => readFileSync(outputFile, 'utf8');
	const pid = child.pid;
	if (!pid) {
		await exit;
		throw new Error(`n8n ${args[0]} could not be spawned (${exited})`);
	}

	let stopping: Promise<void> | undefined;
	const stop = async (graceMs = 15_000): Promise<void> => {
		stopping ??= (async () => {
			unregister();
			if (!exited) killGroup(pid, 'SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
			clearTimeout(timer);
			// Task runners and anything else left in the group go too.
			if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
			await exit;
		})();
		await stopping;
	};
	const unregister = onCleanup(async () => await stop());

	const deadline = started + (options.readyTimeoutMs ?? 90_000);
	for (;;) {
		if (exited) {
			await stop();
			throw new Error(`n8n ${args[0]} ended before it was ready (${exited}):\n${tail(output())}`);
		}
		const ready = await fetch(`${baseUrl}/healthz/readiness`)
			.then((res) => res.status === 200)
			.catch(() => false);
		if (ready) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n ${args[0]} was not ready within ${options.readyTimeoutMs ?? 90_000} ms:\n${tail(output())}`);
		}
		await sleep(150);
	}
	const readyMs = Date.now() - started;

	let cookie: string | undefined;
	const login = async (): Promise<string> => {
		const res = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password }),
		});
		const auth = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (res.status !== 200 || !auth) throw new Error(`login failed: HTTP ${res.status} ${await res.text()}`);
		cookie = auth.split(';')[0];
		return cookie;
	};

	const http = async <T = unknown>(method: string, path: string, body?: unknown): Promise<RestResponse<T>> => {
		const session = cookie ?? (await login());
		const res = await fetch(`${baseUrl}${path.startsWith('/') ? path : `/${path}`}`, {
			method,
			headers: {
				cookie: session,
				'browser-id': BROWSER_ID,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = text; // not JSON: keep the text
		}
		const data = (parsed !== null && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
		return { status: res.status, body: parsed, data };
	};
	const rest = async <T = unknown>(method: string, path: string, body?: unknown): Promise<RestResponse<T>> =>
		await http<T>(method, `/rest${path.startsWith('/') ? path : `/${path}`}`, body);

	const testCredential = async (credential: CredentialTestInput): Promise<CredentialTestResult> => {
		const res = await rest<CredentialTestResult>('POST', '/credentials/test', {
			credentials: { id: credential.id ?? '', name: credential.name ?? '', type: credential.type, data: credential.data },
		});
		if (res.status !== 200) throw new Error(`credential test: HTTP ${res.status} ${JSON.stringify(res.body)}`);
		return res.data;
	};

	return { folder, baseUrl, pid, outputFile, logFile, readyMs, login, rest, http, testCredential, output, stop };
}
