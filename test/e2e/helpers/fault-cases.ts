// The faults of the e2e fault matrix, one workflow each: what is injected, on which operations, with which retry
// options, how each operation's faulted item must come out (README "Retries"), and the time the options allow.
import { DEMO_KEYS, type FaultSpec } from '../../../tools/emulator/server';
import type { OpKey, Operation } from './fault-operations';

export type Outcome = 'success' | 'error';

export interface RetryOptions {
	retries: number;
	maxRetryWaitMs: number;
	timeout: number;
}

export interface FaultCase {
	/** Short: the workflow id is `e2eFault-<key>` (21 characters at most). */
	key: string;
	title: string;
	ops: OpKey[];
	/** Injected on the middle item's request of each operation (once). */
	spec?: FaultSpec;
	options: RetryOptions;
	outcome(op: Operation): Outcome;
	/** How a clear error item of this fault reads (after the provider's name). */
	errorPattern: RegExp;
	/** Only the middle item is faulted, or every item (a credential refused). */
	scope: 'middle' | 'all';
	/** The emulator's clock moves past the token lifetime while the middle item's request waits. */
	expireTokenMidRun?: boolean;
	/** A retry after the server's Retry-After: the node took at least this long. */
	minNodeMs?: number;
}

/** The NCP credential of the `ncpBadSig` case: the demo access key with a secret key the emulator refuses. */
export const WRONG_NCP_CREDENTIAL = { id: 'ncpWrongSecret1', name: 'NAVER Cloud Outbound Mailer (wrong secret)' };
export const WRONG_NCP_SECRET = `${DEMO_KEYS.ncp.secretKey}-but-not-this-one`;

/**
 * n8n's own start-up and shutdown around one `n8n execute` on an idle 2-core machine, with margin: the yardstick of
 * `loadFactor` (a run whose start-up took three times this ran on a machine three times slower than idle).
 */
const IDLE_STARTUP_MS = 15_000;
/** Per node on an idle machine: the two healthy items and the node's own bookkeeping. */
const NODE_SLACK_MS = 2_000;

const ALL_OPS: OpKey[] = ['ncpUpload', 'ncpGet', 'nhnUpload', 'nhnList', 'nhnGet'];
const NHN_OPS: OpKey[] = ['nhnUpload', 'nhnList', 'nhnGet'];
const NCP_OPS: OpKey[] = ['ncpUpload', 'ncpGet'];
const OPTIONS: RetryOptions = { retries: 3, maxRetryWaitMs: 3_000, timeout: 2_000 };
const readsRecover = (op: Operation): Outcome => (op.read ? 'success' : 'error');
const TOKEN_WAIT_MS = 1_500;
const SLOW_ANSWER_MS = 3_000;

/** A fault on the middle item's request of every operation, with the default options unless `more` says otherwise. */
const middleFault = (
	key: string,
	title: string,
	spec: FaultSpec,
	outcome: (op: Operation) => Outcome,
	errorPattern: RegExp,
	more: Partial<FaultCase> = {},
): FaultCase => ({ key, title, ops: ALL_OPS, spec, options: OPTIONS, outcome, errorPattern, scope: 'middle', ...more });

export const CASES: FaultCase[] = [
	middleFault('http500', 'HTTP 500', { type: 'status', status: 500 }, () => 'error', /HTTP 500/),
	middleFault('http502', 'HTTP 502', { type: 'status', status: 502 }, readsRecover, /HTTP 502/),
	middleFault('http503ra1', 'HTTP 503 with Retry-After: 1', { type: 'status', status: 503, headers: { 'Retry-After': '1' } }, readsRecover, /HTTP 503/, {
		minNodeMs: 1_000,
	}),
	middleFault('http429', 'HTTP 429', { type: 'status', status: 429 }, () => 'success', /HTTP 429/),
	middleFault('reset', 'connection reset', { type: 'reset' }, readsRecover, /connection was reset|EPIPE|socket hang up/),
	middleFault('timeout', `answer after ${SLOW_ANSWER_MS} ms, timeout 500 ms`, { type: 'delay', ms: SLOW_ANSWER_MS }, readsRecover, /timed out/, {
		options: { ...OPTIONS, timeout: 500 },
	}),
	middleFault('malformed', 'malformed JSON (HTTP 200)', { type: 'malformed' }, () => 'error', /HTTP 200.*not the JSON object/),
	middleFault('html', 'HTML error page (HTTP 502)', { type: 'html', status: 502 }, readsRecover, /HTTP 502/),
	middleFault(
		'nhn200fail',
		'NHN HTTP 200 with header.isSuccessful false',
		{
			type: 'status',
			status: 200,
			headers: { 'X-NC-ALWAYS-200-OK': 'true' },
			body: { header: { isSuccessful: false, resultCode: 500000, resultMessage: 'Internal server error' } },
		},
		() => 'error',
		/HTTP 200, code 500000: Internal server error/,
		{ ops: NHN_OPS },
	),
	middleFault('nhnTokenExp', 'NHN token expires mid-run', { type: 'delay', ms: TOKEN_WAIT_MS }, () => 'success', /$^/, {
		ops: NHN_OPS,
		expireTokenMidRun: true,
	}),
	{
		key: 'ncpBadSig',
		title: 'NCP signature refused (wrong secret key)',
		ops: NCP_OPS,
		options: OPTIONS,
		outcome: () => 'error',
		errorPattern: /HTTP 401, API gateway code 200: Authentication Failed - Signature mismatch/,
		scope: 'all',
	},
];

/**
 * What the case's options allow: one node, attempts × timeout + max retry wait, plus slack for its healthy work; the
 * whole execution (n8n's startedAt to stoppedAt: n8n's start-up is not the node's time), that for each of `operations`
 * nodes. The slack scales with `loadFactor`, so a loaded machine gets more time for the work, never for the waits the
 * options set: a node that waits too long still fails.
 */
export function timeBounds(c: FaultCase, operations: number, loadFactor = 1): { nodeBoundMs: number; executionBoundMs: number } {
	const attempts = c.options.retries + 1;
	const nodeMs = attempts * c.options.timeout + c.options.maxRetryWaitMs + NODE_SLACK_MS * Math.max(1, loadFactor);
	return { nodeBoundMs: nodeMs, executionBoundMs: operations * nodeMs };
}

/** How much slower than idle this machine is right now, from one run: its n8n start-up and shutdown vs an idle one. */
export function loadFactorOf(wallMs: number, executionMs: number): number {
	return Math.max(0, wallMs - executionMs) / IDLE_STARTUP_MS;
}
