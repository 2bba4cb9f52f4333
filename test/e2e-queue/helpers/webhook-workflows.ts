// Workflows started by a production webhook: the dependable way to have a queue-mode worker run one. The examples
// keep every node but their trigger, which becomes a Webhook trigger of the same name.
import { randomUUID } from 'node:crypto';

import type { WorkflowInput } from '../../../tools/n8n-harness';
import { SAMPLE_FILE } from '../../../tools/n8n-harness/fixtures';
import { NCP_UPLOAD_DATA, NHN_UPLOAD_DATA } from '../../e2e/helpers/upload-parameters';
import { chain } from '../../e2e/helpers/workflow-edges';
import { attachmentNode, readFromDisk, workflow } from '../../e2e/helpers/workflows';

type Node = Record<string, unknown> & { name: string };

/** What the webhook answers once the workflow has run: the last node's first item, its binary, all items, or nothing. */
export type WebhookResponse =
	| { data: 'firstEntryJson' | 'allEntries' | 'noData' }
	| { data: 'firstEntryBinary'; binaryProperty: string };

export const HOOK = 'Webhook';

/** A Webhook trigger on `POST /webhook/<path>` that answers when the last node has run. */
export function webhookTrigger(name: string, path: string, response: WebhookResponse): Node {
	return {
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: response.data,
			...(response.data === 'firstEntryBinary' ? { responseBinaryPropertyName: response.binaryProperty } : {}),
			options: {},
		},
	};
}

/** An example as shipped, active, with its trigger (manual or schedule) replaced by a Webhook trigger of the same name. */
export function exampleOnWebhook(example: WorkflowInput, path: string): WorkflowInput {
	const triggers = example.nodes.filter((node) => /manualTrigger|scheduleTrigger/.test(String(node.type)));
	if (triggers.length !== 1) throw new Error(`${example.name}: expected one manual or schedule trigger`);
	const [trigger] = triggers;
	const hook = webhookTrigger(String(trigger.name), path, { data: 'noData' });
	return {
		...example,
		active: true,
		nodes: example.nodes.map((node) => (node === trigger ? { ...hook, id: node.id, position: node.position } : node)),
	};
}

export const PATHS = {
	nhnUpload: 'nhn-upload',
	nhnGet: 'nhn-get',
	ncp: 'ncp-upload-get',
	list: 'nhn-list-all',
	example1: 'example-1',
	example2: 'example-2',
	example3: 'example-3',
};

const active = (w: WorkflowInput): WorkflowInput => ({ ...w, active: true });

/** The operations, each behind its own webhook. */
export const OPERATION_WORKFLOWS: WorkflowInput[] = [
	active(
		workflow(
			'qNhnUpload',
			'queue: NHN upload of the sample file',
			[
				webhookTrigger(HOOK, PATHS.nhnUpload, { data: 'firstEntryJson' }),
				readFromDisk('Read', SAMPLE_FILE),
				attachmentNode('Upload', 'nhn', 'upload', { ...NHN_UPLOAD_DATA, options: {} }),
			],
			chain(HOOK, 'Read', 'Upload'),
		),
	),
	active(
		workflow(
			'qNhnGet',
			'queue: NHN get with download (answers the file)',
			[
				webhookTrigger(HOOK, PATHS.nhnGet, { data: 'firstEntryBinary', binaryProperty: 'file' }),
				attachmentNode('Get', 'nhn', 'get', { attachmentId: '={{ $json.body.attachmentId }}', download: true, binaryPropertyName: 'file', options: {} }),
			],
			chain(HOOK, 'Get'),
		),
	),
	active(
		workflow(
			'qNcpUploadGet',
			'queue: NCP upload of the sample file, then get',
			[
				webhookTrigger(HOOK, PATHS.ncp, { data: 'firstEntryJson' }),
				readFromDisk('Read', SAMPLE_FILE),
				attachmentNode('Upload', 'ncp', 'upload', { ...NCP_UPLOAD_DATA, options: {} }),
				attachmentNode('Get', 'ncp', 'get', { tempRequestId: '={{ $json.tempRequestId }}', options: {} }),
			],
			chain(HOOK, 'Read', 'Upload', 'Get'),
		),
	),
	active(
		workflow(
			'qNhnListAll',
			'queue: NHN list, Return All',
			[webhookTrigger(HOOK, PATHS.list, { data: 'allEntries' }), attachmentNode('List', 'nhn', 'list', { returnAll: true, filters: {}, options: {} })],
			chain(HOOK, 'List'),
		),
	),
];
