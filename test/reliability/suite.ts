/**
 * The life of one reliability suite: an emulator started before its tests (with the error probe installed)
 * and closed after them, the secret scanner its runs are checked with, and the reset each case starts from.
 */
import { ErrorProbe, SecretScanner, resetAll, startLocalEmulator } from './support';
import type { Emulator } from './support';

export class ReliabilitySuite {
	readonly scanner = new SecretScanner();

	readonly probe = new ErrorProbe();

	private started?: Emulator;

	get emulator(): Emulator {
		if (!this.started) throw new Error('the emulator is started in beforeAll; use it inside a test');
		return this.started;
	}

	async start(): Promise<void> {
		this.started = await startLocalEmulator();
		this.probe.install();
	}

	async stop(): Promise<void> {
		this.probe.restore();
		await this.emulator.close();
	}

	/** Resets the emulator and the token cache (noting the tokens issued so far) and forgets what the probe saw. */
	reset(): Emulator {
		resetAll(this.emulator, this.scanner);
		this.probe.thrown.length = 0;
		return this.emulator;
	}
}

/** Registers the suite's beforeAll and afterAll; `report` runs once the emulator is closed (the suite's figures). */
export function reliabilitySuite(report?: () => void): ReliabilitySuite {
	const suite = new ReliabilitySuite();
	beforeAll(async () => await suite.start());
	afterAll(async () => {
		await suite.stop();
		report?.();
	});
	return suite;
}
