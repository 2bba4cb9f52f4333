// Reading the e2e operation runs: the pairing of output items, and the NHN requests a case made without the
// token renewal an earlier case left behind.
import type { RunItem } from '../../../tools/n8n-harness';
import type { EmulatorStateView } from './emulator';

export const pairedItems = (items: RunItem[]) => items.map((item) => item.pairedItem);

type RequestSeen = EmulatorStateView['requests'][number];

/**
 * NHN requests without the token renewal of a run's first request: the emulator is reset before each case, so
 * the token the credential stored in an earlier case is refused once (401), renewed and the request resent.
 */
export function answered(requests: RequestSeen[]): RequestSeen[] {
	const refused = requests.filter((r) => r.status === 401);
	expect(refused.length).toBeLessThanOrEqual(1);
	if (refused.length === 1) expect(requests.indexOf(refused[0])).toBe(0);
	return requests.filter((r) => r.status !== 401);
}
