import { encodeStrict, resolveRequestUrl } from '../../../credentials/shared/request-url';
import { pathOf } from '../../../nodes/Attachment/transport/path';

describe('request URLs', () => {
	it.each([
		['a/b', 'a%2Fb'],
		['..', '..'],
		['x?y#z', 'x%3Fy%23z'],
		['100%', '100%25'],
		["it's (1)*!", 'it%27s%20%281%29%2A%21'],
		['한글', '%ED%95%9C%EA%B8%80'],
	])('encodes %p as %p', (raw, encoded) => {
		expect(encodeStrict(raw)).toBe(encoded);
	});

	it.each(['a/b', 'x?y#z', '100%', 'with space', "quote'(s)", '..a', 'a..'])(
		'keeps the ID %p in one path segment that URL parsing does not change',
		(id) => {
			const path = pathOf('/files', id);
			const url = resolveRequestUrl({ url: path }, 'https://example.test/api/v1');
			expect(url.pathname).toBe(`/api/v1${path}`);
			expect(decodeURIComponent(url.pathname.split('/').pop() as string)).toBe(id);
		},
	);

	it.each(['.', '..', '...'])('refuses the dot-only ID %p that URL normalisation would swallow', (id) => {
		expect(() => pathOf('/files', id)).toThrow(/not a valid ID/);
	});

	it('joins base URLs with and without trailing slashes the same way', () => {
		expect(resolveRequestUrl({ url: '/x' }, 'https://h.test/a/').href).toBe('https://h.test/a/x');
		expect(resolveRequestUrl({ url: 'x' }, 'https://h.test/a').href).toBe('https://h.test/a/x');
		expect(resolveRequestUrl({ url: '/x', baseURL: 'https://other.test/b' }, 'https://h.test/a').href).toBe(
			'https://other.test/b/x',
		);
	});
});
