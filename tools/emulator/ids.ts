import { createHash, randomBytes, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

export const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export function randomAlphanumeric(length: number): string {
	const bytes = randomBytes(length);
	let out = '';
	for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
	return out;
}

export const randomDigits = (length: number): string =>
	Array.from(randomBytes(length), (byte) => String(byte % 10)).join('');

/** `2024-10-29T06:00:01.000+09:00`: the wall-clock time in Korea (KST, no daylight saving). */
export const formatKst = (epochMs: number): string =>
	new Date(epochMs + KST_OFFSET_MS).toISOString().replace('Z', '+09:00');

/** `yyyyMMddHHmmss` in KST. */
export const compactKst = (epochMs: number): string =>
	formatKst(epochMs).slice(0, 19).replace(/[-T:]/g, '');

/** NCP style: `f355aac1-7776-4c0b-8484-20eaa065cb65-99`. */
export const ncpId = (): string => `${randomUUID()}-99`;

/** NCP mail request id: 20 digits. */
export const ncpRequestId = (epochMs: number): string => `${compactKst(epochMs)}${randomDigits(6)}`;

/** NHN style: `20230131070811m2fDe1rXx80` (timestamp + 11 random characters). */
export const nhnId = (epochMs: number): string => `${compactKst(epochMs)}${randomAlphanumeric(11)}`;

export const opaqueToken = (): string => randomBytes(24).toString('base64url');
