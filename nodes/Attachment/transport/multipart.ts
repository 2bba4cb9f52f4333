/** Where a file part's bytes come from; `open` is called once per send, so a resend reads the file again. */
export interface FileSource {
	size: number;
	open(): AsyncIterable<Uint8Array>;
}

/** One part of a multipart body: a text field, or a file. */
export type MultipartPart =
	| { name: string; value: string }
	| { name: string; fileName: string; mimeType: string; source: FileSource };

/** A file entry as the HTTP client reads it: name, type and size up front, bytes from `stream()`. */
class FileEntry {
	constructor(
		readonly name: string,
		readonly type: string,
		private readonly source: FileSource,
	) {}

	get size(): number {
		return this.source.size;
	}

	stream(): AsyncIterable<Uint8Array> {
		return this.source.open();
	}
}

/**
 * A multipart body that streams its files. n8n's verification refuses the `form-data` package, and the
 * platform FormData holds every file in memory (a Blob copies it), so this form is what n8n's HTTP client
 * (axios) takes as a spec-compliant FormData: it writes the boundary, escapes `"`, CR and LF in names and file
 * names, sets Content-Length from the sizes, and reads each file from `stream()` while sending. Nothing is
 * single-use, so n8n can resend it after renewing a token, and the node's retries can too.
 */
export class MultipartForm {
	readonly [Symbol.toStringTag] = 'FormData';

	private readonly fields: Array<[string, string | FileEntry]> = [];

	append(name: string, value: string | FileEntry): void {
		this.fields.push([name, value]);
	}

	entries(): IterableIterator<[string, string | FileEntry]> {
		return this.fields[Symbol.iterator]();
	}

	[Symbol.iterator](): IterableIterator<[string, string | FileEntry]> {
		return this.entries();
	}
}

export function bufferSource(bytes: Buffer): FileSource {
	return {
		size: bytes.length,
		async *open() {
			yield bytes;
		},
	};
}

/** The body for `httpRequestWithAuthentication`, typed as the FormData it stands for. */
export function multipartBody(parts: MultipartPart[]): FormData {
	const form = new MultipartForm();
	for (const part of parts) {
		form.append(part.name, 'source' in part ? new FileEntry(part.fileName, part.mimeType, part.source) : part.value);
	}
	return form as unknown as FormData;
}
