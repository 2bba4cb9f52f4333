/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: sets up n8n-core's process-wide services (env, temp folders, DI container) for jest; never published */
/**
 * Process-wide n8n-core services for the engine harness: environment, temporary folders,
 * the `@n8n/di` Container that n8n-core itself uses, a capturing logger, the binary data
 * service (filesystem mode) and OutboundHttp (SSRF off, no proxy).
 *
 * Pitfall: n8n-core 2.41.1 ships nested copies of `@n8n/di`, `@n8n/backend-network`,
 * `@n8n/backend-common` and `@n8n/config` (newer than the hoisted ones in node_modules/@n8n).
 * `@n8n/di` keeps its registry in a module-level map, so `import { Container } from '@n8n/di'`
 * here would give a *different* container from the one n8n-core's helpers read. Every such
 * package is therefore resolved from n8n-core's own location, and loaded with `import()`
 * (compiled to jest's `require`) so that jest's module registry hands back the same instances.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import {
	BinaryDataConfig,
	BinaryDataService,
	Cipher,
	EncryptionKeyProxy,
	ErrorReporter,
	ExternalSecretsProxy,
	InstanceSettings,
} from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';
import type { Logger, LogMetadata } from 'n8n-workflow';

type Class<T = unknown> = abstract new (...args: never[]) => T;

/** The part of `@n8n/di`'s Container the harness uses. */
export interface DiContainer {
	get<T>(type: Class<T>): T;
	set<T>(type: Class<T>, instance: T): void;
}

export interface EngineRuntime {
	container: DiContainer;
	binaryDataService: BinaryDataService;
	externalSecretsProxy: ExternalSecretsProxy;
	/** Root temporary folder: N8N_USER_FOLDER and the binary data storage live under it. */
	tempDir: string;
	storagePath: string;
}

export const ENCRYPTION_KEY = 'engine-harness-test-encryption-key';

// ---------------------------------------------------------------- logging

type LogSink = (line: string) => void;
const sinks = new Set<LogSink>();

/** Routes every log line (all levels, including debug) to `sink` until the returned function is called. */
export function captureLogs(sink: LogSink): () => void {
	sinks.add(sink);
	return () => sinks.delete(sink);
}

function formatMeta(meta: LogMetadata | undefined): string {
	if (meta === undefined || Object.keys(meta).length === 0) return '';
	return ' ' + inspect(meta, { depth: 8, breakLength: Infinity, maxStringLength: 100_000 });
}

/** A quiet logger that hands formatted lines to the active sinks (no console output). */
export class CapturingLogger implements Logger {
	constructor(private readonly scopes: string[] = []) {}

	private write(level: string, message: string, meta?: LogMetadata) {
		const scope = this.scopes.length ? ` [${this.scopes.join(',')}]` : '';
		const line = `${level}${scope}: ${message}${formatMeta(meta)}`;
		for (const sink of sinks) sink(line);
	}

	error(message: string, meta?: LogMetadata) {
		this.write('error', message, meta);
	}
	warn(message: string, meta?: LogMetadata) {
		this.write('warn', message, meta);
	}
	info(message: string, meta?: LogMetadata) {
		this.write('info', message, meta);
	}
	debug(message: string, meta?: LogMetadata) {
		this.write('debug', message, meta);
	}
	scoped(scopes: string | string[]): CapturingLogger {
		return new CapturingLogger([...this.scopes, ...(Array.isArray(scopes) ? scopes : [scopes])]);
	}
}

// ---------------------------------------------------------------- module resolution

/** Loads `id` exactly as the module `fromFile` would `require` it (through jest's registry). */
async function loadFrom<T>(fromFile: string, id: string): Promise<{ path: string; mod: T }> {
	const path = require.resolve(id, { paths: [dirname(fromFile)] });
	return { path, mod: (await import(path)) as T };
}

// ---------------------------------------------------------------- setup

let runtime: Promise<EngineRuntime> | undefined;

