import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * File bytes one node run may hold in flight at once, summed over the uploads under way. Small files never wait for
 * it (200 files of 64 KiB at concurrency 50 hold about 3 MiB); large ones are sent a few at a time, so that memory
 * stays bounded whatever the concurrency. A file larger than the budget is sent when nothing else is in flight.
 */
export const FILE_BYTES_IN_FLIGHT = 32 * 1024 * 1024;

/** Byte reservations served in arrival order; a reservation larger than the budget runs alone. */
export class ByteBudget {
	private inFlight = 0;

	private readonly waiting: Array<{ bytes: number; start: () => void }> = [];

	constructor(private readonly limit: number) {}

	private fits(bytes: number): boolean {
		return this.inFlight === 0 || this.inFlight + bytes <= this.limit;
	}

	/** Resolves when `bytes` may be held; the function it gives back returns them (call it once). */
	async reserve(bytes: number): Promise<() => void> {
		if (this.waiting.length > 0 || !this.fits(bytes)) {
			await new Promise<void>((start) => this.waiting.push({ bytes, start }));
		} else {
			this.inFlight += bytes;
		}
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight -= bytes;
			this.startWaiting();
		};
	}

	private startWaiting(): void {
		while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) {
			const next = this.waiting.shift()!;
			this.inFlight += next.bytes;
			next.start();
		}
	}
}

const budgets = new WeakMap<IExecuteFunctions, ByteBudget>();

/**
 * Runs `send` (which reads the files and uploads them) once `bytes` fit in this node run's budget, and gives them
 * back when it settles. Every item of a run shares one execution context, hence one budget.
 */
export async function withFileBytes<T>(ctx: IExecuteFunctions, bytes: number, send: () => Promise<T>): Promise<T> {
	let budget = budgets.get(ctx);
	if (!budget) {
		budget = new ByteBudget(FILE_BYTES_IN_FLIGHT);
		budgets.set(ctx, budget);
	}
	const release = await budget.reserve(bytes);
	try {
		return await send();
	} finally {
		release();
	}
}
