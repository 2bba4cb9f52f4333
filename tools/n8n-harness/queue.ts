/* eslint-disable @n8n/community-nodes/no-restricted-imports -- e2e tooling: runs n8n in queue mode from jest, never published */
// n8n's queue mode as an operator runs it: Redis (Bull), PostgreSQL, binary data in the database, one main that
// takes the webhooks and enqueues executions, and workers (`n8n worker`) that run them; the same encryption key
// everywhere and the package installed from its tarball into every process's own user folder.
import { join } from 'node:path';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { readLogLines } from './cli';
import { atLeast, configuredLogLevel } from './env';
import { makeTempDir, n8nInstall } from './paths';
import { assertSucceeded, run, sleep } from './proc';
import { startPostgres, startRedis, type RunningPostgres, type RunningService } from './queue-services';
import { startServer, type RunningN8n } from './server';
import { installCommunityPackage, layoutAt } from './user-folder';
import type { UserFolderLayout } from './user-folder-layout';

export interface QueueWorker {
	name: string;
	server: RunningN8n;
	/** Every HTTP request this worker sent (through its own proxy). */
	proxy: CountingProxy;
	/** The ids of the executions this worker started, from its log ("Worker started execution ..."). */
	executions(): Promise<string[]>;
}

export interface QueueCluster {
	redis: RunningService;
	postgres: RunningPostgres;
	main: RunningN8n;
	workers: QueueWorker[];
	/**
	 * Activates (publishes) imported workflows with a Webhook trigger through the main's REST API, as the editor's
	 * toggle does, and waits until their webhooks are registered.
	 */
	activate(workflowIds: string[]): Promise<void>;
	/** `POST <main>/webhook/<path>` with a JSON body: a production webhook, run by a worker. */
	callWebhook(path: string, body?: unknown): Promise<Response>;
	/** One SQL query on the shared database through psql; the rows, fields separated by `|`. */
	sql(query: string): Promise<string[][]>;
	stop(): Promise<void>;
}

export interface StartQueueClusterOptions {
	tarball: string;
	workers?: number;
	/** Concurrency of each worker (`n8n worker --concurrency`); n8n's default is 10. */
	concurrency?: number;
	/** Environment of every process (the main and the workers). */
	env?: Record<string, string>;
	/**
	 * Runs on the main's user folder before anything starts (the database is there, migrated by the first
	 * command): import credentials and workflows; activate these once the cluster runs (QueueCluster.activate).
	 */
	prepare(main: UserFolderLayout): Promise<void>;
}

export async function startQueueCluster(options: StartQueueClusterOptions): Promise<QueueCluster> {
	const install = n8nInstall('2.x');
	const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
	const queueEnv: Record<string, string> = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// Filesystem mode is not supported in queue mode: workers and the main share binary data through the database.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// The workers' "Worker started execution" lines say who ran what.
		N8N_LOG_LEVEL: atLeast(configuredLogLevel(), 'info'),
		...options.env,
	};
	const mainLayout: UserFolderLayout = { ...(await layoutAt(await makeTempDir('queue-main'))), install, env: queueEnv };
	const workerSetups = await Promise.all(
		Array.from({ length: options.workers ?? 2 }, async (_, index) => {
			const proxy = await startCountingProxy();
			const dir = await makeTempDir(`queue-worker-${index + 1}`);
			const layout = await layoutAt(dir);
			const env = {
				...queueEnv,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(layout.port),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				HTTP_PROXY: proxy.url,
				NO_PROXY: '',
			};
			return { name: `worker-${index + 1}`, proxy, layout: { ...layout, install, env } as UserFolderLayout };
		}),
	);
	const tarball = options.tarball;
	await Promise.all([mainLayout, ...workerSetups.map((w) => w.layout)].map(async (layout) => await installCommunityPackage(layout.nodesDir, tarball)));
	await options.prepare(mainLayout);

	// The main first: it finishes the migrations and activates the workflows before a worker connects.
	const main = await startServer(mainLayout);
	const workers = await Promise.all(
		workerSetups.map(async ({ name, proxy, layout }): Promise<QueueWorker> => {
			const server = await startServer(layout, { args: ['worker', `--concurrency=${options.concurrency ?? 10}`] });
			const executions = async () => {
				const ids: string[] = [];
				for (const entry of await readLogLines(server.logFile)) {
					const match = /^Worker started execution (\S+)/.exec(String(entry.message));
					if (match) ids.push(match[1]);
				}
				return ids;
			};
			return { name, server, proxy, executions };
		}),
	);

	const sql = async (query: string): Promise<string[][]> => {
		const psql = join(postgres.binDir, 'psql');
		const result = assertSucceeded(
			'psql',
			await run(psql, ['-h', '127.0.0.1', '-p', String(postgres.port), '-U', postgres.user, '-d', postgres.database, '-AtX', '-c', query]),
		);
		return result.stdout.split('\n').filter((line) => line.length > 0).map((line) => line.split('|'));
	};
	// `import:workflow --activeState=fromJson` fails here ("You do not have permission to activate this workflow"):
	// the CLI acts as an owner that the main only sets up when it starts. The REST call is what the editor does.
	const activate = async (workflowIds: string[]): Promise<void> => {
		for (const id of workflowIds) {
			const current = await main.rest<{ versionId?: string }>('GET', `/workflows/${id}`);
			const versionId = current.data?.versionId;
			if (current.status !== 200 || !versionId) throw new Error(`workflow ${id}: HTTP ${current.status} ${JSON.stringify(current.body)}`);
			const res = await main.rest<{ activeVersionId?: string }>('POST', `/workflows/${id}/activate`, { versionId });
			if (res.status !== 200 || res.data?.activeVersionId !== versionId) {
				throw new Error(`activating workflow ${id}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
			}
		}
		// n8n 2.41 publishes through an outbox: the webhooks are registered a moment after the call has answered.
		const list = workflowIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
		const deadline = Date.now() + 30_000;
		for (;;) {
			const rows = await sql(`select distinct "workflowId" from webhook_entity where "workflowId" in (${list})`);
			if (rows.length === workflowIds.length) return;
			if (Date.now() > deadline) throw new Error(`webhooks of ${workflowIds.length - rows.length} activated workflows not registered within 30 s`);
			await sleep(200);
		}
	};
	const callWebhook = async (path: string, body: unknown = {}): Promise<Response> =>
		await fetch(`${main.baseUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	const stop = async () => {
		await Promise.allSettled(workers.map(async (w) => await w.server.stop()));
		await main.stop();
		await Promise.allSettled([redis.stop(), postgres.stop(), ...workers.map(async (w) => await w.proxy.close())]);
	};
	return { redis, postgres, main, workers, activate, callWebhook, sql, stop };
}
