/**
 * Runs `task(0) .. task(count - 1)` with at most `limit` in flight, starting them in index order. Once
 * `stop()` is true no new task starts; those in flight finish. Resolves when all started tasks have settled.
 */
export async function runBounded(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && !stop()) {
			const index = next++;
			await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}
