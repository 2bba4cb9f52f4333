// The operations of the e2e fault matrix: one Attachment node each in every fault workflow, how README "Retries"
// treats it (a read is retried after 502/503/504, a reset or a timeout; an upload stores a file), and the request
// of the middle item that a fault is injected on.
import type { FaultMatch } from '../../../tools/emulator/server';
import { NCP_UPLOAD_DATA, NHN_UPLOAD_DATA } from './upload-parameters';

/** Items per fault workflow, and the one whose requests are faulted. */
export const ITEMS = 3;
export const MIDDLE = 1;

/** The IDs of one case's items, per provider: what the gets read (seeded by fault-case-data.ts). */
export interface CaseIds {
	ncp: string[];
	nhn: string[];
}

export const NCP_FILES = '/ncp/api/v1/files';
export const NHN_ATTACHMENTS = '/nhn/attachment/v1.0/attachments';

export type OpKey = 'ncpUpload' | 'ncpGet' | 'nhnUpload' | 'nhnList' | 'nhnGet';

type Resource = 'ncp' | 'nhn';

export interface Operation {
	key: OpKey;
	/** The Attachment node's name in every workflow. */
	node: string;
	resource: Resource;
	/** README "Retries": retried after 502/503/504, a reset or a timeout. */
	read: boolean;
	/** Stores a file per successful item. */
	stores: boolean;
	parameters: Record<string, unknown>;
	/** The middle item's request: its own path (gets), or a route all items share (the first is let through). */
	route(ids: CaseIds): { match: FaultMatch; shared: boolean };
}

type Route = Operation['route'];

const exactly = (path: string) => `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** A route every item's request takes. */
const sharedRoute =
	(service: Resource, method: string, path: string): Route =>
	() => ({ match: { service, method, pathRegex: exactly(path) }, shared: true });

/** The middle item's own path: `path` and the ID the case seeded for that item. */
const middleItemRoute =
	(service: Resource, method: string, path: string): Route =>
	(ids) => ({ match: { service, method, pathRegex: exactly(`${path}/${ids[service][MIDDLE]}`) }, shared: false });

/** Operations of one kind: an upload stores a file per successful item; a read is retried, stores nothing. */
const ofKind =
	(kind: 'upload' | 'read') =>
	(key: OpKey, node: string, resource: Resource, parameters: Record<string, unknown>, route: Route): Operation => ({
		key,
		node,
		resource,
		read: kind === 'read',
		stores: kind === 'upload',
		parameters,
		route,
	});
const upload = ofKind('upload');
const read = ofKind('read');

export const OPERATIONS: Operation[] = [
	upload('ncpUpload', 'NCP upload', 'ncp', NCP_UPLOAD_DATA, sharedRoute('ncp', 'POST', NCP_FILES)),
	read('ncpGet', 'NCP get', 'ncp', { tempRequestId: '={{ $json.ncpId }}' }, middleItemRoute('ncp', 'GET', NCP_FILES)),
	upload('nhnUpload', 'NHN upload', 'nhn', NHN_UPLOAD_DATA, sharedRoute('nhn', 'POST', NHN_ATTACHMENTS)),
	// One attachment per input item: three items in, three out.
	read('nhnList', 'NHN list', 'nhn', { returnAll: false, limit: 1, filters: {} }, sharedRoute('nhn', 'GET', NHN_ATTACHMENTS)),
	read('nhnGet', 'NHN get', 'nhn', { attachmentId: '={{ $json.nhnId }}', download: false }, middleItemRoute('nhn', 'GET', NHN_ATTACHMENTS)),
];

export const opByKey = (key: OpKey) => OPERATIONS.find((op) => op.key === key) as Operation;
