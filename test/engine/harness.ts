/**
 * Runs real workflows in n8n-core's engine (`WorkflowExecute`) for jest tests.
 *
 *   const result = await runWorkflow({ nodes, connections }, { nodeTypes, credentialTypes, credentials });
 *   result.outputOf('Attachment'); result.errorOf('Attachment'); result.logs; ...
 *
 * What is real: WorkflowExecute, node execution contexts and all `this.helpers` (request helpers
 * through OutboundHttp/axios, so nock intercepts; binary helpers through BinaryDataService in
 * filesystem mode), parameter/expression resolution (n8n-workflow's default 'legacy' expression
 * engine; n8n 2.41's server defaults to the isolated-vm 'vm' engine), error handling
 * (continueOnFail / onError), pairedItem bookkeeping. What is test-made: the credentials helper
 * (in-memory, see credentials-helper.ts), additionalData (no sub-workflows, no task runners), hooks.
 * HTTP: use `import { nock } from './nock'` (nock 15 is ESM; see nock.ts for why and its limits).
 * One runtime per test file (jest module registry): temp folders are removed in afterAll.
 * Runs in one test file should not overlap (log capture is process-wide).
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { CredentialStore } from './credential-store';
import type { CredentialUpdate } from './credential-store';
import { TestCredentialsHelper } from './credentials-helper';
import { FIXTURE_SOURCE_TYPE, FixtureSource } from './fixture-source';
import { captureLogs, disposeRuntime, getRuntime } from './runtime';
import type { EngineRuntime } from './runtime';

export { FIXTURE_SOURCE_TYPE, FixtureSource } from './fixture-source';
export type { FixtureBinary, FixtureItem } from './fixture-source';
export { TestCredentialsHelper } from './credentials-helper';
export { CredentialStore } from './credential-store';
export type { CredentialUpdate } from './credential-store';
export { chain, fixtureSource, workflowNode } from './workflow';
export { disposeRuntime as disposeEngine, getRuntime as getEngineRuntime } from './runtime';

export interface EngineSetup {
	/** Keyed by the type name used in the workflow, e.g. 'n8n-nodes-ncp-nhn-attachment.attachment'. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	/** Keyed by credential type name. */
	credentialTypes: Record<string, ICredentialType>;
	/**
	 * Keyed by credential type name: the stored (decrypted) data. Nodes reference them as in n8n's
	 * workflow JSON: `credentials: { [type]: { id, name } }` (any non-empty id; see `credentialsFor`).
	 */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Node to start from. Default: the only node without incoming main connections (a Fixture Source wins ties). */
	startNode?: string;
	/** Execution mode. Default 'manual' (as when a user clicks "Execute workflow"). */
	mode?: Extract<WorkflowExecuteMode, 'manual' | 'internal' | 'trigger' | 'webhook'>;
	/** Called with every log line as it is written (the harness itself never prints). */
	onLog?: (line: string) => void;
}

export interface RunResult {
	runData: IRunData;
	/** The full run as WorkflowExecute returns it. */
	run: IRun;
	/** The workflow-level error (set when a node failed without continueOnFail/onError). */
	error: ExecutionBaseError | undefined;
	/** Main output 0 of the node's last run. Throws if the node did not run or failed. */
	outputOf(nodeName: string): INodeExecutionData[];
	/**
	 * The node's error, if it failed, as run data holds it: WorkflowExecute stores a plain copy
	 * (`{ ...error, message, stack }`), as n8n saves it, so match on `name`, `message`, `httpCode`,
	 * `description`, `context`... rather than `instanceof`.
	 */
	errorOf(nodeName: string): ExecutionBaseError | undefined;
	/** What preAuthentication (and any updateCredentials call) persisted, in order. */
	credentialUpdates: CredentialUpdate[];
	/** Current stored data after the run. */
	storedCredentials(type: string): ICredentialDataDecryptedObject;
	/** Every log line of the run (all levels, including debug), for scanning for leaked secrets. */
	logs: string[];
}

/** INodeTypes over a plain record, the Fixture Source included. */
export class TestNodeTypes implements INodeTypes {
	readonly all: Record<string, INodeType | IVersionedNodeType>;

