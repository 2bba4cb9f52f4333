import { encodeStrict } from '../../../credentials/shared/request-url';

/**
 * Joins path segments, each percent-encoded so that `/`, `?`, `#`, `%` and spaces in an ID stay inside
 * its segment. A segment of only dots cannot survive URL normalisation, so it is refused.
 */
export function pathOf(...segments: string[]): string {
	return segments
		.map((segment, index) => {
			if (index === 0) return segment;
			if (/^\.+$/.test(segment)) throw new RangeError(`"${segment}" is not a valid ID`);
			return encodeStrict(segment);
		})
		.join('/');
}
