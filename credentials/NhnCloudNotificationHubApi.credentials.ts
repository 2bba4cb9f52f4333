import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	NHN_API_BASE_OPTIONS,
	NHN_TOKEN_ENDPOINT_OPTIONS,
	nhnApiBaseUrl,
	nhnTokenUrl,
} from './nhn/endpoints';
import { nhnTokenCache, sentTokens, TokenCache } from './nhn/token-cache';
import { issueToken, type UserAccessKey } from './nhn/token-request';
import { resolveRequestUrl, withResolvedUrl } from './shared/request-url';
import { assertSafeUrl } from './shared/safe-url';

const userKeyMode = { show: { authentication: ['userAccessKey'] } };

function tokenUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return nhnTokenUrl(String(credentials.oauthServer ?? 'public'), credentials.customTokenUrl as string);
}

function userAccessKeyOf(credentials: ICredentialDataDecryptedObject): UserAccessKey {
	return {
		userAccessKeyId: String(credentials.userAccessKeyId ?? ''),
		secretAccessKey: String(credentials.secretAccessKey ?? ''),
	};
}

function cacheKeyOf(credentials: ICredentialDataDecryptedObject): string {
	const key = userAccessKeyOf(credentials);
	return TokenCache.keyOf(tokenUrlOf(credentials), key.userAccessKeyId, key.secretAccessKey);
}

export class NhnCloudNotificationHubApi implements ICredentialType {
	name = 'nhnCloudNotificationHubApi';

	displayName = 'NHN Cloud Notification Hub API';

	icon: Icon = { light: 'file:icons/nhn.svg', dark: 'file:icons/nhn.dark.svg' };

	documentationUrl = 'https://docs.nhncloud.com/en/Notification/Notification%20Hub/en/api-guide-v1.0/';

	properties: INodeProperties[] = [
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: 'From the NHN Cloud console: Notification Hub > URL & Appkey',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'User Access Key (Token Renewed Automatically)',
					value: 'userAccessKey',
				},
				{ name: 'Fixed Access Token', value: 'accessToken' },
			],
			default: 'userAccessKey',
		},
		{
			displayName: 'User Access Key ID',
			name: 'userAccessKeyId',
			type: 'string',
			default: '',
			required: true,
			description: 'From the NHN Cloud console: account menu > API Security Settings > User Access Key',
			displayOptions: userKeyMode,
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: userKeyMode,
		},
		{
			displayName: 'OAuth Server',
			name: 'oauthServer',
			type: 'options',
			options: NHN_TOKEN_ENDPOINT_OPTIONS,
			default: 'public',
			displayOptions: userKeyMode,
		},
		{
			displayName: 'Token URL',
			name: 'customTokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://oauth.api.nhncloudservice.com/oauth2/token/create',
			displayOptions: { show: { authentication: ['userAccessKey'], oauthServer: ['custom'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A token issued outside n8n; it is used as is and not renewed',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'apiBase',
			type: 'options',
			options: NHN_API_BASE_OPTIONS,
			default: 'default',
		},
		{
			displayName: 'Custom API Base URL',
			name: 'customApiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://notification-hub.api.nhncloudservice.com',
			displayOptions: { show: { apiBase: ['custom'] } },
		},
		{
			displayName: 'Issued Access Token',
			name: 'issuedAccessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Issued Access Token Expiry',
			name: 'issuedAccessTokenExpiresAt',
			type: 'hidden',
			// Not a secret, but n8n's lint takes any "token" field for one.
			typeOptions: { password: true },
			default: 0,
		},
	];

	/** Called by n8n when the issued token is empty or a request was refused with 401. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (credentials.authentication === 'accessToken') return {};
		const tokenUrl = assertSafeUrl(tokenUrlOf(credentials), 'Token URL').href;
		const refused = sentTokens.get(credentials) ?? String(credentials.issuedAccessToken ?? '');
		const token = await nhnTokenCache.renew(cacheKeyOf(credentials), refused, Date.now(), async () =>
			await issueToken(this, tokenUrl, userAccessKeyOf(credentials)),
		);
		return { issuedAccessToken: token.accessToken, issuedAccessTokenExpiresAt: token.expiresAt };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseUrl = nhnApiBaseUrl(String(credentials.apiBase ?? 'default'), credentials.customApiBaseUrl as string);
		const url = resolveRequestUrl(requestOptions, assertSafeUrl(baseUrl, 'API Base URL').href);
		let token = String(credentials.accessToken ?? '');
		if (credentials.authentication !== 'accessToken') {
			// Another execution in this process may already hold a newer token than the stored one.
			token = nhnTokenCache.usable(cacheKeyOf(credentials), Date.now())?.accessToken ?? String(credentials.issuedAccessToken ?? '');
			sentTokens.set(credentials, token);
		}
		const authenticated = withResolvedUrl(requestOptions, url);
		authenticated.headers = {
			...authenticated.headers,
			'X-NC-APP-KEY': String(credentials.appKey ?? ''),
			'X-NHN-Authorization': `Bearer ${token}`,
		};
		return authenticated;
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/attachment/v1.0/attachments/file-types',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'header.isSuccessful',
					value: false,
					message: 'NHN Cloud refused the request: check the app key',
				},
			},
		],
	};
}
