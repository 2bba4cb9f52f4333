/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark tooling: BENCH_REPS from the environment, never published */
// What the benchmark measures with: repetitions, file sizes and counts, the emulator's latency, the credentials and
// the ids of the workflows it imports.
import { CREDENTIAL_IDS } from '../n8n-harness/fixtures';
import type { CredentialRef } from './workflows';

export const KIB = 1024;
export const MIB = 1024 * 1024;

/** Repetitions per variant (BENCH_REPS overrides them all, e.g. 1 for a smoke run). */
const override = Number(process.env.BENCH_REPS);
const reps = (n: number) => (Number.isInteger(override) && override > 0 ? override : n);
export const REPS = { upload: reps(5), many: reps(3), list: reps(5) };

export const BIG_BYTES = 25 * MIB;
export const SMALL_BYTES = 1 * KIB;
export const MANY_COUNT = 200;
export const MANY_BYTES = 64 * KIB;
export const LIST_COUNT = 10_000;
export const LATENCY_MS = 50;
/** The latency sweep of figure 2: no latency, the emulator's usual 50 ms, and an intercontinental 200 ms. */
export const LATENCIES_MS = [0, 50, 200];
/** Figure 4c: this many 25 MiB files uploaded by one node run at its default concurrency. */
export const BIG_COUNT = 10;
/** NHN Cloud's documented rate limit for the Notification Hub API. */
export const NHN_REQUESTS_PER_SECOND = 300;
export const TOKEN_ITEMS = 1000;

export const CREDENTIALS: Record<'main' | 'fresh', CredentialRef> = {
	main: { id: CREDENTIAL_IDS.nhn, name: 'NHN Cloud Notification Hub (demo)' },
	fresh: { id: 'benchNhnFreshToken', name: 'NHN Cloud Notification Hub (bench, no token yet)' },
};

export const WF = {
	warmup: 'benchWarmup',
	bigTwice: 'benchUpload25MiBTwice',
	big: 'benchUpload25MiB',
	small: 'benchUpload1KiB',
	readBig: 'benchRead25MiB',
	readSmall: 'benchRead1KiB',
	manyC5: 'benchMany200c5',
	manyC1: 'benchMany200c1',
	manyHttp: 'benchMany200http',
	listC5: 'benchList10kC5',
	listC1: 'benchList10kC1',
	listHttp: 'benchList10kHttp',
	bigMany: 'benchBig10x25',
	bigManyHttp: 'benchBig10x25Http',
	readBigMany: 'benchRead10x25',
	tokens: 'benchTokens1000',
};
