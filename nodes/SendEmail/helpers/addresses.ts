import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_ADDRESS, MAX_DOMAIN, MAX_LOCAL_PART } from './limits';

export interface MailAddress {
	address: string;
	name?: string;
}

const SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const NAMED = /^(.*)<([^<>]*)>$/;

/** Why this is not an address the services take (`local@domain.tld`, RFC 5321 lengths), or undefined. */
export function addressProblem(address: string): string | undefined {
	if (!SHAPE.test(address)) return 'is not an email address (local@domain.tld, no spaces)';
	const at = address.lastIndexOf('@');
	if (at > MAX_LOCAL_PART) return `has a local part over ${MAX_LOCAL_PART} characters`;
	if (address.length - at - 1 > MAX_DOMAIN) return `has a domain over ${MAX_DOMAIN} characters`;
	if (address.length > MAX_ADDRESS) return `is over ${MAX_ADDRESS} characters`;
	return undefined;
}

/** `address` or `Name <address>` (quotes around the name dropped). */
function entryOf(entry: string): MailAddress {
	const named = NAMED.exec(entry);
	if (!named) return { address: entry };
	const name = named[1].trim().replace(/^"(.*)"$/, '$1').trim();
	return name ? { address: named[2].trim(), name } : { address: named[2].trim() };
}

/**
 * The addresses of a field: comma-separated text, or an expression giving an array of texts; each entry an address
 * or `Name <address>`. Every address is checked; an empty field gives none.
 */
export function addressListParameter(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): MailAddress[] {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	let entries: unknown[];
	if (Array.isArray(raw)) entries = raw;
	else if (typeof raw === 'string') entries = raw.split(',');
	else if (raw === null || raw === undefined) entries = [];
	else {
		throw new NodeOperationError(ctx.getNode(), `${label} of item ${itemIndex} must be text or a list of addresses, but the expression gave ${typeof raw}`, {
			itemIndex,
		});
	}
	const addresses: MailAddress[] = [];
	for (const entry of entries) {
		if (typeof entry !== 'string') {
			throw new NodeOperationError(ctx.getNode(), `${label} of item ${itemIndex} holds ${JSON.stringify(entry)}, which is not an address`, { itemIndex });
		}
		if (!entry.trim()) continue;
		const parsed = entryOf(entry.trim());
		const problem = addressProblem(parsed.address);
		if (problem) {
			throw new NodeOperationError(ctx.getNode(), `${label} of item ${itemIndex}: "${parsed.address}" ${problem}`, { itemIndex });
		}
		addresses.push(parsed);
	}
	return addresses;
}

/** The From field: exactly one address, optionally `Name <address>`. */
export function senderParameter(ctx: IExecuteFunctions, itemIndex: number): MailAddress {
	const addresses = addressListParameter(ctx, itemIndex, 'fromEmail', 'From Email');
	if (addresses.length !== 1) {
		throw new NodeOperationError(ctx.getNode(), `From Email of item ${itemIndex} must be one address, but it holds ${addresses.length}`, { itemIndex });
	}
	return addresses[0];
}
