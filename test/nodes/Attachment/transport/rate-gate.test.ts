import { RequestRateGate, type GateClock } from '../../../../nodes/Attachment/transport/rate-gate';
import { mostWithinOneSecond } from '../../../../tools/bench/emulator-control';

/** A clock that only moves when someone sleeps: the gate's waits are measured in simulated milliseconds. */
function simulatedClock(): GateClock & { started: number[] } {
	let now = 0;
	return {
		started: [],
		now: () => now,
		async sleep(ms: number) {
			const wakeAt = now + ms;
			// Let every other waiter run first, then move time forward to this one's wake-up.
			await Promise.resolve();
			now = Math.max(now, wakeAt);
		},
	};
}

describe('RequestRateGate', () => {
	it('lets 600 requests through, never more than its rate within any one second', async () => {
		const clock = simulatedClock();
		const gate = new RequestRateGate(250, clock);
		await Promise.all(
			Array.from({ length: 600 }, async () => {
				await gate.enter('nhn:cred-1');
				clock.started.push(clock.now());
			}),
		);
		expect(clock.started).toHaveLength(600);
		expect(mostWithinOneSecond(clock.started)).toBeLessThanOrEqual(250);
		// 600 starts at 250 per second need the third second: nothing waited longer than that.
		expect(Math.max(...clock.started)).toBeLessThan(3000);
	});

	it('does not slow a credential down because another one is busy', async () => {
		const clock = simulatedClock();
		const gate = new RequestRateGate(5, clock);
		for (let i = 0; i < 5; i++) await gate.enter('busy');
		await gate.enter('idle');
		expect(clock.now()).toBe(0);
	});

	it('lets requests start without waiting while under the rate', async () => {
		const clock = simulatedClock();
		const gate = new RequestRateGate(250, clock);
		for (let i = 0; i < 250; i++) await gate.enter('nhn:cred-1');
		expect(clock.now()).toBe(0);
		await gate.enter('nhn:cred-1');
		expect(clock.now()).toBe(1000);
	});
});
