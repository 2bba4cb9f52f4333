import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { NCP_CLOCK_HINT, signatureHeaders, requestTargetOf } from './ncp/signature';
import { NCP_SITE_OPTIONS, ncpBaseUrl } from './ncp/sites';
import { resolveRequestUrl, withResolvedUrl } from './shared/request-url';
import { assertSafeUrl } from './shared/safe-url';


const NO_PERMISSION =
	'The keys were accepted but have no permission, or the account has not subscribed to Cloud Outbound Mailer';
const NOTHING_THERE = 'Nothing answers at this site or base URL: check the Site setting';
const LOGIN_REFUSED = 'NAVER Cloud rejected the login information (code 77101)';

export class NcpOutboundMailerApi implements ICredentialType {
	name = 'ncpOutboundMailerApi';

	displayName = 'NAVER Cloud Outbound Mailer API';

	icon: Icon = { light: 'file:icons/ncp.svg', dark: 'file:icons/ncp.dark.svg' };

	documentationUrl = 'https://api.ncloud-docs.com/docs/en/ai-application-service-cloudoutboundmailer';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			description: 'From the NAVER Cloud console: My Page > Account Management > Authentication Key Management',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Site',
			name: 'site',
			type: 'options',
			options: NCP_SITE_OPTIONS,
			default: 'korea',
			description: 'The NAVER Cloud site (region) your Cloud Outbound Mailer project lives in',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://mail.apigw.ntruss.com/api/v1',
			description: 'The API base URL, path prefix included; it is part of every signed request target',
			displayOptions: { show: { site: ['custom'] } },
		},
	];

	/** Signs the exact request target that will be sent; the clock is read here and nowhere else. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseUrl = ncpBaseUrl(String(credentials.site ?? 'korea'), credentials.customBaseUrl as string);
		const url = resolveRequestUrl(requestOptions, assertSafeUrl(baseUrl, 'Base URL').href);
		const signed = withResolvedUrl(requestOptions, url);
		signed.headers = {
			...signed.headers,
			...signatureHeaders(
				requestOptions.method ?? 'GET',
				requestTargetOf(url),
				{ accessKeyId: String(credentials.accessKeyId ?? ''), secretKey: String(credentials.secretKey ?? '') },
				Date.now(),
			),
		};
		return signed;
	}

	// Looking up a temporary file that cannot exist has no side effect: good keys get 400 (code 77103), which counts
	// as success here; bad keys get the gateway's 401. n8n 2.x fails the test on the statuses in `except`; n8n 1.x
	// accepts every status whatever `except` says, so the body rules below catch the same refusals there.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/files/n8n-credential-test',
			ignoreHttpStatusErrors: { ignore: true, except: [401, 403, 404] },
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: NCP_CLOCK_HINT } },
			{ type: 'responseCode', properties: { value: 403, message: NO_PERMISSION } },
			{ type: 'responseCode', properties: { value: 404, message: NOTHING_THERE } },
			{ type: 'responseSuccessBody', properties: { key: 'error.errorCode', value: '200', message: NCP_CLOCK_HINT } },
			{ type: 'responseSuccessBody', properties: { key: 'error.errorCode', value: '300', message: NOTHING_THERE } },
			{ type: 'responseSuccessBody', properties: { key: 'error.code', value: '77101', message: LOGIN_REFUSED } },
			{ type: 'responseSuccessBody', properties: { key: 'error.code', value: '77201', message: NO_PERMISSION } },
			{ type: 'responseSuccessBody', properties: { key: 'error.code', value: '77202', message: NO_PERMISSION } },
		] as IAuthenticateRuleResponseCode[],
	};
}
