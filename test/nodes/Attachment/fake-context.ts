import type { IExecuteFunctions, INode } from 'n8n-workflow';

export const ATTACHMENT_NODE: INode = {
	id: 'attachment-node',
	name: 'Attachment',
	type: 'n8n-nodes-ncp-nhn-attachment.attachment',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Only `getNode`, which is all the error mappers use. */
export const errorContext = { getNode: () => ATTACHMENT_NODE } as unknown as IExecuteFunctions;
