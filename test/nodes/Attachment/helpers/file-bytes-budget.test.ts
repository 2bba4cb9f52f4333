import { ByteBudget } from '../../../../nodes/Attachment/helpers/file-bytes-budget';

const MIB = 1024 * 1024;

/** Runs `sizes` through the budget, all asked for at once; returns the most bytes held at any moment. */
async function peakHeld(budget: ByteBudget, sizes: number[]): Promise<{ peak: number; done: number }> {
	let held = 0;
	let peak = 0;
	let done = 0;
	await Promise.all(
		sizes.map(async (size) => {
			const release = await budget.reserve(size);
			held += size;
			peak = Math.max(peak, held);
			// Hold the bytes across a few turns of the event loop, as a send would.
			for (let i = 0; i < 3; i++) await Promise.resolve();
			held -= size;
			done++;
			release();
		}),
	);
	return { peak, done };
}

describe('ByteBudget', () => {
	it('sends ten 25 MiB files one at a time under a 32 MiB budget, and every one of them', async () => {
		const { peak, done } = await peakHeld(new ByteBudget(32 * MIB), Array(10).fill(25 * MIB));
		expect(done).toBe(10);
		expect(peak).toBe(25 * MIB);
	});

	it('never holds small files back: 200 files of 64 KiB are all in flight together', async () => {
		const { peak, done } = await peakHeld(new ByteBudget(32 * MIB), Array(200).fill(64 * 1024));
		expect(done).toBe(200);
		expect(peak).toBe(200 * 64 * 1024);
	});

	it('sends a file larger than the budget alone, after what was in flight', async () => {
		const { peak, done } = await peakHeld(new ByteBudget(32 * MIB), [10 * MIB, 40 * MIB, 10 * MIB]);
		expect(done).toBe(3);
		expect(peak).toBe(40 * MIB);
	});

	it('gives bytes back once, however often the release is called', async () => {
		const budget = new ByteBudget(10);
		const release = await budget.reserve(6);
		release();
		release();
		const first = await budget.reserve(6);
		let secondStarted = false;
		const second = budget.reserve(6).then((done) => {
			secondStarted = true;
			return done;
		});
		await Promise.resolve();
		expect(secondStarted).toBe(false);
		first();
		(await second)();
		expect(secondStarted).toBe(true);
	});
});