	constructor(types: Record<string, INodeType | IVersionedNodeType>) {
		this.all = { [FIXTURE_SOURCE_TYPE]: new FixtureSource(), ...types };
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.all[nodeType];
		if (!type) throw new UnexpectedError(`Unrecognized node type: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.all).map((name) => [name, { className: name, sourcePath: '' }]));
	}
}

/** `{ [type]: { id, name } }` for a node's `credentials`, matching the harness's stored credentials. */
export function credentialsFor(...types: string[]): INodeCredentials {
	return Object.fromEntries(types.map((type) => [type, { id: type, name: type }]));
}

let runCounter = 0;

// Remove the temporary folders when the test file is done (jest's afterAll is global in test files).
try {
	if (typeof afterAll === 'function') afterAll(disposeRuntime);
} catch {
	// imported from inside a test: the caller may call disposeEngine() itself
}

function pickStartNode(nodes: INode[], connections: IConnections, requested?: string): INode {
	if (requested) {
		const node = nodes.find((n) => n.name === requested);
		if (!node) throw new UnexpectedError(`Start node "${requested}" is not in the workflow`);
		return node;
	}
	const targets = new Set<string>();
	for (const byType of Object.values(connections)) {
		for (const outputs of byType.main ?? []) for (const c of outputs ?? []) targets.add(c.node);
	}
	let candidates = nodes.filter((n) => !n.disabled && !targets.has(n.name));
	if (candidates.length > 1) {
		const fixtures = candidates.filter((n) => n.type === FIXTURE_SOURCE_TYPE);
		if (fixtures.length) candidates = fixtures;
	}
	if (candidates.length !== 1) {
		throw new UnexpectedError(
			`Cannot pick a start node among [${candidates.map((n) => n.name).join(', ')}]: set setup.startNode`,
		);
	}
	return candidates[0];
}

function buildAdditionalData(
	rt: EngineRuntime,
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	ids: { executionId: string; workflowId: string },
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	const unsupported = (what: string) => async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not supported by the engine test harness`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId: ids.executionId,
		workflowId: ids.workflowId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		externalSecretsProxy: rt.externalSecretsProxy,
		executeWorkflow: unsupported('executeWorkflow'),
		startRunnerTask: unsupported('startRunnerTask (Code node task runners)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		setExecutionStatus: () => {},
	};
}

export async function runWorkflow(
	workflow: { nodes: INode[]; connections: IConnections },
	setup: EngineSetup,
): Promise<RunResult> {
	const rt = await getRuntime();
	const logs: string[] = [];
	const stopCapture = captureLogs((line) => {
		logs.push(line);
		setup.onLog?.(line);
	});
	try {
		const mode = setup.mode ?? 'manual';
		const n = ++runCounter;
		const ids = { executionId: String(1000 + n), workflowId: `engine-harness-wf-${n}` };
		const nodeTypes = new TestNodeTypes(setup.nodeTypes);
		const store = await CredentialStore.create(setup.credentials);
		const credentialsHelper = new TestCredentialsHelper(setup.credentialTypes, nodeTypes.all, store);

		const nodes = structuredClone(workflow.nodes);
		const connections = structuredClone(workflow.connections);
		const settings = { executionOrder: 'v1' as const };
		const wf = new Workflow({
			id: ids.workflowId,
			name: 'Engine harness workflow',
			nodes,
			connections,
			active: false,
			nodeTypes,
			settings,
		});
		const workflowData: IWorkflowBase = {
			id: ids.workflowId,
			name: 'Engine harness workflow',
			active: false,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes,
			connections,
			settings,
		};
		const hooks = new ExecutionLifecycleHooks(mode, ids.executionId, workflowData);
		const additionalData = buildAdditionalData(rt, credentialsHelper, hooks, ids);

		const startNode = wf.getNode(pickStartNode(nodes, connections, setup.startNode).name)!;
		const run = await new WorkflowExecute(additionalData, mode).run({ workflow: wf, startNode });

		const runData = run.data.resultData.runData;
		const lastRun = (nodeName: string) => runData[nodeName]?.at(-1);
		const storedSnapshot: Record<string, ICredentialDataDecryptedObject> = {};
		for (const type of Object.keys(setup.credentials ?? {})) storedSnapshot[type] = await store.read(type);

		return {
			runData,
			run,
			error: run.data.resultData.error,
			logs,
			credentialUpdates: store.updates,
			outputOf(nodeName) {
				const task = lastRun(nodeName);
				if (!task) throw new UnexpectedError(`Node "${nodeName}" did not run`);
				if (task.error) {
					throw new UnexpectedError(`Node "${nodeName}" failed: ${task.error.message}`, { cause: task.error });
				}
				return task.data?.main?.[0] ?? [];
			},
			errorOf(nodeName) {
				return lastRun(nodeName)?.error;
			},
			storedCredentials(type) {
				const data = storedSnapshot[type];
				if (!data) throw new UnexpectedError(`No stored credentials of type "${type}"`);
				return data;
			},
		};
	} finally {
		stopCapture();
	}
}

/** The bytes of `item.binary[property]`: filesystem mode (by id) or inline base64. */
export async function readBinary(item: INodeExecutionData, property: string): Promise<Buffer> {
	const binary = item.binary?.[property];
	if (!binary) throw new UnexpectedError(`Item has no binary property "${property}"`);
	const rt = await getRuntime();
	return await rt.binaryDataService.getAsBuffer(binary);
}
