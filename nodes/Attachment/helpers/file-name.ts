/** The longest file name sent, in UTF-8 bytes (the usual file system limit). */
export const MAX_FILE_NAME_BYTES = 255;

function isControl(char: string): boolean {
	const code = char.charCodeAt(0);
	return code < 0x20 || code === 0x7f;
}

function truncateUtf8(text: string, maxBytes: number): string {
	let result = '';
	let bytes = 0;
	for (const char of text) {
		const size = Buffer.byteLength(char, 'utf8');
		if (bytes + size > maxBytes) break;
		result += char;
		bytes += size;
	}
	return result;
}

/** Cuts a name to MAX_FILE_NAME_BYTES, keeping its extension (when it has a short one). */
function withinLimit(name: string): string {
	if (Buffer.byteLength(name, 'utf8') <= MAX_FILE_NAME_BYTES) return name;
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
	return truncateUtf8(name.slice(0, name.length - extension.length), MAX_FILE_NAME_BYTES - Buffer.byteLength(extension)) + extension;
}

/**
 * The name a file is stored under, made safe to send: control characters (CR and LF included) become `_`, and
 * the name is cut to 255 bytes. Where the name travels only as a multipart `filename` parameter (NCP), `"`
 * becomes `'` and `/` and `\` become `_`, because servers strip paths and do not undo the client's `%22`.
 * Korean and other non-ASCII names go through as UTF-8.
 */
export function safeFileName(name: string, asFilenameParameter: boolean): string {
	let safe = [...name].map((char) => (isControl(char) ? '_' : char)).join('');
	if (asFilenameParameter) safe = safe.replace(/"/g, "'").replace(/[/\\]/g, '_');
	safe = withinLimit(safe.trim());
	return safe || 'file';
}
