/**
 * Tiny node and credential types that prove the harness (harness.test.ts). Not the Attachment node.
 */
import { createHash } from 'crypto';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';

export const TOKEN_URL = 'https://notification-hub.api.nhncloudservice.com/oauth2/token';

/** Token credential: `preAuthentication` fetches a session token into an expirable hidden field. */
export class TestTokenApi implements ICredentialType {
	name = 'testTokenApi';
	displayName = 'Test Token API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Region', name: 'region', type: 'string', default: 'kr1' },
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: TOKEN_URL,
			body: { clientId: credentials.clientId, clientSecret: credentials.clientSecret },
			json: true,
		})) as { accessToken: string };
		return { sessionToken: response.accessToken };
	}

	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${credentials.sessionToken as string}`,
		};
		return requestOptions;
	};
}

/** Generic (declarative) credential: header and query string from `={{$credentials.x}}` expressions. */
export class TestKeyApi implements ICredentialType {
	name = 'testKeyApi';
	displayName = 'Test Key API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Tenant', name: 'tenant', type: 'string', default: 'default-tenant' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: {
			headers: { 'X-Api-Key': '={{$credentials.apiKey}}' },
			qs: { tenant: '={{$credentials.tenant}}' },
		},
	};
}

/**
 * Calls `httpRequestWithAuthentication` once per item. `bodyMode` 'multipart' sends a platform
 * FormData with a `meta` field and a `file` Blob made from the item's binary property `data`;
 * 'stream' sends that binary as a stream (`getBinaryStream`).
 */
export class ApiCall implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'API Call',
		name: 'apiCall',
		group: ['transform'],
		version: 1,
		description: 'Test node: one authenticated request per item',
		defaults: { name: 'API Call' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'testTokenApi', required: true, displayOptions: { show: { authType: ['token'] } } },
			{ name: 'testKeyApi', required: true, displayOptions: { show: { authType: ['key'] } } },
		],
		properties: [
			{
				displayName: 'Auth',
				name: 'authType',
				type: 'options',
				options: [
					{ name: 'Token', value: 'token' },
					{ name: 'Key', value: 'key' },
				],
				default: 'token',
			},
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{
				displayName: 'Body Mode',
				name: 'bodyMode',
				type: 'options',
				options: [
					{ name: 'None', value: 'none' },
					{ name: 'JSON', value: 'json' },
					{ name: 'Multipart', value: 'multipart' },
					{ name: 'Binary Stream', value: 'stream' },
				],
				default: 'none',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const credentialType = this.getNodeParameter('authType', i) === 'key' ? 'testKeyApi' : 'testTokenApi';
				const options: IHttpRequestOptions = {
					method: this.getNodeParameter('method', i) as IHttpRequestMethods,
					url: this.getNodeParameter('url', i) as string,
					json: true,
				};
				const bodyMode = this.getNodeParameter('bodyMode', i) as string;
				if (bodyMode === 'json') options.body = { item: i, ...items[i].json };
				if (bodyMode === 'multipart') {
					const binary = this.helpers.assertBinaryData(i, 'data');
					const bytes = await this.helpers.getBinaryDataBuffer(i, 'data');
					const form = new FormData();
					form.append('meta', JSON.stringify({ item: i, fileName: binary.fileName }));
					form.append('file', new Blob([new Uint8Array(bytes)], { type: binary.mimeType }), binary.fileName);
					options.body = form;
					delete options.json;
				}
				if (bodyMode === 'stream') {
					const binary = this.helpers.assertBinaryData(i, 'data');
					options.body = await this.helpers.getBinaryStream(binary.id as string);
					options.headers = { 'content-type': binary.mimeType };
					delete options.json;
				}
				this.logger.debug('ApiCall: sending request', { url: options.url, credentialType });
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					credentialType,
					options,
				)) as IDataObject;
				out.push({ json: response, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				// NodeApiError hands back the original when re-wrapping one, so this keeps httpCode etc.
				throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
			}
		}
		return [out];
	}
}

/**
 * Reads binary property `binaryProperty` of every item through the helpers (metadata and stream
 * by id, buffer for both modes) and outputs a new binary `out` = content + '|probed'.
 */
export class BinaryProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Binary Probe',
		name: 'binaryProbe',
		group: ['transform'],
		version: 1,
		description: 'Test node: reads binaries through the helpers',
		defaults: { name: 'Binary Probe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Binary Property', name: 'binaryProperty', type: 'string', default: 'data' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const property = this.getNodeParameter('binaryProperty', i) as string;
			const binary = this.helpers.assertBinaryData(i, property);
			let metadataSize: number | null = null;
			let streamLength: number | null = null;
			if (binary.id) {
				metadataSize = (await this.helpers.getBinaryMetadata(binary.id)).fileSize;
				let total = 0;
				for await (const chunk of await this.helpers.getBinaryStream(binary.id, 64 * 1024)) {
					total += (chunk as Buffer).length;
				}
				streamLength = total;
			}
			const bytes = await this.helpers.getBinaryDataBuffer(i, property);
			if (bytes.length === 0) throw new NodeOperationError(this.getNode(), 'empty binary', { itemIndex: i });
			const result = Buffer.concat([bytes, Buffer.from('|probed')]);
			out.push({
				json: {
					hasId: Boolean(binary.id),
					metadataSize,
					streamLength,
					length: bytes.length,
					sha256: createHash('sha256').update(bytes).digest('hex'),
					head: bytes.subarray(0, 16).toString('utf8'),
				},
				binary: { out: await this.helpers.prepareBinaryData(result, 'probed.txt', 'text/plain') },
				pairedItem: { item: i },
			});
		}
		return [out];
	}
}
