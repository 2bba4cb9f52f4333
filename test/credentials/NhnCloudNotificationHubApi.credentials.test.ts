import { NhnCloudNotificationHubApi } from '../../credentials/NhnCloudNotificationHubApi.credentials';
import { chain, fixtureSource } from '../engine/harness';
import { nock } from '../engine/nock';
import {
	APP_KEY,
	ATTACHMENTS,
	attachment,
	EXPECTED_BASIC,
	expectNothingLeaked,
	FIXED_TOKEN,
	ISSUED_TOKEN,
	nhnNode,
	ok,
	PROVIDER,
	refused,
	seenOf,
	STORED_TOKEN,
	tokenEndpoint,
	withStoredToken,
	type Seen,
} from '../nodes/Attachment/actions/nhn/shared';
import {
	engineSetup,
	NHN_CREDENTIALS,
	NHN_OAUTH_ORIGIN,
	NHN_OAUTH_PATH,
	NHN_ORIGIN,
	resetTokenCache,
	runWorkflow,
} from '../nodes/Attachment/shared';

const CREDENTIAL_TYPE = 'nhnCloudNotificationHubApi';
const PDF = Buffer.from('%PDF-1.7 token renewal \u0000\u00ff bytes');

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Get answers for `ids`, recording each request. */
function getApi(seen: Seen[], ...ids: string[]) {
	const scope = nock(NHN_ORIGIN);
	for (const id of ids) {
		scope.get(`${ATTACHMENTS}/${id}`).reply(async (request: Request) => {
			seen.push(await seenOf(request));
			return [200, ok({ attachment: attachment(id) })];
		});
	}
	return scope;
}

const threeGets = () =>
	chain(
		fixtureSource([{ json: { id: 'a1' } }, { json: { id: 'a2' } }, { json: { id: 'a3' } }]),
		nhnNode({ operation: 'get', attachmentId: '={{ $json.id }}' }),
	);

