/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- fake keys whose leaks the suite looks for; runs in jest, never published */
/**
 * One Attachment node run in n8n-core's engine against hostile servers on 127.0.0.1, with credentials pointing at
 * them, and the checks every case ends with: the error is a clear node error (never a TypeError or a crash), no
 * secret of the credentials appears in what the run shows, and the collector saw nothing.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { basicValueOf } from './secrets';
import { figures } from './figures';
import type { HostileServer } from './servers';
import { chain, fixtureSource } from '../../engine/harness';
import type { FixtureItem, RunResult } from '../../engine/harness';
import { attachmentNode, engineSetup, resetTokenCache, runWorkflow, visibleText } from '../../nodes/Attachment/shared';

export const TOKEN_PATH = '/oauth2/token/create';

export const KEYS = {
	ncpAccessKeyId: 'HOSTILE-NCP-ACCESS-KEY-ID',
	ncpSecretKey: 'hostile-ncp-secret-key-0f3a9c',
	nhnAppKey: 'hostile-nhn-app-key-77d1e2',
	nhnUserAccessKeyId: 'HOSTILE-NHN-USER-ACCESS-KEY-ID',
	nhnSecretAccessKey: 'hostile-nhn-secret-access-key-5b8e40',
};

/** Tokens the hostile token endpoints issue start with this: none may be shown either. */
export const ISSUED_TOKEN_PREFIX = 'hostile-issued-token-';

export function ncpCredentials(origin: string, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return { accessKeyId: KEYS.ncpAccessKeyId, secretKey: KEYS.ncpSecretKey, site: 'custom', customBaseUrl: `${origin}/api/v1`, ...overrides };
}

export function nhnCredentials(apiOrigin: string, tokenOrigin = apiOrigin, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return {
		appKey: KEYS.nhnAppKey,
		authentication: 'userAccessKey',
		userAccessKeyId: KEYS.nhnUserAccessKeyId,
		secretAccessKey: KEYS.nhnSecretAccessKey,
		oauthServer: 'custom',
		customTokenUrl: `${tokenOrigin}${TOKEN_PATH}`,
		apiBase: 'custom',
		customApiBaseUrl: apiOrigin,
		issuedAccessToken: '',
		issuedAccessTokenExpiresAt: 0,
		...overrides,
	};
}

/** Every value that must stay out of outputs, errors and logs, in the forms a server could echo. */
export function secretsToFind(issuedTokens: string[] = []): string[] {
	return [
		KEYS.ncpSecretKey,
		KEYS.nhnSecretAccessKey,
		KEYS.nhnAppKey,
		basicValueOf(KEYS.nhnUserAccessKeyId, KEYS.nhnSecretAccessKey),
		...issuedTokens,
	];
}

export interface HostileRun {
	result: RunResult;
	/** The node's error message, or the error item's message with Continue On Fail (first failing item). */
	errorText: string;
	/** Every error message the run produced (node error and error items). */
	errorTexts: string[];
	text: string;
}

export interface RunOptions {
	items?: FixtureItem[];
	credentials?: { ncp?: ICredentialDataDecryptedObject; nhn?: ICredentialDataDecryptedObject };
	continueOnFail?: boolean;
	/** Servers that must have received nothing. */
	collectors?: HostileServer[];
	/** Tokens the run's servers issued (scanned for besides the keys). */
	issuedTokens?: () => string[];
}

const NON_NODE_ERROR = /TypeError|RangeError|ReferenceError|Invalid array length|Cannot read properties|is not a function|heap/;

function errorTextsOf(result: RunResult): string[] {
	const texts: string[] = [];
	const nodeError = result.errorOf('Attachment');
	if (nodeError) texts.push(`${nodeError.message} ${String((nodeError as { description?: string }).description ?? '')}`);
	const output = result.runData.Attachment?.at(-1)?.data?.main?.[0] ?? [];
	for (const item of output) {
		const error = item.json.error ?? item.error;
		if (error) texts.push(typeof error === 'string' ? error : JSON.stringify(error));
	}
	return texts;
}

/** Runs Source -> Attachment once, with the hostile servers, and applies the checks every case shares. */
export async function runHostile(parameters: INodeParameters, options: RunOptions = {}): Promise<HostileRun> {
	resetTokenCache();
	const credentials: Record<string, ICredentialDataDecryptedObject> = {};
	if (options.credentials?.ncp) credentials.ncpOutboundMailerApi = options.credentials.ncp;
	if (options.credentials?.nhn) credentials.nhnCloudNotificationHubApi = options.credentials.nhn;
	const node = attachmentNode(parameters, options.continueOnFail ? { continueOnFail: true } : {});
	const result = await runWorkflow(chain(fixtureSource(options.items ?? [{ json: {} }]), node), engineSetup(credentials));
	figures.runs++;
	const errorTexts = errorTextsOf(result);
	const text = visibleText(result);
	const secrets = secretsToFind(options.issuedTokens?.() ?? []);
	const leaked = secrets.filter((secret) => text.includes(secret));
	figures.secretsLeaked += leaked.length;
	const nodeError = result.errorOf('Attachment');
	const crashed = (!!nodeError && !/^Node(Api|Operation)Error$/.test(String(nodeError.name))) || errorTexts.some((t) => NON_NODE_ERROR.test(t));
	if (crashed) figures.crashes++;
	else if (errorTexts.length) figures.clearErrors++;
	const reached = (options.collectors ?? []).reduce((sum, collector) => sum + collector.received.length, 0);
	figures.requestsToOtherHosts += reached;
	expect(leaked).toEqual([]);
	expect(crashed ? errorTexts : []).toEqual([]);
	for (const collector of options.collectors ?? []) expect(collector.received.map((r) => `${r.method} ${r.url}`)).toEqual([]);
	return { result, errorText: errorTexts[0] ?? '', errorTexts, text };
}
