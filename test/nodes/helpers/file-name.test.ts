import { MAX_FILE_NAME_BYTES, safeFileName } from '../../../nodes/Attachment/helpers/file-name';

describe('safeFileName', () => {
	it.each([
		['invoice.pdf', 'invoice.pdf', 'invoice.pdf'],
		['견적서 2026.pdf', '견적서 2026.pdf', '견적서 2026.pdf'],
		['a"b".txt', 'a"b".txt', "a'b'.txt"],
		['line\r\nbreak.txt', 'line__break.txt', 'line__break.txt'],
		['dir/sub\\name.txt', 'dir/sub\\name.txt', 'dir_sub_name.txt'],
		['tab\there\u0000.txt', 'tab_here_.txt', 'tab_here_.txt'],
		['  spaced.txt  ', 'spaced.txt', 'spaced.txt'],
		['\r\n', '__', '__'],
		['   ', 'file', 'file'],
	])('%j is stored as %j in a text field and %j as a filename parameter', (name, asText, asParameter) => {
		expect(safeFileName(name, false)).toBe(asText);
		expect(safeFileName(name, true)).toBe(asParameter);
	});

	it('cuts a long name to 255 bytes, keeping the extension and whole UTF-8 characters', () => {
		const korean = `${'가'.repeat(200)}.pdf`;
		const safe = safeFileName(korean, true);
		expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
		expect(safe.endsWith('.pdf')).toBe(true);
		expect(safe).toBe(`${'가'.repeat(83)}.pdf`);
		expect(safeFileName('x'.repeat(300), false)).toBe('x'.repeat(255));
	});
});
