/**
 * Small builders for workflow JSON in tests (nodes as n8n stores them, main connections).
 */
import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import { FIXTURE_SOURCE_TYPE } from './fixture-source';
import type { FixtureItem } from './fixture-source';

/** A Fixture Source node (the usual start node) emitting `items`. */
export function fixtureSource(items: FixtureItem[], name = 'Source'): INode {
	return {
		id: name,
		name,
		type: FIXTURE_SOURCE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
}

/** A node of `type` (typeVersion 1 unless `extra` says otherwise). */
export function workflowNode(
	name: string,
	type: string,
	parameters: INodeParameters,
	extra: Partial<INode> = {},
): INode {
	return { id: name, name, type, typeVersion: 1, position: [200, 0], parameters, ...extra };
}

/** Connects `nodes` in a line, main output 0 to main input 0. */
export function chain(...nodes: INode[]): { nodes: INode[]; connections: IConnections } {
	const connections: IConnections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes, connections };
}
