import { createHmac, timingSafeEqual } from 'node:crypto';

import type { NcpKeys } from './state';

export const NCP_TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

export const NCP_HEADERS = {
	timestamp: 'x-ncp-apigw-timestamp',
	accessKey: 'x-ncp-iam-access-key',
	signature: 'x-ncp-apigw-signature-v2',
} as const;

/** `METHOD requestTarget\ntimestamp\naccessKey`: what Signature v2 signs. The body is not signed. */
export const ncpSignatureMessage = (method: string, requestTarget: string, timestamp: string, accessKey: string): string =>
	`${method} ${requestTarget}\n${timestamp}\n${accessKey}`;

/** base64(HMAC-SHA256(secretKey, message)). */
export const ncpSignature = (secretKey: string, message: string): string =>
	createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(message, 'utf8').digest('base64');

/** The three headers a client sends: what the tests' own clients use to call the emulator as NCP would be called. */
export function ncpSignedHeaders(keys: NcpKeys, method: string, requestTarget: string, timestamp = String(Date.now())): Record<string, string> {
	return {
		[NCP_HEADERS.timestamp]: timestamp,
		[NCP_HEADERS.accessKey]: keys.accessKeyId,
		[NCP_HEADERS.signature]: ncpSignature(keys.secretKey, ncpSignatureMessage(method, requestTarget, timestamp, keys.accessKeyId)),
	};
}

export interface NcpAuthInput {
	method: string;
	/** The raw path and query exactly as received (Node's `req.url`). */
	requestTarget: string;
	timestamp?: string;
	accessKey?: string;
	signature?: string;
}

export type NcpAuthResult = { ok: true } | { ok: false; details: string };

function sameSignature(expected: string, received: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(received, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Verifies a request the way the API Gateway does; `details` names the first failed check. */
export function verifyNcpRequest(input: NcpAuthInput, keys: NcpKeys, nowMs: number): NcpAuthResult {
	const missing = (['timestamp', 'accessKey', 'signature'] as const)
		.filter((field) => !input[field])
		.map((field) => NCP_HEADERS[field]);
	if (missing.length > 0) return { ok: false, details: `Missing header(s): ${missing.join(', ')}` };

	const timestamp = input.timestamp as string;
	if (!/^\d{1,16}$/.test(timestamp)) {
		return { ok: false, details: 'Invalid timestamp: expected epoch milliseconds' };
	}
	if (Math.abs(nowMs - Number(timestamp)) > NCP_TIMESTAMP_TOLERANCE_MS) {
		return {
			ok: false,
			details: 'Invalid timestamp: out of range (more than 5 minutes from the server clock; check the system clock)',
		};
	}
	if (input.accessKey !== keys.accessKeyId) return { ok: false, details: 'Unknown access key' };

	const expected = ncpSignature(keys.secretKey, ncpSignatureMessage(input.method, input.requestTarget, timestamp, keys.accessKeyId));
	if (!sameSignature(expected, input.signature as string)) return { ok: false, details: 'Signature mismatch' };
	return { ok: true };
}
