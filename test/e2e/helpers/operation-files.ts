// The files the e2e operation workflows upload and validate (inline, from Code nodes), kept for comparing what
// n8n and the emulator report with the bytes that went in.
import type { InlineFile } from './workflows';

/** A PDF with bytes that are not UTF-8. */
export const INVOICE: InlineFile = {
	bytes: Buffer.from('%PDF-1.4\n% e2e invoice\n\u0000\u00ff\u0010 binary tail\n%%EOF\n', 'latin1'),
	fileName: 'invoice.pdf',
	mimeType: 'application/pdf',
};

/** A text file with a Korean name and content. */
export const NOTES: InlineFile = { bytes: Buffer.from('회의 메모: 첨부 파일 테스트\nsecond line\n', 'utf8'), fileName: '메모.txt', mimeType: 'text/plain' };

export const PHOTO: InlineFile = {
	bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF e2e photo'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from([0xff, 0xd9])]),
	fileName: 'photo.jpg',
	mimeType: 'image/jpeg',
};

/** A file NHN refuses to take as an attachment. */
export const TOOL: InlineFile = { bytes: Buffer.from('MZ not really a program'), fileName: 'tool.exe', mimeType: 'application/octet-stream' };

export const INLINE: InlineFile = { bytes: Buffer.from('inline file made by a Code node \u00e9\u00e8\n', 'utf8'), fileName: 'inline.txt', mimeType: 'text/plain' };

export const LETTERS: InlineFile[] = ['a', 'b', 'c'].map((letter) => ({ bytes: Buffer.from(`file ${letter}\n`), fileName: `${letter}.txt`, mimeType: 'text/plain' }));
