/* eslint-disable @n8n/community-nodes/no-restricted-globals -- emulator tooling: a CLI runs outside n8n and is never published */
import { DEMO_KEYS, startEmulator } from './server';
import { stopOnSignal } from './stop-on-signal';

const DEFAULT_PORT = 8787;

function parseArgs(argv: string[]): { port: number; latencyMs: number } {
	const values: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			process.stdout.write('Usage: node build/emulator/main.js [--port 8787] [--latency-ms 0]\n');
			process.exit(0);
		}
		const match = /^--(port|latency-ms)(?:=(.*))?$/.exec(arg);
		if (!match) throw new Error(`Unknown argument: ${arg}`);
		values[match[1]] = match[2] ?? argv[++i] ?? '';
	}
	const number = (name: string, fallback: number) => {
		if (values[name] === undefined) return fallback;
		const value = Number(values[name]);
		if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number >= 0`);
		return value;
	};
	return { port: number('port', DEFAULT_PORT), latencyMs: number('latency-ms', 0) };
}

async function main(): Promise<void> {
	const { port, latencyMs } = parseArgs(process.argv.slice(2));
	const emulator = await startEmulator({ port, latencyMs });
	const lines = [
		`NCP / NHN emulator listening on ${emulator.url}`,
		'',
		`  NCP base URL      ${emulator.ncpBaseUrl}`,
		`  NHN API base URL  ${emulator.nhnApiBaseUrl}`,
		`  NHN token URL     ${emulator.nhnTokenUrl}`,
		`  Admin             ${emulator.adminUrl}  (GET ${emulator.adminUrl}/state)`,
		'',
		'Demo keys:',
		`  NCP access key ID     ${DEMO_KEYS.ncp.accessKeyId}`,
		`  NCP secret key        ${DEMO_KEYS.ncp.secretKey}`,
		`  NHN app key           ${DEMO_KEYS.nhn.appKey}`,
		`  NHN user access key   ${DEMO_KEYS.nhn.userAccessKeyId}`,
		`  NHN secret access key ${DEMO_KEYS.nhn.secretAccessKey}`,
		'',
		latencyMs > 0 ? `Latency: ${latencyMs} ms per API answer.` : 'No added latency.',
		'Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	stopOnSignal('the emulator', () => emulator.close());
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
