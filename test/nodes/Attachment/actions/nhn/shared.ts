/**
 * Shared fixtures for the NHN Cloud Notification Hub workflow tests: answers in the API's shape, a recorder
 * of what each faked request carried, the token endpoint, and the leak check every run ends with.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import {
	attachmentNode,
	engineSetup,
	multipartOf,
	NHN_CREDENTIALS,
	NHN_OAUTH_ORIGIN,
	NHN_OAUTH_PATH,
	NHN_ORIGIN,
	SECRETS,
	visibleText,
	type CapturedPart,
} from '../../shared';

export const ATTACHMENTS = '/attachment/v1.0/attachments';
export const PROVIDER = 'NHN Cloud Notification Hub';
export const APP_KEY = NHN_CREDENTIALS.appKey as string;

/** Token values (no digits: they are test words, not secrets). */
export const STORED_TOKEN = 'nhn-stored-access-token';
export const ISSUED_TOKEN = 'nhn-freshly-issued-token';
export const FIXED_TOKEN = 'nhn-fixed-access-token-from-console';

/** The Basic authorization the token endpoint expects, computed here independently of the credential code. */
export const EXPECTED_BASIC = `Basic ${Buffer.from(
	`${NHN_CREDENTIALS.userAccessKeyId as string}:${NHN_CREDENTIALS.secretAccessKey as string}`,
).toString('base64')}`;

/** None of these may appear in an output item, an error or a log line of any run. */
const NEVER_VISIBLE = [...SECRETS, EXPECTED_BASIC.slice('Basic '.length), STORED_TOKEN, ISSUED_TOKEN, FIXED_TOKEN];

export function expectNothingLeaked(result: RunResult): void {
	const text = visibleText(result);
	for (const secret of NEVER_VISIBLE) expect(text).not.toContain(secret);
}

export const nhnNode = (parameters: INodeParameters, extra: Partial<INode> = {}): INode =>
	attachmentNode({ resource: 'nhn', ...parameters }, extra);

/** Credentials holding a token issued earlier, so no token request is needed. */
export function withStoredToken(token = STORED_TOKEN, extra: ICredentialDataDecryptedObject = {}) {
	return engineSetup({
		nhnCloudNotificationHubApi: {
			...NHN_CREDENTIALS,
			issuedAccessToken: token,
			issuedAccessTokenExpiresAt: Date.now() + 3_600_000,
			...extra,
		},
	});
}

export const SUCCESS = { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' };
export const failure = (resultCode: number, resultMessage: string) => ({ isSuccessful: false, resultCode, resultMessage });

/** A successful answer: the header every NHN answer carries, plus the operation's fields. */
export const ok = (fields: IDataObject = {}) => ({ header: SUCCESS, ...fields });
/** A failed answer: `header.isSuccessful: false` with a six-digit code. */
export const refused = (resultCode: number, resultMessage: string, fields: IDataObject = {}) => ({
	header: failure(resultCode, resultMessage),
	...fields,
});

/** What the faked API saw of one request. */
export interface Seen {
	method: string;
	/** Raw path, percent-encoding as sent. */
	path: string;
	search: string;
	query: Record<string, string>;
	appKey: string | null;
	authorization: string | null;
	contentType: string;
	json?: unknown;
	parts?: CapturedPart[];
}

export async function seenOf(request: Request): Promise<Seen> {
	const url = new URL(request.url);
	const contentType = request.headers.get('content-type') ?? '';
	const seen: Seen = {
		method: request.method,
		path: url.pathname,
		search: url.search,
		query: Object.fromEntries(url.searchParams),
		appKey: request.headers.get('x-nc-app-key'),
		authorization: request.headers.get('x-nhn-authorization'),
		contentType,
	};
	if (contentType.startsWith('multipart/')) seen.parts = await multipartOf(request);
	else if (contentType.includes('json')) seen.json = await request.json();
	return seen;
}

export interface TokenRequest {
	authorization: string | null;
	contentType: string | null;
	body: string;
}

/** The OAuth token endpoint, answering every request (so that a second one is counted, not refused). */
export function tokenEndpoint(
	answer: { status: number; body: IDataObject } = {
		status: 200,
		body: { access_token: ISSUED_TOKEN, token_type: 'Bearer', expires_in: 3600 },
	},
): TokenRequest[] {
	const requests: TokenRequest[] = [];
	nock(NHN_OAUTH_ORIGIN)
		.persist()
		.post(NHN_OAUTH_PATH)
		.reply(async (request: Request) => {
			requests.push({
				authorization: request.headers.get('authorization'),
				contentType: request.headers.get('content-type'),
				body: await request.text(),
			});
			return [answer.status, answer.body];
		});
	return requests;
}

/** Every NHN API and token request, whatever its path: for refusals that must happen before any request. */
export function anyRequest(): Seen[] {
	const seen: Seen[] = [];
	const record = async (request: Request): Promise<[number, IDataObject]> => {
		seen.push(await seenOf(request));
		return [200, ok()];
	};
	// A function, not a RegExp: nock lives outside jest's realm, where a test's RegExp fails `instanceof RegExp`.
	const anyPath = () => true;
	nock(NHN_ORIGIN).persist().get(anyPath).reply(record).post(anyPath).reply(record);
	nock(NHN_OAUTH_ORIGIN).persist().post(anyPath).reply(record);
	return seen;
}

/** An attachment as List and Get return it; dates in the API's `+09:00` form. */
export function attachment(attachmentId: string, fields: IDataObject = {}): IDataObject {
	return {
		attachmentId,
		fileName: `${attachmentId}.pdf`,
		fileFormat: 'PDF',
		fileSizeByte: 21391,
		createDateTime: kst(Date.now() - 86_400_000),
		expireDateTime: kst(Date.now() + 6 * 86_400_000),
		uploadedFileTypes: ['EMAIL_DEFAULT'],
		...fields,
	};
}

/** `2024-10-29T06:00:01.000+09:00` for an instant. */
export function kst(epochMs: number): string {
	return new Date(epochMs + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
}
