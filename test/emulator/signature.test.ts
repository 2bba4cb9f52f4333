import { ncpSignature, ncpSignatureMessage, ncpSignedHeaders, verifyNcpRequest } from '../../tools/emulator/server';

// Test vectors from API-NOTES.md (computed independently with Node's crypto and with openssl).
const VECTORS = [
	{
		secret: 'SECRET_KEY',
		method: 'POST',
		target: '/api/v1/files',
		timestamp: '1700000000000',
		accessKey: 'ACCESS_KEY_ID',
		signature: 'IF4Y2fAlXrw6mIdZUohgv2mvb7uNv5jaas5Ei+mnZA8=',
	},
	{
		secret: 'secretKeyExample',
		method: 'GET',
		target: '/photos/puppy.jpg?query1=&query2',
		timestamp: '1505290625682',
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- public example key from the documented test vector
		accessKey: 'D78BB444D6D3C84CA38A',
		signature: 'p5EQgzwV1wslE+QdyjXnSk0JN6HQxVhB2qr6XRmO4Ok=',
	},
];

describe('NCP Signature v2 verifier (pure functions)', () => {
	it.each(VECTORS)('signs $method $target like the documented vector', (v) => {
		const message = ncpSignatureMessage(v.method, v.target, v.timestamp, v.accessKey);
		expect(message).toBe(`${v.method} ${v.target}\n${v.timestamp}\n${v.accessKey}`);
		expect(ncpSignature(v.secret, message)).toBe(v.signature);
		expect(ncpSignedHeaders({ accessKeyId: v.accessKey, secretKey: v.secret }, v.method, v.target, v.timestamp)).toEqual({
			'x-ncp-apigw-timestamp': v.timestamp,
			'x-ncp-iam-access-key': v.accessKey,
			'x-ncp-apigw-signature-v2': v.signature,
		});
	});

	it.each(VECTORS)('accepts a request carrying the vector signature for $target', (v) => {
		const result = verifyNcpRequest(
			{ method: v.method, requestTarget: v.target, timestamp: v.timestamp, accessKey: v.accessKey, signature: v.signature },
			{ accessKeyId: v.accessKey, secretKey: v.secret },
			Number(v.timestamp) + 1000,
		);
		expect(result).toEqual({ ok: true });
	});

	const v = VECTORS[0];
	const keys = { accessKeyId: v.accessKey, secretKey: v.secret };
	const now = Number(v.timestamp);
	const input = { method: v.method, requestTarget: v.target, timestamp: v.timestamp, accessKey: v.accessKey, signature: v.signature };

	it('rejects the vector signature presented for another target, method or key', () => {
		expect(verifyNcpRequest({ ...input, requestTarget: '/api/v1/files?x=1' }, keys, now)).toEqual({ ok: false, details: 'Signature mismatch' });
		expect(verifyNcpRequest({ ...input, requestTarget: '/files' }, keys, now)).toEqual({ ok: false, details: 'Signature mismatch' });
		expect(verifyNcpRequest({ ...input, method: 'GET' }, keys, now)).toEqual({ ok: false, details: 'Signature mismatch' });
		expect(verifyNcpRequest(input, { ...keys, secretKey: 'OTHER' }, now)).toEqual({ ok: false, details: 'Signature mismatch' });
		expect(verifyNcpRequest({ ...input, accessKey: 'OTHER' }, keys, now)).toEqual({ ok: false, details: 'Unknown access key' });
	});

	it('accepts timestamps up to 5 minutes away and rejects beyond', () => {
		const fiveMinutes = 5 * 60 * 1000;
		expect(verifyNcpRequest(input, keys, now + fiveMinutes).ok).toBe(true);
		expect(verifyNcpRequest(input, keys, now - fiveMinutes).ok).toBe(true);
		for (const clock of [now + fiveMinutes + 1, now - fiveMinutes - 1]) {
			const result = verifyNcpRequest(input, keys, clock);
			expect(result.ok).toBe(false);
			expect(!result.ok && result.details).toMatch(/Invalid timestamp: out of range/);
		}
	});

	it('names missing headers and malformed timestamps', () => {
		const missing = verifyNcpRequest({ method: 'GET', requestTarget: '/x' }, keys, now);
		expect(!missing.ok && missing.details).toBe(
			'Missing header(s): x-ncp-apigw-timestamp, x-ncp-iam-access-key, x-ncp-apigw-signature-v2',
		);
		const seconds = verifyNcpRequest({ ...input, timestamp: '1700000000.5' }, keys, now);
		expect(!seconds.ok && seconds.details).toMatch(/Invalid timestamp/);
	});
});
