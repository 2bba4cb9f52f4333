import { NcpOutboundMailerApi } from '../../../credentials/NcpOutboundMailerApi.credentials';
import { hmacBase64, signatureHeaders, stringToSign } from '../../../credentials/ncp/signature';
import { verifyNcpRequest } from '../../../tools/emulator/server';

// Vectors from API-NOTES.md, computed independently with Node's crypto and with openssl.
const VECTORS = [
	{
		secret: 'SECRET_KEY',
		message: 'POST /api/v1/files\n1700000000000\nACCESS_KEY_ID',
		signature: 'IF4Y2fAlXrw6mIdZUohgv2mvb7uNv5jaas5Ei+mnZA8=',
	},
	{
		secret: 'secretKeyExample',
		message: 'GET /photos/puppy.jpg?query1=&query2\n1505290625682\nD78BB444D6D3C84CA38A',
		signature: 'p5EQgzwV1wslE+QdyjXnSk0JN6HQxVhB2qr6XRmO4Ok=',
	},
];

describe('NCP signature v2', () => {
	it.each(VECTORS)('signs the documented message to the documented signature ($signature)', ({ secret, message, signature }) => {
		expect(hmacBase64(secret, message)).toBe(signature);
	});

	it('builds the message as METHOD target, timestamp and access key on three lines', () => {
		expect(stringToSign('get', '/photos/puppy.jpg?query1=&query2', '1505290625682', 'D78BB444D6D3C84CA38A')).toBe(
			VECTORS[1].message,
		);
	});

	it('gives the three headers for a request at a pinned instant', () => {
		const headers = signatureHeaders('POST', '/api/v1/files', { accessKeyId: 'ACCESS_KEY_ID', secretKey: 'SECRET_KEY' }, 1700000000000);
		expect(headers).toEqual({
			'x-ncp-apigw-timestamp': '1700000000000',
			'x-ncp-iam-access-key': 'ACCESS_KEY_ID',
			'x-ncp-apigw-signature-v2': VECTORS[0].signature,
		});
	});
});

describe('NcpOutboundMailerApi.authenticate', () => {
	const credential = new NcpOutboundMailerApi();
	const keys = { accessKeyId: 'ACCESS_KEY_ID', secretKey: 'SECRET_KEY' };
	// The emulator's verifier, written apart from the signer under test, judges the headers as the gateway would.
	const gatewayVerdict = (method: string, requestTarget: string, headers: Record<string, unknown> | undefined) =>
		verifyNcpRequest(
			{
				method,
				requestTarget,
				timestamp: headers?.['x-ncp-apigw-timestamp'] as string | undefined,
				accessKey: headers?.['x-ncp-iam-access-key'] as string | undefined,
				signature: headers?.['x-ncp-apigw-signature-v2'] as string | undefined,
			},
			keys,
			1700000000000,
		);

	beforeEach(() => jest.useFakeTimers({ now: 1700000000000 }));
	afterEach(() => jest.useRealTimers());

	it('signs the base path of the site with the relative URL the node sends', async () => {
		const signed = await credential.authenticate({ ...keys, site: 'korea' }, { method: 'POST', url: '/files' });
		expect(signed.url).toBe('https://mail.apigw.ntruss.com/api/v1/files');
		expect(signed.headers?.['x-ncp-apigw-signature-v2']).toBe(VECTORS[0].signature);
	});

	it('signs the query string exactly as it is sent, and leaves nothing for the client to add', async () => {
		const signed = await credential.authenticate(
			{ ...keys, site: 'custom', customBaseUrl: 'http://127.0.0.1:9/proxy/api/v1/' },
			{ method: 'GET', url: '/files/a b', qs: { z: 'x y', a: ['1', '2'] } },
		);
		const url = new URL(signed.url);
		const target = `${url.pathname}${url.search}`;
		expect(target).toBe('/proxy/api/v1/files/a%20b?z=x%20y&a=1&a=2');
		expect(signed.qs).toBeUndefined();
		expect(gatewayVerdict('GET', target, signed.headers)).toEqual({ ok: true });
	});

	it('signs an absolute URL from the HTTP Request node, such as the mail API', async () => {
		const signed = await credential.authenticate(
			{ ...keys, site: 'korea' },
			{ method: 'POST', url: 'https://mail.apigw.ntruss.com/api/v1/mails', body: { title: 't' } },
		);
		expect(signed.url).toBe('https://mail.apigw.ntruss.com/api/v1/mails');
		expect(gatewayVerdict('POST', '/api/v1/mails', signed.headers)).toEqual({ ok: true });
	});

	it('signs the legacy `uri` form and does not touch the caller\'s request', async () => {
		const request = { method: 'GET' as const, uri: 'https://mail.apigw.ntruss.com/api/v1-sgn/files/x', url: '', headers: { a: '1' } };
		const snapshot = JSON.parse(JSON.stringify(request));
		const signed = (await credential.authenticate({ ...keys, site: 'singapore' }, request)) as typeof request;
		expect(signed.uri).toBe('https://mail.apigw.ntruss.com/api/v1-sgn/files/x');
		expect(signed.headers).toMatchObject({ a: '1', 'x-ncp-iam-access-key': 'ACCESS_KEY_ID' });
		expect(request).toEqual(snapshot);
	});
});