describe('NHN token issued from a User Access Key', () => {
	it('is fetched once with Basic auth and a form body, sent on every call, persisted, and reused by the other items', async () => {
		const tokenRequests = tokenEndpoint();
		const seen: Seen[] = [];
		const api = getApi(seen, 'a1', 'a2', 'a3');
		const before = Date.now();
		const result = await runWorkflow(threeGets(), engineSetup());
		const after = Date.now();

		expect(api.isDone()).toBe(true);
		expect(tokenRequests).toEqual([
			{ authorization: EXPECTED_BASIC, contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials' },
		]);
		expect(seen.map((request) => [request.authorization, request.appKey])).toEqual([
			[`Bearer ${ISSUED_TOKEN}`, APP_KEY],
			[`Bearer ${ISSUED_TOKEN}`, APP_KEY],
			[`Bearer ${ISSUED_TOKEN}`, APP_KEY],
		]);
		expect(result.outputOf('Attachment').map((item) => item.json.attachmentId)).toEqual(['a1', 'a2', 'a3']);

		// expires_in 3600 s from the fixture, counted from the moment of issue.
		const lifetime = { min: before + 3_600_000, max: after + 3_600_000 };
		// Items processed at once may each persist it: every write holds the one token issued.
		expect(result.credentialUpdates.length).toBeGreaterThanOrEqual(1);
		const [update] = result.credentialUpdates;
		for (const { type, data } of result.credentialUpdates) {
			expect(type).toBe(CREDENTIAL_TYPE);
			expect(data).toEqual({ ...NHN_CREDENTIALS, issuedAccessToken: ISSUED_TOKEN, issuedAccessTokenExpiresAt: update.data.issuedAccessTokenExpiresAt });
		}
		expect(update.data.issuedAccessTokenExpiresAt).toBeGreaterThanOrEqual(lifetime.min);
		expect(update.data.issuedAccessTokenExpiresAt).toBeLessThanOrEqual(lifetime.max);
		expect(result.storedCredentials(CREDENTIAL_TYPE)).toEqual(update.data);
		expectNothingLeaked(result);
	});

	it('is reused by a second execution in the same n8n process without asking the token endpoint again', async () => {
		const tokenRequests = tokenEndpoint();
		const seen: Seen[] = [];
		getApi(seen, 'a1', 'a2', 'a3', 'a1', 'a2', 'a3');
		const first = await runWorkflow(threeGets(), engineSetup());
		const second = await runWorkflow(threeGets(), engineSetup());

		expect(tokenRequests).toHaveLength(1);
		expect(seen.map((request) => request.authorization)).toEqual(Array(6).fill(`Bearer ${ISSUED_TOKEN}`));
		expect(second.outputOf('Attachment')).toHaveLength(3);
		expectNothingLeaked(first);
		expectNothingLeaked(second);
	});

	it('is renewed once when the stored token is refused with 401, and the request is resent and succeeds', async () => {
		const tokenRequests = tokenEndpoint();
		const seen: Seen[] = [];
		nock(NHN_ORIGIN)
			.get(`${ATTACHMENTS}/a1`)
			.twice()
			.reply(async (request: Request) => {
				seen.push(await seenOf(request));
				return request.headers.get('x-nhn-authorization') === `Bearer ${ISSUED_TOKEN}`
					? [200, ok({ attachment: attachment('a1') })]
					: [401, refused(401100, 'Unauthorized: access token expired')];
			});
		const workflow = chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'get', attachmentId: 'a1' }));
		const result = await runWorkflow(workflow, withStoredToken(STORED_TOKEN));

		expect(tokenRequests).toHaveLength(1);
		expect(seen.map((request) => request.authorization)).toEqual([`Bearer ${STORED_TOKEN}`, `Bearer ${ISSUED_TOKEN}`]);
		expect(result.outputOf('Attachment')[0].json).toMatchObject({ attachmentId: 'a1' });
		expect(result.credentialUpdates.map((update) => update.data.issuedAccessToken)).toEqual([ISSUED_TOKEN]);
		expect(result.storedCredentials(CREDENTIAL_TYPE).issuedAccessToken).toBe(ISSUED_TOKEN);
		expectNothingLeaked(result);
	});

	it("gets the same credentials object in authenticate and, after a 401, in preAuthentication (n8n's behaviour it relies on)", async () => {
		// The credential remembers the token it sent by that object, so that a renewal after a 401 knows which token was
		// refused. n8n-core's requestWithAuthentication passes one decrypted object to both, and n8n's CredentialsHelper
		// hands it on unchanged; an n8n upgrade that copies it in between fails here.
		const authenticate = jest.spyOn(NhnCloudNotificationHubApi.prototype, 'authenticate');
		const preAuthentication = jest.spyOn(NhnCloudNotificationHubApi.prototype, 'preAuthentication');
		try {
			tokenEndpoint();
			nock(NHN_ORIGIN)
				.get(`${ATTACHMENTS}/a1`)
				.reply(401, refused(401100, 'Unauthorized: access token expired'))
				.get(`${ATTACHMENTS}/a1`)
				.reply(200, ok({ attachment: attachment('a1') }));
			const workflow = chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'get', attachmentId: 'a1' }));
			const result = await runWorkflow(workflow, withStoredToken(STORED_TOKEN));

			expect(result.outputOf('Attachment')[0].json).toMatchObject({ attachmentId: 'a1' });
			expect(preAuthentication).toHaveBeenCalledTimes(1);
			expect(authenticate).toHaveBeenCalledTimes(2);
			const [sentStale, sentRenewed] = authenticate.mock.calls.map(([credentials]) => credentials);
			expect(preAuthentication.mock.calls[0][0]).toBe(sentStale);
			expect(sentRenewed).toBe(sentStale);
		} finally {
			authenticate.mockRestore();
			preAuthentication.mockRestore();
		}
	});

	it('resends a multipart upload intact after the renewal', async () => {
		const tokenRequests = tokenEndpoint();
		const seen: Seen[] = [];
		nock(NHN_ORIGIN)
			.post(ATTACHMENTS)
			.twice()
			.reply(async (request: Request) => {
				const record = await seenOf(request);
				seen.push(record);
				return record.authorization === `Bearer ${ISSUED_TOKEN}`
					? [200, ok({ attachmentId: 'att-renewed', results: [ok().header] })]
					: [401, refused(401100, 'Unauthorized: access token expired')];
			});
		const workflow = chain(
			fixtureSource([{ json: {}, binary: { data: { base64: PDF.toString('base64'), fileName: 'renewal.pdf', mimeType: 'application/pdf' } } }]),
			nhnNode({ operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT'] }),
		);
		const result = await runWorkflow(workflow, withStoredToken(STORED_TOKEN));

		const expectedParts = [
			{ name: 'file', fileName: 'renewal.pdf', mimeType: 'application/pdf', bytes: PDF },
			{ name: 'fileName', value: 'renewal.pdf' },
			{ name: 'fileTypes', value: 'EMAIL_DEFAULT' },
		];
		expect(tokenRequests).toHaveLength(1);
		expect(seen.map((request) => request.authorization)).toEqual([`Bearer ${STORED_TOKEN}`, `Bearer ${ISSUED_TOKEN}`]);
		expect(seen[0].parts).toEqual(expectedParts);
		expect(seen[1].parts).toEqual(expectedParts);
		expect(result.outputOf('Attachment')[0].json).toEqual({
			attachmentId: 'att-renewed',
			fileName: 'renewal.pdf',
			fileSizeByte: PDF.length,
			fileTypes: ['EMAIL_DEFAULT'],
		});
		expectNothingLeaked(result);
	});

	it('refused by the token endpoint gives an error item naming NHN, the status and the code, and no secret', async () => {
		const tokenRequests = tokenEndpoint({
			status: 401,
			body: { error: 'invalid_client', error_description: 'Bad client credentials' },
		});
		const api = nock(NHN_ORIGIN).get(`${ATTACHMENTS}/a1`).reply(200, ok({ attachment: attachment('a1') }));
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			nhnNode({ operation: 'get', attachmentId: 'a1' }, { continueOnFail: true }),
		);
		const result = await runWorkflow(workflow, engineSetup());

		expect(tokenRequests).toHaveLength(1);
		expect(api.isDone()).toBe(false);
		const [item] = result.outputOf('Attachment');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ httpCode: '401', apiCode: 'invalid_client', provider: PROVIDER });
		expect(item.json.error).toMatch(new RegExp(`^${PROVIDER}: HTTP 401, code invalid_client: `));
		expect(item.json.error).toContain('Bad client credentials');
		expect(item.json.description).toMatch(/User Access Key ID, Secret Access Key/);
		expect(result.credentialUpdates).toEqual([]);
		expectNothingLeaked(result);
	});
});

