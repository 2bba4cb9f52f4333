import { NhnCloudNotificationHubApi } from '../../../credentials/NhnCloudNotificationHubApi.credentials';
import { nhnTokenCache, TokenCache } from '../../../credentials/nhn/token-cache';
import { basicAuthorization, issuedTokenFrom, NhnTokenError } from '../../../credentials/nhn/token-request';

describe('NHN token request', () => {
	it('encodes the user access key as Basic authorization (API-NOTES vector)', () => {
		expect(basicAuthorization({ userAccessKeyId: 'userAccessKey', secretAccessKey: 'userSecretKey' })).toBe(
			'Basic dXNlckFjY2Vzc0tleTp1c2VyU2VjcmV0S2V5',
		);
	});

	it('reads the token and its lifetime from the answer', () => {
		expect(issuedTokenFrom(200, { access_token: 'abc', token_type: 'Bearer', expires_in: 60 }, 1_000)).toEqual({
			accessToken: 'abc',
			expiresAt: 61_000,
			issuedAt: 1_000,
		});
		expect(issuedTokenFrom(200, '{"access_token":"t","expires_in":86400}', 0).expiresAt).toBe(86_400_000);
	});

	it('names the status and code of a refusal, with a hint, and never the secret', () => {
		let error: NhnTokenError | undefined;
		try {
			issuedTokenFrom(401, { error: 'invalid_client', error_description: 'Bad credentials' }, 0);
		} catch (caught) {
			error = caught as NhnTokenError;
		}
		expect(error).toBeInstanceOf(NhnTokenError);
		expect(error?.message).toContain('HTTP 401');
		expect(error?.message).toContain('invalid_client');
		expect(error?.message).toContain('Bad credentials');
		expect(error?.httpStatus).toBe(401);
	});

	it('refuses a 200 without a token', () => {
		expect(() => issuedTokenFrom(200, '<html>', 0)).toThrow(/no access_token/);
	});
});

describe('TokenCache', () => {
	const token = (accessToken: string, expiresAt = 10_000_000, issuedAt = 0) => ({ accessToken, expiresAt, issuedAt });

	it('issues once for many concurrent renewals', async () => {
		const cache = new TokenCache();
		let issued = 0;
		const issue = async () => {
			issued++;
			await Promise.resolve();
			return token(`t${issued}`);
		};
		const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.renew('k', '', 0, issue)));
		expect(issued).toBe(1);
		expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['t1']));
	});

	it('hands out a cached token to a caller whose stored token is empty or older', async () => {
		const cache = new TokenCache();
		await cache.renew('k', '', 0, async () => token('fresh'));
		const again = await cache.renew('k', 'stale', 0, async () => token('other'));
		expect(again.accessToken).toBe('fresh');
	});

	it('renews when the cached token itself was refused', async () => {
		const cache = new TokenCache();
		await cache.renew('k', '', 0, async () => token('first'));
		const renewed = await cache.renew('k', 'first', 0, async () => token('second'));
		expect(renewed.accessToken).toBe('second');
	});

	it('does not reuse a token within a minute of its expiry', () => {
		const cache = new TokenCache();
		return cache.renew('k', '', 0, async () => token('short', 100_000)).then(() => {
			expect(cache.usable('k', 30_000)?.accessToken).toBe('short');
			expect(cache.usable('k', 50_000)).toBeUndefined();
		});
	});

	it('lets a failed renewal be retried', async () => {
		const cache = new TokenCache();
		await expect(cache.renew('k', '', 0, async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		await expect(cache.renew('k', '', 0, async () => token('up'))).resolves.toEqual(token('up'));
	});
});

describe('NhnCloudNotificationHubApi.authenticate', () => {
	const credential = new NhnCloudNotificationHubApi();
	afterEach(() => nhnTokenCache.clear());

	it('adds the app key and bearer token and resolves the default base URL', async () => {
		const request = await credential.authenticate(
			{ appKey: 'APP', authentication: 'userAccessKey', issuedAccessToken: 'TOKEN', apiBase: 'default' },
			{ method: 'GET', url: '/attachment/v1.0/attachments/file-types', qs: { messageChannel: 'EMAIL' } },
		);
		expect(request.url).toBe(
			'https://notification-hub.api.nhncloudservice.com/attachment/v1.0/attachments/file-types?messageChannel=EMAIL',
		);
		expect(request.headers).toMatchObject({ 'X-NC-APP-KEY': 'APP', 'X-NHN-Authorization': 'Bearer TOKEN' });
	});

	it('uses a fixed access token as is', async () => {
		const request = await credential.authenticate(
			{ appKey: 'APP', authentication: 'accessToken', accessToken: 'FIXED', apiBase: 'custom', customApiBaseUrl: 'http://127.0.0.1:1/nhn/' },
			{ method: 'GET', url: '/x' },
		);
		expect(request.url).toBe('http://127.0.0.1:1/nhn/x');
		expect(request.headers).toMatchObject({ 'X-NHN-Authorization': 'Bearer FIXED' });
	});
});
