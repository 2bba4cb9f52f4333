/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- e2e tooling: starts Redis and PostgreSQL for n8n's queue mode, never published */
// What n8n's queue mode needs besides n8n: a Redis (the Bull queue) and a PostgreSQL (the database the main and
// the workers share), each started on a free 127.0.0.1 port in a temporary folder and stopped on cleanup.
// scripts/ensure-queue-services.sh installs Debian's packages and exports where they are.
import { spawn } from 'node:child_process';
import { chownSync, closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { keepE2e, makeTempDir, onCleanup } from './paths';
import { assertSucceeded, freePort, groupAlive, killGroup, run, sleep, tail } from './proc';

export interface RunningService {
	port: number;
	/** The service's output (and PostgreSQL's data folder) lives here. */
	dir: string;
	stop(): Promise<void>;
}

/** redis-server: $REDIS_SERVER_BIN, else the one on PATH. */
function redisServerBin(): string {
	return process.env.REDIS_SERVER_BIN ?? 'redis-server';
}

/** PostgreSQL's bin folder: $PG_BIN_DIR, else the newest /usr/lib/postgresql/NN/bin (Debian's layout). */
function postgresBinDir(): string {
	if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
	const majors = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((d) => /^\d+$/.test(d)) : [];
	const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest) throw new Error('PostgreSQL is not installed: run scripts/ensure-queue-services.sh first');
	return `/usr/lib/postgresql/${newest}/bin`;
}

/** Spawns a long-running service in its own process group, output to `<dir>/output.log`; stop() ends the group. */
function spawnService(
	command: string,
	args: string[],
	dir: string,
	stopSignal: NodeJS.Signals,
): { output: () => string; exited: () => string | undefined; stop: () => Promise<void> } {
	const outputFile = join(dir, 'output.log');
	const fd = openSync(outputFile, 'a');
	const child = spawn(command, args, { cwd: dir, stdio: ['ignore', fd, fd], detached: true });
	closeSync(fd);
	let exitedWith: string | undefined;
	const exit = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			exitedWith = `exit ${code ?? signal}`;
			resolve();
		});
		child.once('error', (error) => {
			exitedWith = `spawn error ${error.message}`;
			resolve();
		});
	});
	let stopping: Promise<void> | undefined;
	const stop = async (): Promise<void> => {
		stopping ??= (async () => {
			unregister();
			if (!exitedWith) killGroup(child.pid, stopSignal);
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
			clearTimeout(timer);
			if (groupAlive(child.pid)) killGroup(child.pid, 'SIGKILL');
			await exit;
		})();
		await stopping;
	};
	const unregister = onCleanup(stop);
	const output = () => (existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '');
	return { output, exited: () => exitedWith, stop };
}

async function waitUntil(name: string, ready: () => Promise<boolean>, service: ReturnType<typeof spawnService>): Promise<void> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const exited = service.exited();
		if (exited) throw new Error(`${name} ended before it was ready (${exited}):\n${tail(service.output())}`);
		if (await ready()) return;
		if (Date.now() > deadline) {
			await service.stop();
			throw new Error(`${name} was not ready within 30 s:\n${tail(service.output())}`);
		}
		await sleep(100);
	}
}

/** True when a Redis on `port` answers PING with PONG. */
async function redisPongs(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString('latin1');
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

/** A Redis with nothing persisted, on a free 127.0.0.1 port. */
export async function startRedis(): Promise<RunningService> {
	const dir = await makeTempDir('redis');
	const port = await freePort();
	const service = spawnService(
		redisServerBin(),
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		dir,
		'SIGTERM',
	);
	await waitUntil('redis-server', async () => await redisPongs(port), service);
	return { port, dir, stop: service.stop };
}

export interface RunningPostgres extends RunningService {
	/** A superuser that needs no password from 127.0.0.1, and its database. */
	user: string;
	database: string;
	/** PostgreSQL's bin folder (psql, pg_isready, ...). */
	binDir: string;
}

/**
 * A new PostgreSQL cluster on a free 127.0.0.1 port, in a temporary folder, without durability (fsync off: a test
 * database). PostgreSQL refuses to run as root, so as root it runs as Debian's `postgres` account.
 */
export async function startPostgres(): Promise<RunningPostgres> {
	const bin = postgresBinDir();
	const asRoot = userInfo().uid === 0;
	// Not under the e2e root: that folder is private to this user, and the cluster may belong to `postgres`.
	const dir = await mkdtemp(join(tmpdir(), 'ncp-nhn-pg-'));
	const removeDir = onCleanup(async () => {
		if (!keepE2e()) rmSync(dir, { recursive: true, force: true });
	});
	const dataDir = join(dir, 'data');
	let owner: { uid: number; gid: number } | undefined;
	if (asRoot) {
		const id = (flag: string) => run('id', [flag, 'postgres']).then((r) => Number(assertSucceeded('id postgres', r).stdout.trim()));
		owner = { uid: await id('-u'), gid: await id('-g') };
		chownSync(dir, owner.uid, owner.gid);
	}
	const as = (command: string, args: string[]): [string, string[]] =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	const user = 'n8n';
	const initdb = as(join(bin, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
	assertSucceeded('initdb', await run(initdb[0], initdb[1], { cwd: dir, timeoutMs: 60_000 }));
	const port = await freePort();
	const [command, args] = as(join(bin, 'postgres'), [
		'-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const service = spawnService(command, args, dir, 'SIGINT');
	const pgIsReady = async () =>
		(await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres'], { timeoutMs: 5000 })).exitCode === 0;
	await waitUntil('postgres', pgIsReady, service);
	const stop = async () => {
		await service.stop();
		removeDir();
		if (!keepE2e()) rmSync(dir, { recursive: true, force: true });
	};
	return { port, dir, user, database: 'postgres', binDir: bin, stop };
}