describe('NHN token cached in the process but refused by the API', () => {
	// The cached token and the stored one differ (another credential with the same User Access Key, or another
	// n8n worker that stored a newer token): the token refused is the one actually sent, and it is renewed at once.
	it('renews when the refused token came from the cache and the stored token is another one', async () => {
		const issued = ['nhn-token-cached-by-this-process', 'nhn-token-issued-after-the-refusal'];
		let issuedCount = 0;
		nock(NHN_OAUTH_ORIGIN)
			.persist()
			.post(NHN_OAUTH_PATH)
			.reply(() => [200, { access_token: issued[issuedCount++], token_type: 'Bearer', expires_in: 86400 }]);
		const sent: Array<string | null> = [];
		nock(NHN_ORIGIN)
			.persist()
			.get((path) => path.startsWith(`${ATTACHMENTS}/a`))
			.reply((request: Request) => {
				const authorization = request.headers.get('x-nhn-authorization');
				sent.push(authorization);
				// The first run is served; by the second run the server no longer takes the cached token.
				return sent.length === 1 || authorization === `Bearer ${issued[1]}`
					? [200, ok({ attachment: attachment(new URL(request.url).pathname.split('/').pop() as string) })]
					: [401, refused(401100, 'Unauthorized: access token expired')];
			});

		// Project A's credential issues a token, which this process caches.
		const first = await runWorkflow(
			chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'get', attachmentId: 'a0' })),
			engineSetup(),
		);
		expect(first.outputOf('Attachment')).toHaveLength(1);
		expectNothingLeaked(first);
		// Project B's credential: same User Access Key, its own app key, another token stored earlier.
		const second = await runWorkflow(
			chain(
				fixtureSource([{ json: { id: 'a1' } }, { json: { id: 'a2' } }]),
				nhnNode({ operation: 'get', attachmentId: '={{ $json.id }}' }, { continueOnFail: true }),
			),
			withStoredToken(STORED_TOKEN, { appKey: 'NHN-OTHER-PROJECT-APP-KEY' }),
		);

		expect(issuedCount).toBe(2);
		expect(second.outputOf('Attachment').map((item) => item.json.attachmentId ?? item.json.error)).toEqual(['a1', 'a2']);
		expectNothingLeaked(second);
	});
});

describe('NHN fixed access token', () => {
	const fixedToken = () =>
		engineSetup({ nhnCloudNotificationHubApi: { ...NHN_CREDENTIALS, authentication: 'accessToken', accessToken: FIXED_TOKEN } });

	it('is sent as is, and no token is requested or stored', async () => {
		const tokenRequests = tokenEndpoint();
		const seen: Seen[] = [];
		getApi(seen, 'a1', 'a2', 'a3');
		const result = await runWorkflow(threeGets(), fixedToken());

		expect(tokenRequests).toEqual([]);
		expect(seen.map((request) => [request.authorization, request.appKey])).toEqual(
			Array(3).fill([`Bearer ${FIXED_TOKEN}`, APP_KEY]),
		);
		expect(result.outputOf('Attachment')).toHaveLength(3);
		expect(result.credentialUpdates).toEqual([]);
		expectNothingLeaked(result);
	});

	it('refused with 401 is an error telling to replace the token, without any token request', async () => {
		const tokenRequests = tokenEndpoint();
		nock(NHN_ORIGIN)
			.persist()
			.get(`${ATTACHMENTS}/a1`)
			.reply(401, refused(401100, 'Unauthorized'));
		const workflow = chain(fixtureSource([{ json: {} }]), nhnNode({ operation: 'get', attachmentId: 'a1' }));
		const result = await runWorkflow(workflow, fixedToken());

		const error = result.errorOf('Attachment');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${PROVIDER}: HTTP 401, code 401100: Unauthorized`);
		expect(error?.description).toMatch(/fixed access token must be replaced/);
		expect(tokenRequests).toEqual([]);
		expectNothingLeaked(result);
	});
});
