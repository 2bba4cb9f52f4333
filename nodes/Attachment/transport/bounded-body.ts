/** Raised when a body is larger than the cap it is read under; the stream is destroyed first. */
export class BodyTooLargeError extends Error {
	constructor(readonly capBytes: number) {
		super(`The answer is larger than ${capBytes.toLocaleString('en-US')} bytes, the most this node reads`);
		this.name = 'BodyTooLargeError';
	}
}

/** Raised when the deadline or Stop ends a transfer; `code` reads like a transport error's. */
export class TransferAbortedError extends Error {
	constructor(readonly code: 'ETIMEDOUT' | 'ECANCELED') {
		super(code === 'ETIMEDOUT' ? 'The request did not finish within its timeout' : 'The execution was stopped');
		this.name = 'TransferAbortedError';
	}
}

export function abortErrorOf(signal: AbortSignal | undefined, deadline: AbortSignal | undefined): TransferAbortedError {
	return new TransferAbortedError(deadline?.aborted && !(signal?.aborted ?? false) ? 'ETIMEDOUT' : 'ECANCELED');
}

interface DestroyableStream extends AsyncIterable<unknown> {
	destroy?(error?: Error): void;
}

function isStream(body: unknown): body is DestroyableStream {
	return !!body && typeof body === 'object' && Symbol.asyncIterator in body && !Buffer.isBuffer(body);
}

/** A promise that rejects when `signal` aborts; `dispose` removes its listener. */
export function rejectOnAbort(signal: AbortSignal | undefined, error: () => Error): { promise: Promise<never>; dispose(): void } {
	let dispose = () => {};
	const promise = new Promise<never>((_, reject) => {
		if (!signal) return;
		if (signal.aborted) return reject(error());
		const onAbort = () => reject(error());
		signal.addEventListener('abort', onAbort, { once: true });
		dispose = () => signal.removeEventListener('abort', onAbort);
	});
	promise.catch(() => {});
	return { promise, dispose: () => dispose() };
}

/**
 * The bytes of a body, read under a cap and until `signal` aborts: a stream is read chunk by chunk and destroyed
 * as soon as it passes the cap or the signal fires, so nothing past the cap is held and a body that trickles in
 * cannot outlive the deadline. Buffers and strings (already read by the client) are checked against the cap.
 */
export async function readBounded(
	body: unknown,
	capBytes: number,
	signal: AbortSignal | undefined,
	abortError: () => Error,
): Promise<Buffer> {
	if (!isStream(body)) {
		const bytes = Buffer.isBuffer(body)
			? body
			: body instanceof ArrayBuffer
				? Buffer.from(body)
				: typeof body === 'string'
					? Buffer.from(body, 'utf8')
					: Buffer.from(body === undefined || body === null ? '' : JSON.stringify(body), 'utf8');
		if (bytes.length > capBytes) throw new BodyTooLargeError(capBytes);
		return bytes;
	}
	const chunks: Buffer[] = [];
	let size = 0;
	const abort = rejectOnAbort(signal, abortError);
	const iterator = body[Symbol.asyncIterator]();
	let complete = false;
	try {
		for (;;) {
			const next = await Promise.race([iterator.next(), abort.promise]);
			if (next.done) break;
			const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
			size += chunk.length;
			if (size > capBytes) throw new BodyTooLargeError(capBytes);
			chunks.push(chunk);
		}
		complete = true;
		return Buffer.concat(chunks, size);
	} finally {
		abort.dispose();
		// Over the cap, past the deadline or stopped: the rest of the body is never read.
		if (!complete) body.destroy?.();
	}
}
