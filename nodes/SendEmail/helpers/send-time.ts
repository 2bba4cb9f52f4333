import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/** How far `timeZone` is ahead of UTC at the instant `epochMs`. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(epochMs));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** A wall-clock time without offset, read in `timeZone` (the workflow's time zone). */
function localToEpoch(match: RegExpExecArray, timeZone: string): number {
	const [year, month, day, hour, minute, second, millis] = match.slice(1).map((value) => Number(value ?? 0));
	const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number(String(millis).padEnd(3, '0')));
	const guess = wall - zoneOffsetMs(wall, timeZone);
	return wall - zoneOffsetMs(guess, timeZone);
}

/**
 * "Send At" as epoch milliseconds, or undefined when empty. Takes what n8n's date picker gives (a wall-clock time,
 * read in the workflow's time zone), an ISO 8601 text with an offset, epoch milliseconds, or a date from an
 * expression. A time in the past is refused: the services would send at once or refuse it.
 */
export function sendAtParameter(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): number | undefined {
	const raw = fields.sendAt as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	let epochMs = NaN;
	if (typeof raw === 'number') epochMs = raw;
	else if (raw instanceof Date) epochMs = raw.getTime();
	else if (typeof raw === 'object' && typeof (raw as { toMillis?: unknown }).toMillis === 'function') {
		epochMs = (raw as { toMillis(): number }).toMillis();
	} else if (typeof raw === 'string') {
		const text = raw.trim();
		const local = LOCAL.exec(text);
		epochMs = local && !WITH_OFFSET.test(text) ? localToEpoch(local, ctx.getTimezone()) : Date.parse(text);
	}
	if (!Number.isFinite(epochMs)) {
		throw new NodeOperationError(ctx.getNode(), `Send At of item ${itemIndex} is not a date and time: ${JSON.stringify(raw)}`, { itemIndex });
	}
	epochMs = Math.round(epochMs);
	if (epochMs < Date.now()) {
		throw new NodeOperationError(ctx.getNode(), `Send At of item ${itemIndex} (${new Date(epochMs).toISOString()}) is in the past`, { itemIndex });
	}
	return epochMs;
}

/** `2024-10-29T06:00:00.000+09:00`: the form NHN documents, in Korea time (which has no daylight saving). */
export function koreaIsoOf(epochMs: number): string {
	return new Date(epochMs + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
}
