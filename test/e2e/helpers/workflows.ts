// Small workflows for the end-to-end tests: Manual Trigger, Code nodes that produce items (with inline binary
// data), the package's Attachment node, and the connections between them.
import type { WorkflowInput } from '../../../tools/n8n-harness';
import { CREDENTIAL_IDS } from '../../../tools/n8n-harness/fixtures';

export const NODE_TYPE = 'n8n-nodes-ncp-nhn-attachment.attachment';
export const START = 'Start';

type Node = Record<string, unknown> & { name: string };

const CREDENTIALS = {
	ncp: { ncpOutboundMailerApi: { id: CREDENTIAL_IDS.ncp, name: 'NAVER Cloud Outbound Mailer (demo)' } },
	nhn: { nhnCloudNotificationHubApi: { id: CREDENTIAL_IDS.nhn, name: 'NHN Cloud Notification Hub (demo)' } },
};

export function manualTrigger(name = START): Node {
	return { name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
}

export function codeNode(name: string, jsCode: string): Node {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } };
}

/** The package's node with the given provider, operation and parameters. */
export function attachmentNode(
	name: string,
	resource: 'ncp' | 'nhn',
	operation: string,
	parameters: Record<string, unknown> = {},
	extra: Record<string, unknown> = {},
): Node {
	return {
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: { resource, operation, ...parameters },
		credentials: CREDENTIALS[resource],
		...extra,
	};
}

export function readFromDisk(name: string, path: string): Node {
	return { name, type: 'n8n-nodes-base.readWriteFile', typeVersion: 1.1, parameters: { fileSelector: path, options: {} } };
}

export interface InlineFile {
	bytes: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * A Code node that returns one item per entry of `items`, each with its json and its binary fields given inline
 * as base64 (what a Code node hands on: no binary data id).
 */
export function codeWithFiles(
	name: string,
	items: Array<{ json?: Record<string, unknown>; binary?: Record<string, InlineFile> }>,
): Node {
	const literal = items.map((item) => ({
		json: item.json ?? {},
		...(item.binary
			? {
					binary: Object.fromEntries(
						Object.entries(item.binary).map(([key, file]) => [
							key,
							{ data: file.bytes.toString('base64'), mimeType: file.mimeType, fileName: file.fileName },
						]),
					),
				}
			: {}),
	}));
	return codeNode(name, `return ${JSON.stringify(literal, null, 1)};`);
}

/**
 * A workflow from nodes and edges `[from, to]` (main output 0 to main input 0). Node ids and positions are
 * filled in; the workflow id must have at most 21 characters.
 */
export function workflow(id: string, name: string, nodes: Node[], edges: Array<[string, string]>): WorkflowInput {
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	for (const [from, to] of edges) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name,
		nodes: nodes.map((node, index) => ({
			id: `${id}-node-${index}`,
			position: [index * 220, (index % 3) * 120],
			...node,
		})),
		connections,
		settings: { executionOrder: 'v1' },
	};
}
