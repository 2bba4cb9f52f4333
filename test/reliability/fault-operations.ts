/**
 * The operations the fault matrix runs: for each, how to prepare three input items (seeding the emulator
 * where the operation reads stored files), the node parameters, and the request route a fault is put on.
 */
import type { INodeParameters } from 'n8n-workflow';

import { escapeRegex, seedNcpUpload, seedNhnAttachment } from './support';
import type { Emulator, FaultMatch, FixtureItem } from './support';

/** Input items per run. */
export const ITEMS = 3;

const NCP_FILES = '^/ncp/api/v1/files';
const NHN_ATTACHMENTS = '^/nhn/attachment/v1\\.0/attachments';

export interface Prepared {
	items: FixtureItem[];
	parameters: INodeParameters;
	/** The request route every item uses (method + anchored path regex). */
	route: (itemIndex: number) => FaultMatch;
	/** All items share one route: run one at a time and let item 0's request through first. */
	sharedRoute: boolean;
	/** Contents of the files the items upload (for the duplicate check). */
	contents: string[];
}

export interface Operation {
	name: string;
	resource: 'ncp' | 'nhn';
	/** Safe to repeat after 502/503/504/reset/timeout (README: reads, validations, Update File Types). */
	idempotent: boolean;
	/** Stores a file per successful item. */
	stores: boolean;
	list?: boolean;
	prepare(emulator: Emulator, tag: string): Prepared;
}

type Resource = Operation['resource'];

/** Where each resource's files live, the parameter that names one, and how the emulator gets one. */
const RESOURCES: Record<Resource, { base: string; idParameter: string; seed: (emulator: Emulator, tag: string) => string }> = {
	ncp: { base: NCP_FILES, idParameter: 'tempRequestId', seed: seedNcpUpload },
	nhn: { base: NHN_ATTACHMENTS, idParameter: 'attachmentId', seed: seedNhnAttachment },
};

const fileItems = (tag: string): { items: FixtureItem[]; contents: string[] } => {
	const contents = Array.from({ length: ITEMS }, (_, i) => `reliability ${tag} item ${i} ${Math.random()}`);
	return {
		contents,
		items: contents.map((text, i) => ({
			json: { n: i },
			binary: { data: { text, fileName: `report-${i}.pdf`, mimeType: 'application/pdf', mode: i === 2 ? 'inline' : 'filesystem' } },
		})),
	};
};

const resourceOf = (name: string): [Resource, string] => name.split('.') as [Resource, string];

interface Shape {
	idempotent: boolean;
	/** Parameters besides resource, operation and the file or ID (each run gets its own copy). */
	parameters?: INodeParameters;
	/** What follows the resource's base path (or the file's ID) in the route. */
	suffix?: string;
}

/** An operation that sends each item's file (binary property "data") in a POST to one route all items share. */
function sendsFile(name: string, shape: Shape & { stores: boolean }): Operation {
	const [resource, operation] = resourceOf(name);
	const { base } = RESOURCES[resource];
	return {
		name,
		resource,
		idempotent: shape.idempotent,
		stores: shape.stores,
		prepare: (_emulator, tag) => {
			const { items, contents } = fileItems(tag);
			return {
				items,
				contents: shape.stores ? contents : [],
				sharedRoute: true,
				parameters: { resource, operation, binaryPropertyName: 'data', ...structuredClone(shape.parameters) },
				route: () => ({ service: resource, method: 'POST', pathRegex: `${base}${shape.suffix ?? ''}$` }),
			};
		},
	};
}

/** An operation on one stored file per item, named by its ID from the item's JSON: each item has its own route. */
function onSeededFile(name: string, method: string, shape: Shape): Operation {
	const [resource, operation] = resourceOf(name);
	const { base, idParameter, seed } = RESOURCES[resource];
	return {
		name,
		resource,
		idempotent: shape.idempotent,
		stores: false,
		prepare: (emulator, tag) => {
			const ids = Array.from({ length: ITEMS }, (_, i) => seed(emulator, `${tag}-${i}`));
			return {
				items: ids.map((id) => ({ json: { id } })),
				contents: [],
				sharedRoute: false,
				parameters: { resource, operation, [idParameter]: '={{ $json.id }}', ...structuredClone(shape.parameters) },
				route: (itemIndex: number): FaultMatch => ({
					method,
					pathRegex: `${base}/${escapeRegex(ids[itemIndex])}${shape.suffix ?? ''}$`,
				}),
			};
		},
	};
}

const nhnList: Operation = {
	name: 'nhn.list',
	resource: 'nhn',
	idempotent: true,
	stores: false,
	list: true,
	prepare: (emulator, tag) => {
		for (let i = 0; i < 3; i++) seedNhnAttachment(emulator, `${tag}-${i}`);
		return {
			items: Array.from({ length: ITEMS }, (_, i) => ({ json: { n: i } })),
			contents: [],
			sharedRoute: true,
			parameters: { resource: 'nhn', operation: 'list', returnAll: false, limit: 10 },
			route: () => ({ service: 'nhn', method: 'GET', pathRegex: `${NHN_ATTACHMENTS}$` }),
		};
	},
};

const EMAIL_DEFAULT = { fileTypes: ['EMAIL_DEFAULT'] };

export const OPERATIONS: Operation[] = [
	sendsFile('ncp.upload', { idempotent: false, stores: true }),
	onSeededFile('ncp.get', 'GET', { idempotent: true }),
	onSeededFile('ncp.delete', 'DELETE', { idempotent: false }),
	sendsFile('nhn.upload', { idempotent: false, stores: true, parameters: EMAIL_DEFAULT }),
	sendsFile('nhn.validateBeforeUpload', { idempotent: true, stores: false, parameters: EMAIL_DEFAULT, suffix: '/do-validate' }),
	nhnList,
	onSeededFile('nhn.get', 'GET', { idempotent: true }),
	onSeededFile('nhn.validateUploaded', 'POST', { idempotent: true, parameters: EMAIL_DEFAULT, suffix: '/do-validate' }),
	onSeededFile('nhn.updateFileTypes', 'POST', {
		idempotent: true,
		parameters: { fileTypes: ['EMAIL_DEFAULT', 'EMAIL_TEMPLATE'] },
		suffix: '/file-types',
	}),
];

export const operationNamed = (name: string): Operation => OPERATIONS.find((candidate) => candidate.name === name) as Operation;
