/**
 * The faults the fault matrix injects (every kind the emulator can, and a few of authentication), each with
 * the operations it applies to and what the faulted items must end in.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Operation } from './fault-operations';
import type { FaultSpec } from './support';

export type Outcome = 'success' | 'error' | 'either';

export interface Fault {
	name: string;
	applies: (op: Operation) => boolean;
	/** Injected on the middle item's API request, `count` times. */
	spec?: FaultSpec;
	count?: number;
	/** Injected on the token endpoint instead. */
	onTokenEndpoint?: boolean;
	options?: IDataObject;
	/** What the faulted item(s) must end in. */
	outcome: (op: Operation) => Outcome;
	/** 'middle': the fault hits item 1 only; 'all': it hits every item (authentication). */
	scope: 'middle' | 'all';
	/** How a clear error names the failure. */
	errorPattern: RegExp;
	/** A Retry-After the node must have waited for, when it retried. */
	minElapsedMs?: number;
	special?: 'expiredToken' | 'expiredCachedToken' | 'wrongNcpSecret' | 'wrongNhnSecret';
}

const any = () => true;
const nhnOnly = (op: Operation) => op.resource === 'nhn';
const ncpOnly = (op: Operation) => op.resource === 'ncp';
const fails = (): Outcome => 'error';
const recovers = (): Outcome => 'success';
/** README "Retries": reads and validations after 502/503/504/reset/timeout; uploads and deletes not. */
const readsRecover = (op: Operation): Outcome => (op.idempotent ? 'success' : 'error');

type Rest = Omit<Partial<Fault>, 'name' | 'outcome' | 'errorPattern' | 'scope'>;

/** A fault on the middle item's request, for every operation unless `rest.applies` narrows it. */
const onMiddleItem = (name: string, spec: FaultSpec, outcome: Fault['outcome'], errorPattern: RegExp, rest: Rest = {}): Fault => ({
	name,
	applies: any,
	spec,
	outcome,
	scope: 'middle',
	errorPattern,
	...rest,
});

/** A fault of authentication: it hits every item. */
const onEveryItem = (name: string, applies: Fault['applies'], outcome: Fault['outcome'], errorPattern: RegExp, rest: Rest): Fault => ({
	name,
	applies,
	outcome,
	scope: 'all',
	errorPattern,
	...rest,
});

/** A 503 or 429 asking for a 1 s wait, which the node may wait for (Max Retry Wait 3 s). */
const retryAfterOneSecond = (name: string, status: number, outcome: Fault['outcome']): Fault =>
	onMiddleItem(name, { type: 'status', status, headers: { 'Retry-After': '1' } }, outcome, new RegExp(`HTTP ${status}`), {
		options: { maxRetryWaitMs: 3_000 },
		minElapsedMs: 1_000,
	});

export const FAULTS: Fault[] = [
	onMiddleItem('http500', { type: 'status', status: 500 }, fails, /HTTP 500/),
	onMiddleItem('http502', { type: 'status', status: 502 }, readsRecover, /HTTP 502/),
	retryAfterOneSecond('http503-retry-after-1', 503, readsRecover),
	onMiddleItem('http504', { type: 'status', status: 504 }, readsRecover, /HTTP 504/),
	retryAfterOneSecond('http429-retry-after-1', 429, recovers),
	onMiddleItem('http429-twice-no-retry-after', { type: 'status', status: 429 }, recovers, /HTTP 429/, { count: 2 }),
	onMiddleItem('connection-reset', { type: 'reset' }, readsRecover, /reset|EPIPE|socket hang up|ECONNRESET/),
	onMiddleItem('slower-than-timeout', { type: 'delay', ms: 1_300 }, readsRecover, /timed out/, { options: { timeout: 500 } }),
	onMiddleItem('malformed-json-200', { type: 'malformed' }, fails, /HTTP 200.*not the JSON object/),
	onMiddleItem('html-error-page', { type: 'html', status: 502 }, readsRecover, /HTTP 502/),
	onMiddleItem(
		'always-200-header-failure',
		{
			type: 'status',
			status: 200,
			headers: { 'X-NC-ALWAYS-200-OK': 'true' },
			body: { header: { isSuccessful: false, resultCode: 500000, resultMessage: 'Internal server error' } },
		},
		fails,
		/HTTP 200, code 500000: Internal server error/,
		{ applies: nhnOnly },
	),
	onEveryItem('token-endpoint-503', nhnOnly, () => 'either', /HTTP 503.*token endpoint/, {
		onTokenEndpoint: true,
		spec: { type: 'status', status: 503 },
	}),
	onEveryItem('expired-stored-token', nhnOnly, recovers, /$^/, { special: 'expiredToken' }),
	onEveryItem('expired-cached-token', nhnOnly, recovers, /$^/, { special: 'expiredCachedToken' }),
	onEveryItem('wrong-ncp-secret', ncpOnly, fails, /HTTP 401, API gateway code 200: Authentication Failed - Signature mismatch/, { special: 'wrongNcpSecret' }),
	onEveryItem('wrong-nhn-secret', nhnOnly, fails, /HTTP 401, code invalid_client/, { special: 'wrongNhnSecret' }),
];