function setEnvironment(tempDir: string, storagePath: string) {
	const env = process.env;
	env.N8N_USER_FOLDER = tempDir; // InstanceSettings writes <tempDir>/.n8n/config, never ~/.n8n
	env.N8N_ENCRYPTION_KEY = ENCRYPTION_KEY;
	env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	env.N8N_BINARY_DATA_STORAGE_PATH = storagePath;
	env.N8N_SSRF_PROTECTION_ENABLED = 'false';
	env.N8N_DIAGNOSTICS_ENABLED = 'false';
	env.N8N_LOG_LEVEL = 'debug';
	// Requests to nock'd hosts and to 127.0.0.1 must never be sent to a proxy from the environment.
	for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) {
		delete env[name];
	}
	env.NO_PROXY = '*';
	env.no_proxy = '*';
}

async function createRuntime(): Promise<EngineRuntime> {
	const tempDir = mkdtempSync(join(tmpdir(), 'n8n-engine-harness-'));
	const storagePath = join(tempDir, 'storage');
	setEnvironment(tempDir, storagePath);

	const coreEntry = require.resolve('n8n-core');
	const di = await loadFrom<{ Container: DiContainer }>(coreEntry, '@n8n/di');
	const common = await loadFrom<{ Logger: Class }>(coreEntry, '@n8n/backend-common');
	const network = await loadFrom<{ OutboundHttp: Class }>(coreEntry, '@n8n/backend-network');
	const config = await loadFrom<{ SsrfProtectionConfig: Class<{ enabled: boolean }> }>(
		network.path,
		'@n8n/config',
	);
	const { Container } = di.mod;

	// Logger first: everything constructed later (ErrorReporter, OutboundHttp, node contexts) gets it.
	const logger = new CapturingLogger();
	Container.set(common.mod.Logger, logger as never);
	LoggerProxy.init(logger);

	// Outbound HTTP: OutboundHttp needs no registration (the Container builds it on first use from
	// SsrfProtectionService, SsrfProtectionConfig and Logger), but SSRF protection must be off so that
	// 127.0.0.1 and nock'd hosts are reachable. n8n-core configures the axios defaults on import.
	Container.get(config.mod.SsrfProtectionConfig).enabled = false;
	Container.get(network.mod.OutboundHttp);

	// Binary data: as n8n's BaseCommand.initBinaryDataService, filesystem mode only.
	const binaryDataConfig = Container.get(BinaryDataConfig);
	binaryDataConfig.mode = 'filesystem';
	binaryDataConfig.localStoragePath = storagePath;
	const binaryDataService = Container.get(BinaryDataService);
	await binaryDataService.init();

	// Credentials encryption: n8n's EncryptionBootstrapService gives the EncryptionKeyProxy a DB-backed
	// key manager. Here: one key, the instance key as the legacy 'no-prefix' aes-256-cbc descriptor
	// (as KeyManagerService.instanceKeyLegacyInfo), so `new Credentials(...).setData/getData` work.
	const cipher = Container.get(Cipher);
	const instanceKey = {
		id: 'instance-key',
		value: cipher.encryptDEKWithInstanceKey(Container.get(InstanceSettings).encryptionKey),
		algorithm: 'aes-256-cbc',
		format: 'no-prefix' as const,
	};
	Container.get(EncryptionKeyProxy).setProvider({
		getActiveKey: async () => instanceKey,
		getLegacyKey: async () => instanceKey,
		getKeyById: async (id: string) => (id === instanceKey.id ? instanceKey : null),
	});

	Container.get(ErrorReporter); // constructed with the capturing logger; never initialised (no Sentry)

	return {
		container: Container,
		binaryDataService,
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		tempDir,
		storagePath,
	};
}

/** Initialises (once per jest module registry, i.e. per test file) and returns the runtime. */
export async function getRuntime(): Promise<EngineRuntime> {
	runtime ??= createRuntime();
	return await runtime;
}

/** Removes the temporary folders. The next `getRuntime()` starts a fresh runtime. */
export async function disposeRuntime(): Promise<void> {
	if (!runtime) return;
	const current = runtime;
	runtime = undefined;
	const { tempDir } = await current;
	rmSync(tempDir, { recursive: true, force: true });
}
