/* eslint-disable @n8n/community-nodes/no-restricted-globals -- e2e tests: poll the emulator's live state while n8n runs; never published */
// Faults put in the emulator for one e2e fault case, on each operation's middle-item request, and a watch on
// when each is taken (the request arrived).
import type { EmulatorDriver } from './emulator';
import type { FaultCase } from './fault-cases';
import { opByKey, type CaseIds, type OpKey } from './fault-operations';

/** Injects the case's fault on each operation's middle-item request; returns the ids of the rules that carry it. */
export async function inject(driver: EmulatorDriver, c: FaultCase, ids: CaseIds): Promise<Map<OpKey, number>> {
	const ruleIds = new Map<OpKey, number>();
	if (!c.spec) return ruleIds;
	for (const key of c.ops) {
		const { match, shared } = opByKey(key).route(ids);
		// On a route all items share, item 0's request is let through by a no-op first rule (rules are taken in order).
		if (shared) await driver.admin('POST', '/faults', { match, count: 1, fault: { type: 'delay', ms: 0 } });
		const rule = await driver.admin<{ id: number }>('POST', '/faults', { match, count: 1, fault: c.spec });
		ruleIds.set(key, rule.id);
	}
	return ruleIds;
}

/**
 * Notes when each rule is taken (the request arrived), polling the live state; `onTaken` runs then (the token
 * case moves the clock while the request waits in its delay).
 */
export function watchRules(driver: EmulatorDriver, ruleIds: number[], onTaken: (id: number) => Promise<void>) {
	const takenAt = new Map<number, number>();
	const pending: Array<Promise<void>> = [];
	const timer = setInterval(() => {
		const live = new Set(driver.emulator.state.faults.map((rule) => rule.id));
		for (const id of ruleIds) {
			if (!takenAt.has(id) && !live.has(id)) {
				takenAt.set(id, Date.now());
				pending.push(onTaken(id));
			}
		}
	}, 10);
	return {
		takenAt,
		async stop() {
			clearInterval(timer);
			await Promise.all(pending);
		},
	};
}
