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

/** What ends one transfer early: Stop (the execution's cancel signal) or its deadline, whichever fires first. */
export interface TransferSignals {
	cancel?: AbortSignal;
	deadline?: AbortSignal;
	/** Fires with either. */
	either?: AbortSignal;
	/** The error to report when `either` fired. */
	abortError(): TransferAbortedError;
	/** The transfer is over: a deadline waiting out a token renewal is not armed again. */
	finish(): void;
}

/**
 * The signals of one transfer. The deadline fires `timeoutMs` after the start; while `authPending` says a token is
 * being issued (with the token request's own timeout), it waits for that and starts again, so a slow token endpoint
 * does not use up the request's own time.
 */
export function transferSignals(
	cancel: AbortSignal | undefined,
	timeoutMs: number | undefined,
	authPending?: () => Promise<unknown> | undefined,
): TransferSignals {
	let finished = false;
	let deadline: AbortSignal | undefined;
	if (timeoutMs) {
		const controller = new AbortController();
		const arm = () =>
			AbortSignal.timeout(timeoutMs).addEventListener('abort', () => {
				if (finished) return;
				const pending = authPending?.();
				if (pending) void pending.then(arm);
				else controller.abort();
			});
		arm();
		deadline = controller.signal;
	}
	const present = [cancel, deadline].filter((signal): signal is AbortSignal => !!signal);
	return {
		cancel,
		deadline,
		either: present.length > 1 ? AbortSignal.any(present) : present[0],
		abortError: () => new TransferAbortedError(deadline?.aborted && !(cancel?.aborted ?? false) ? 'ETIMEDOUT' : 'ECANCELED'),
		finish: () => {
			finished = true;
		},
	};
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
