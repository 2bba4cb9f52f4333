/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- e2e tooling: drives a real n8n from jest, never published; the encryption key is a fixed test-only value */
// The environment of every n8n process the harness starts: offline, headless, one user folder, own ports.
import type { UserFolderLayout } from './user-folder-layout';
import { node24BinDir } from './paths';

/** Fixed so credentials imported by one command decrypt in the next (and in a copied database). */
export const E2E_ENCRYPTION_KEY = 'ncp-nhn-e2e-fixed-encryption-key-2.41';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'silent';
const LEVELS: LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

/** N8N_LOG_LEVEL from the test process's environment (default `info`). */
export function configuredLogLevel(): LogLevel {
	const level = process.env.N8N_LOG_LEVEL as LogLevel | undefined;
	return level && LEVELS.includes(level) ? level : 'info';
}

/** The more verbose of two levels. */
export function atLeast(level: LogLevel, floor: LogLevel): LogLevel {
	return LEVELS.indexOf(level) >= LEVELS.indexOf(floor) ? level : floor;
}

/** Variables of the test process that must not leak into n8n (ours are set explicitly below). */
function inheritedEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key.startsWith('N8N_') || key.startsWith('DB_') || key.startsWith('EXECUTIONS_')) continue;
		if (key === 'NODE_ENV' || key.startsWith('JEST_')) continue;
		env[key] = value;
	}
	return env;
}

/**
 * The environment for running n8n offline and headless on `folder` (with its install's and its own `env`). `extra` wins over everything (a value of
 * `undefined` removes a variable). Logs go to the console and, as JSON lines, to `<folder>/logs/n8n.log`.
 */
export function n8nEnv(folder: UserFolderLayout, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...inheritedEnv(),
		PATH: `${folder.install?.nodeBinDir ?? node24BinDir()}:${process.env.PATH ?? ''}`,
		// What n8n's Docker image sets; jest sets NODE_ENV=test, which n8n refuses ("Not available in tests").
		NODE_ENV: 'production',
		N8N_USER_FOLDER: folder.dir,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		// Offline: no telemetry, version checks, templates, survey, MCP registry or verified-package list.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(folder.port),
		N8N_RUNNERS_BROKER_PORT: String(folder.brokerPort),
		N8N_SECURE_COOKIE: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: folder.filesDir,
		N8N_LOG_LEVEL: configuredLogLevel(),
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: folder.logFile,
		// One rotated file is plenty for a test; the default keeps 100.
		N8N_LOG_FILE_COUNT_MAX: '2',
	};
	for (const [key, value] of Object.entries({ ...folder.install?.env, ...folder.env, ...extra })) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}
