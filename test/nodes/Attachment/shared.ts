import Busboy from 'busboy';
import type { ICredentialDataDecryptedObject, INode, INodeParameters } from 'n8n-workflow';

import { NCP_HEADERS, startEmulator, verifyNcpRequest, type Emulator } from '../../../tools/emulator/server';
import { NcpOutboundMailerApi } from '../../../credentials/NcpOutboundMailerApi.credentials';
import { NhnCloudNotificationHubApi } from '../../../credentials/NhnCloudNotificationHubApi.credentials';
import { NHN_TOKEN_URLS } from '../../../credentials/nhn/endpoints';
import { nhnTokenCache } from '../../../credentials/nhn/token-cache';
import { Attachment } from '../../../nodes/Attachment/Attachment.node';
import { ncpCredentialData, nhnCredentialData } from '../../../tools/n8n-harness/fixtures';
import { credentialsFor, runWorkflow, workflowNode } from '../../engine/harness';
import { nock } from '../../engine/nock';
import type { EngineSetup, RunResult } from '../../engine/harness';

export const ATTACHMENT_TYPE = 'n8n-nodes-ncp-nhn-attachment.attachment';
export const NCP_ORIGIN = 'https://mail.apigw.ntruss.com';
export const NHN_ORIGIN = 'https://notification-hub.api.nhncloudservice.com';
const PUBLIC_TOKEN_URL = new URL(NHN_TOKEN_URLS.public);
export const NHN_OAUTH_ORIGIN = PUBLIC_TOKEN_URL.origin;
export const NHN_OAUTH_PATH = PUBLIC_TOKEN_URL.pathname;

export const NCP_KEYS = { accessKeyId: 'NCP-ACCESS-KEY-ID', secretKey: 'ncp-secret-key-never-shown' };
export const NCP_CREDENTIALS: ICredentialDataDecryptedObject = { ...NCP_KEYS, site: 'korea' };
export const NHN_CREDENTIALS: ICredentialDataDecryptedObject = {
	appKey: 'NHN-APP-KEY',
	authentication: 'userAccessKey',
	userAccessKeyId: 'NHN-USER-ACCESS-KEY-ID',
	secretAccessKey: 'nhn-secret-access-key-never-shown',
	oauthServer: 'public',
	apiBase: 'default',
	issuedAccessToken: '',
	issuedAccessTokenExpiresAt: 0,
};

/** Every secret the credentials hold: none may appear in an output item, an error or a log line. */
export const SECRETS = [NCP_KEYS.secretKey, NHN_CREDENTIALS.secretAccessKey as string];

export function engineSetup(credentials: EngineSetup['credentials'] = {}): EngineSetup {
	return {
		nodeTypes: { [ATTACHMENT_TYPE]: new Attachment() },
		credentialTypes: {
			ncpOutboundMailerApi: new NcpOutboundMailerApi(),
			nhnCloudNotificationHubApi: new NhnCloudNotificationHubApi(),
		},
		credentials: { ncpOutboundMailerApi: NCP_CREDENTIALS, nhnCloudNotificationHubApi: NHN_CREDENTIALS, ...credentials },
	};
}

export function attachmentNode(parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	const resource = parameters.resource as string;
	return workflowNode('Attachment', ATTACHMENT_TYPE, parameters, {
		credentials: credentialsFor(resource === 'ncp' ? 'ncpOutboundMailerApi' : 'nhnCloudNotificationHubApi'),
		...extra,
	});
}

/** Both credentials pointing at an in-process emulator, with its demo keys. */
export function emulatorEngineCredentials(
	emulator: Pick<Emulator, 'ncpBaseUrl' | 'nhnApiBaseUrl' | 'nhnTokenUrl'>,
	issuedAccessToken = '',
): EngineSetup['credentials'] {
	return {
		ncpOutboundMailerApi: ncpCredentialData(emulator),
		nhnCloudNotificationHubApi: { ...nhnCredentialData(emulator), issuedAccessToken },
	};
}

/** Each run starts with no token cached in this process, as a fresh n8n would. */
export function resetTokenCache(): void {
	nhnTokenCache.clear();
}

/**
 * For engine tests that send to the emulator (a real server on 127.0.0.1) instead of nock: one emulator for the
 * file, and no token cached before each test. Returns the running emulator.
 */
export function useEmulator(): () => Emulator {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		emulator = await startEmulator({ port: 0 });
	});
	afterAll(async () => await emulator?.close());
	beforeEach(() => resetTokenCache());
	return () => {
		if (!emulator) throw new Error('The emulator is not running: useEmulator() starts it in beforeAll');
		return emulator;
	};
}

export interface CapturedPart {
	name: string;
	value?: string;
	fileName?: string;
	mimeType?: string;
	bytes?: Buffer;
}

/** The parts of a multipart request that nock intercepted, in order, parsed by busboy. */
export async function multipartOf(request: Request): Promise<CapturedPart[]> {
	const body = Buffer.from(await request.arrayBuffer());
	const parts: CapturedPart[] = [];
	await new Promise<void>((resolve, reject) => {
		const parser = Busboy({
			headers: { 'content-type': request.headers.get('content-type') ?? '' },
			defParamCharset: 'utf8',
		});
		parser.on('field', (name, value) => parts.push({ name, value }));
		parser.on('file', (name, stream, info) => {
			const part: CapturedPart = { name, fileName: info.filename, mimeType: info.mimeType };
			parts.push(part);
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => (part.bytes = Buffer.concat(chunks)));
		});
		parser.on('close', resolve).on('error', reject);
		parser.end(body);
	});
	return parts;
}

/**
 * Checks signature v2 over what the request really carried with the emulator's verifier (the API Gateway's checks,
 * independent of the signer under test), and that the timestamp is this minute's.
 */
export function hasValidNcpSignature(request: Request, keys = NCP_KEYS): boolean {
	const url = new URL(request.url);
	const timestamp = request.headers.get(NCP_HEADERS.timestamp) ?? undefined;
	const verdict = verifyNcpRequest(
		{
			method: request.method,
			requestTarget: `${url.pathname}${url.search}`,
			timestamp,
			accessKey: request.headers.get(NCP_HEADERS.accessKey) ?? undefined,
			signature: request.headers.get(NCP_HEADERS.signature) ?? undefined,
		},
		keys,
		Date.now(),
	);
	return verdict.ok && Math.abs(Date.now() - Number(timestamp)) < 60_000;
}

/** Everything a run produced that a user or an operator could see: output items, errors, log lines. */
export function visibleText(result: RunResult): string {
	return JSON.stringify(result.runData) + (result.error ? JSON.stringify(result.error) : '') + result.logs.join('\n');
}

export { runWorkflow };
