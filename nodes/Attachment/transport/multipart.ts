/** One part of a multipart body: a text field, or a file with its bytes. */
export type MultipartPart =
	| { name: string; value: string }
	| { name: string; file: Buffer; fileName: string; mimeType: string };

/**
 * Builds the body with the platform FormData (n8n's verification refuses the `form-data` package). The
 * HTTP client writes the boundary and escapes `"`, CR and LF in names and file names, so a file name
 * cannot inject a header; non-ASCII names go out as UTF-8.
 */
export function multipartBody(parts: MultipartPart[]): FormData {
	const form = new FormData();
	for (const part of parts) {
		if ('file' in part) {
			form.append(part.name, new Blob([part.file], { type: part.mimeType }), part.fileName);
		} else {
			form.append(part.name, part.value);
		}
	}
	return form;
}
