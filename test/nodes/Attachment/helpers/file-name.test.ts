import { MAX_FILE_NAME_BYTES, safeFileName } from '../../../../nodes/Attachment/helpers/file-name';
import { chain, fixtureSource } from '../../../engine/harness';
import { attachmentNode, emulatorEngineCredentials, engineSetup, runWorkflow, useEmulator } from '../shared';

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

// File names that could break a multipart body or a header, sent to the emulator (busboy parses what arrives):
// the body stays well-formed, nothing is injected, and the name stored is the name the node reports.
describe('hostile file names', () => {
	const NAMES = [
		'quote"d "name".txt',
		'crlf\r\nContent-Type: text/html\r\n\r\ninjected.txt',
		'견적서 (최종) 2026.pdf',
		'path/to\\file.txt',
		'semi; name="evil"; x=.txt',
		`${'long-name-'.repeat(30)}.txt`,
		`${'한'.repeat(120)}.txt`,
	];

	const emulator = useEmulator();

	const source = () =>
		fixtureSource(
			NAMES.map((fileName, index) => ({
				json: { index },
				// Inline, as a Code node makes it: n8n's prepareBinaryData would keep only the part after the last `/`.
				binary: { data: { text: `file number ${index}`, fileName, mimeType: 'text/plain', mode: 'inline' as const } },
			})),
		);

	it('NCP stores each file under the safe name, one file per item, nothing injected', async () => {
		const result = await runWorkflow(
			chain(source(), attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data' })),
			engineSetup(emulatorEngineCredentials(emulator())),
		);
		const output = result.outputOf('Attachment');
		const stored = emulator().snapshot().ncp.files;
		expect(output).toHaveLength(NAMES.length);
		output.forEach((item, index) => {
			const files = stored.filter((file) => file.tempRequestId === item.json.tempRequestId);
			expect(files.map((file) => file.fileName)).toEqual([safeFileName(NAMES[index], true)]);
			expect(files[0].size).toBe(`file number ${index}`.length);
		});
		expect(stored).toHaveLength(NAMES.length);
	});

	it('NHN stores each name exactly as given in the fileName field, but for control characters', async () => {
		const result = await runWorkflow(
			chain(
				source(),
				attachmentNode({ resource: 'nhn', operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT'] }),
			),
			engineSetup(emulatorEngineCredentials(emulator())),
		);
		const output = result.outputOf('Attachment');
		const stored = new Map(emulator().snapshot().nhn.attachments.map((a) => [a.attachmentId, a.fileName]));
		expect(output.map((item) => stored.get(item.json.attachmentId as string))).toEqual(
			NAMES.map((name) => safeFileName(name, false)),
		);
		expect(output.map((item) => item.json.fileName)).toEqual(NAMES.map((name) => safeFileName(name, false)));
		expect(safeFileName(NAMES[0], false)).toBe(NAMES[0]);
		expect(safeFileName(NAMES[4], false)).toBe(NAMES[4]);
	});
});
