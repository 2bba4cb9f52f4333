/* eslint-disable @n8n/community-nodes/no-restricted-globals -- emulator tooling: a CLI runs outside n8n and is never published */
// Ctrl-C (or SIGTERM) for the command-line tools that keep servers running: close them once, then exit.

/** On SIGINT or SIGTERM, says `stopping <what>`, runs `close` once and exits 0 (1 if closing failed). */
export function stopOnSignal(what: string, close: () => Promise<unknown>): void {
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping ${what}\n`);
		close().then(
			() => process.exit(0),
			(error: Error) => {
				process.stderr.write(`${error.message}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}
