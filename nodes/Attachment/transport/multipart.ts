/** Where a file part's bytes come from; `open` is called once per send, so a resend reads the file again. */
export interface FileSource {
	size: number;
	open(): AsyncIterable<Uint8Array>;
}

/** One part of a multipart body: a text field, or a file. */
export type MultipartPart =
	| { name: string; value: string }
	| { name: string; fileName: string; mimeType: string; source: FileSource };

/** Raised while sending when a file's bytes do not match the size announced for it: the request is abandoned. */
export class FileSizeMismatchError extends Error {
	constructor(
		readonly fileName: string,
		readonly announced: number,
		readonly read: number,
		readonly complete: boolean,
	) {
		super(
			`The file "${fileName}" holds ${complete ? read.toLocaleString('en-US') : `more than ${announced.toLocaleString('en-US')}`} bytes, but its metadata says ` +
				`${announced.toLocaleString('en-US')} bytes; nothing was uploaded`,
		);
		this.name = 'FileSizeMismatchError';
	}
}

/**
 * A file entry as the HTTP client reads it: name, type and size up front, bytes from `stream()`. The bytes are
 * counted as they go: a stream longer or shorter than the announced size fails the send before the body is
 * complete, so the service never stores a file other than the one the limits were checked against.
 */
class FileEntry {
	constructor(
		readonly name: string,
		readonly type: string,
		private readonly source: FileSource,
		private readonly form: MultipartForm,
	) {}

	get size(): number {
		return this.source.size;
	}

	async *stream(): AsyncIterable<Uint8Array> {
		let read = 0;
		for await (const chunk of this.source.open()) {
			this.form.throwIfAborted();
			read += chunk.length;
			if (read > this.source.size) throw this.form.fail(new FileSizeMismatchError(this.name, this.source.size, read, false));
			yield chunk;
		}
		if (read !== this.source.size) throw this.form.fail(new FileSizeMismatchError(this.name, this.source.size, read, true));
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

	private signal: AbortSignal | undefined;

	/** What stopped the last send from the form's side (a file of the wrong size), if anything. */
	failure: Error | undefined;

	/** The deadline or Stop of the send under way: when it fires, the file being sent stops being read. */
	abortOn(signal: AbortSignal | undefined): void {
		this.signal = signal;
		this.failure = undefined;
	}

	throwIfAborted(): void {
		if (this.signal?.aborted) throw new Error('The send was aborted');
	}

	fail(error: Error): Error {
		this.failure = error;
		return error;
	}

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
		form.append(part.name, 'source' in part ? new FileEntry(part.fileName, part.mimeType, part.source, form) : part.value);
	}
	return form as unknown as FormData;
}
