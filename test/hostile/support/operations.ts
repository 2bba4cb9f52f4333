/**
 * Every operation of the node, as one item's parameters against a hostile server, and a handler that plays both
 * the NHN token endpoint (issuing a fresh token per request) and the API behind one origin.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { FixtureItem } from '../../engine/harness';
import { ISSUED_TOKEN_PREFIX, TOKEN_PATH } from './hostile-run';
import { json, type Handler, type HostileServer } from './servers';

export interface HostileOperation {
	name: string;
	resource: 'ncp' | 'nhn';
	parameters: INodeParameters;
	items: FixtureItem[];
}

const FILE_ITEM: FixtureItem = { json: {}, binary: { data: { text: 'a small report', fileName: 'report.pdf', mimeType: 'application/pdf' } } };
const EMAIL = ['EMAIL_DEFAULT'];

const operation = (name: string, parameters: INodeParameters, items: FixtureItem[] = [{ json: {} }]): HostileOperation => {
	const [resource, op] = name.split('.') as ['ncp' | 'nhn', string];
	return { name, resource, parameters: { resource, operation: op, ...parameters }, items };
};

export const OPERATIONS: HostileOperation[] = [
	operation('ncp.upload', { binaryPropertyName: 'data' }, [FILE_ITEM]),
	operation('ncp.get', { tempRequestId: 'temp-request-1' }),
	operation('ncp.delete', { tempRequestId: 'temp-request-1' }),
	operation('nhn.upload', { binaryPropertyName: 'data', fileTypes: EMAIL }, [FILE_ITEM]),
	operation('nhn.validateBeforeUpload', { binaryPropertyName: 'data', fileTypes: EMAIL }, [FILE_ITEM]),
	operation('nhn.list', { returnAll: false, limit: 10 }),
	operation('nhn.get', { attachmentId: 'att-1' }),
	operation('nhn.validateUploaded', { attachmentId: 'att-1', fileTypes: EMAIL }),
	operation('nhn.updateFileTypes', { attachmentId: 'att-1', fileTypes: EMAIL }),
	operation('nhn.listFileTypes', { messageChannel: 'EMAIL' }),
];

export const operationNamed = (name: string): HostileOperation => OPERATIONS.find((op) => op.name === name)!;

/** The tokens a server issued, for the secret scan. */
export const issuedBy = (server: HostileServer): string[] =>
	server.received.filter((r) => r.url === TOKEN_PATH).map((_, index) => `${ISSUED_TOKEN_PREFIX}${index + 1}`);

/** Issues `hostile-issued-token-N` on the token path and hands every other request to `api`. */
export function withTokenEndpoint(api: Handler): Handler {
	let issued = 0;
	return (req, res, server, body) => {
		if (req.url === TOKEN_PATH) {
			issued++;
			json(res, 200, { access_token: `${ISSUED_TOKEN_PREFIX}${issued}`, token_type: 'Bearer', expires_in: 86400 });
			return;
		}
		return api(req, res, server, body);
	};
}

