// The benchmark's workflows: a Manual Trigger, a node that produces the input (Read/Write Files from Disk, or a
// Code node), and the measured node: this package's Attachment node or n8n's HTTP Request node.
import type { WorkflowInput } from '../n8n-harness';

export const NODE_TYPE = 'n8n-nodes-ncp-nhn-attachment.attachment';
export const START = 'Start';
/** The name of the measured node in every workflow: its executionTime is the figure. */
export const MEASURED = 'Measured';

export interface CredentialRef {
	id: string;
	name: string;
}

type Node = Record<string, unknown> & { name: string };

const manualTrigger = (): Node => ({ name: START, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });

/** Read/Write Files from Disk: one item per file matching `pattern` (a path or a glob), binary in `data`. */
const readFiles = (pattern: string): Node => ({
	name: 'Read files',
	type: 'n8n-nodes-base.readWriteFile',
	typeVersion: 1.1,
	parameters: { fileSelector: pattern, options: {} },
});

const codeNode = (jsCode: string): Node => ({ name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } });

function attachment(credential: CredentialRef, parameters: Record<string, unknown>): Node {
	return {
		name: MEASURED,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: { resource: 'nhn', ...parameters },
		credentials: { nhnCloudNotificationHubApi: credential },
	};
}

/** A chain of nodes, each one's main output to the next one's input. */
function chain(id: string, name: string, nodes: Node[]): WorkflowInput {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	if (id.length > 21) throw new Error(`workflow id ${id} is longer than 21 characters`);
	return {
		id,
		name,
		nodes: nodes.map((node, index) => ({ id: `${id}-n${index}`, position: [index * 240, 0], ...node })),
		connections,
		settings: { executionOrder: 'v1' },
	};
}

const concurrencyOptions = (concurrency: number | undefined) => (concurrency === undefined ? {} : { concurrency });

const uploadParameters = (options: Record<string, unknown>) => ({
	operation: 'upload',
	binaryPropertyName: 'data',
	fileTypeChannel: 'EMAIL',
	emailFileTypes: ['EMAIL_DEFAULT'],
	options,
});

/** Files from disk uploaded by the node as EMAIL_DEFAULT attachments (`concurrency` undefined: the default). */
export function nodeUploadWorkflow(id: string, pattern: string, credential: CredentialRef, concurrency?: number): WorkflowInput {
	return chain(id, `bench: node upload ${pattern}${concurrency ? ` c=${concurrency}` : ''}`, [
		manualTrigger(),
		readFiles(pattern),
		attachment(credential, uploadParameters(concurrencyOptions(concurrency))),
	]);
}

/**
 * The file uploaded twice in one execution: a first upload (not measured; it keeps the input binary for the next
 * node) compiles the upload path and grows the heap, then the measured upload runs warm.
 */
export function nodeUploadTwiceWorkflow(id: string, pattern: string, credential: CredentialRef): WorkflowInput {
	const first = { ...attachment(credential, uploadParameters({ keepInputBinary: true })), name: 'First upload' };
	return chain(id, `bench: node upload ${pattern} twice`, [manualTrigger(), readFiles(pattern), first, attachment(credential, uploadParameters({}))]);
}

/** Read/Write Files from Disk alone: the share of reading the file in a run's memory. */
export function readOnlyWorkflow(id: string, pattern: string): WorkflowInput {
	return chain(id, `bench: read ${pattern} only`, [manualTrigger(), readFiles(pattern)]);
}

/**
 * The same uploads with n8n's HTTP Request node: multipart form-data with the binary field `file`, `fileName`
 * and `fileTypes`, authorised by this package's NHN credential as a predefined credential type.
 */
export function httpRequestUploadWorkflow(id: string, pattern: string, uploadUrl: string, credential: CredentialRef): WorkflowInput {
	return chain(id, `bench: HTTP Request upload ${pattern}`, [
		manualTrigger(),
		readFiles(pattern),
		{
			name: MEASURED,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: uploadUrl,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'nhnCloudNotificationHubApi',
				sendBody: true,
				contentType: 'multipart-form-data',
				bodyParameters: {
					parameters: [
						{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' },
						{ parameterType: 'formData', name: 'fileName', value: '={{ $binary.data.fileName }}' },
						{ parameterType: 'formData', name: 'fileTypes', value: 'EMAIL_DEFAULT' },
					],
				},
				options: {},
			},
			credentials: { nhnCloudNotificationHubApi: credential },
		},
	]);
}

/**
 * Every attachment with n8n's HTTP Request node and its own pagination: `offset` raised by a page of 1,000 in each
 * request until a page comes back short; one output item per page, as that node gives them.
 */
export function httpRequestListAllWorkflow(id: string, listUrl: string, credential: CredentialRef): WorkflowInput {
	return chain(id, 'bench: HTTP Request list all (pagination)', [
		manualTrigger(),
		{
			name: MEASURED,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: listUrl,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'nhnCloudNotificationHubApi',
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'limit', value: '1000' }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: { parameters: [{ type: 'qs', name: 'offset', value: '={{ $pageCount * 1000 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.attachments.length < 1000 }}',
						},
					},
				},
			},
			credentials: { nhnCloudNotificationHubApi: credential },
		},
	]);
}

/** List with Return All. */
export function listAllWorkflow(id: string, credential: CredentialRef, concurrency?: number): WorkflowInput {
	return chain(id, `bench: list all${concurrency ? ` c=${concurrency}` : ''}`, [
		manualTrigger(),
		attachment(credential, { operation: 'list', returnAll: true, filters: {}, options: concurrencyOptions(concurrency) }),
	]);
}

/** `count` items from a Code node, each asking for the email file types. */
export function listFileTypesWorkflow(id: string, credential: CredentialRef, count: number): WorkflowInput {
	return chain(id, `bench: list file types x${count}`, [
		manualTrigger(),
		codeNode(`return Array.from({ length: ${count} }, (_, i) => ({ json: { i } }));`),
		attachment(credential, { operation: 'listFileTypes', messageChannel: 'EMAIL', options: {} }),
	]);
}
