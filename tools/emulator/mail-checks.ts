/*
 * Checks both mail APIs share. Neither service publishes its address grammar: NHN documents separate
 * errors for a bad pattern and for over-long local part, domain and address, NCP says "must be in email
 * address format". The emulator takes the RFC 5321 length limits (local part 64, domain 255, address 254)
 * and a plain `local@domain.tld` shape without spaces, the lenient reading both services' examples pass.
 */
export const MAX_LOCAL_PART = 64;
export const MAX_DOMAIN = 255;
export const MAX_ADDRESS = 254;

const SHAPE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

/** Why `value` is not an address, or undefined when it is one. */
export function addressProblem(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return 'is empty';
	const at = value.lastIndexOf('@');
	if (at > MAX_LOCAL_PART) return `has a local part over ${MAX_LOCAL_PART} characters`;
	if (value.length - at - 1 > MAX_DOMAIN) return `has a domain over ${MAX_DOMAIN} characters`;
	if (value.length > MAX_ADDRESS) return `is over ${MAX_ADDRESS} characters`;
	return SHAPE.test(value) ? undefined : 'is not an email address';
}

/** `Name <local@domain>` (the form NHN's console takes for a sender) gives the address inside the brackets. */
export function bareAddress(value: string): string {
	const match = /^[^<>]*<([^<>]+)>\s*$/.exec(value.trim());
	return match ? match[1].trim() : value.trim();
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const isFilledString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Copies the listed keys that are present (not undefined) in `source`. */
export function presentFields(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
	return out;
}
