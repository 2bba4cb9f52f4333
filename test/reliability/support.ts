/**
 * Shared by the reliability suites: an in-process emulator of both APIs, credentials pointing at it, a
 * runner for one workflow (Fixture Source -> Attachment) in n8n-core's engine, fault injection, and the
 * secret scan (credential secrets and every NHN token the emulator issued must stay out of what a run shows).
 */
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { parseFaultRule } from '../../tools/emulator/faults';
import type { FaultMatch, FaultSpec } from '../../tools/emulator/faults';
import { sha256Hex } from '../../tools/emulator/ids';
import { storeAttachment } from '../../tools/emulator/nhn-attachments';
import { DEMO_KEYS, startEmulator } from '../../tools/emulator/server';
import type { Emulator } from '../../tools/emulator/server';
import { operations as ncpOperations } from '../../nodes/Attachment/actions/ncp';
import { operations as nhnOperations } from '../../nodes/Attachment/actions/nhn';
import type { OperationModule } from '../../nodes/Attachment/actions/types';
import { ncpCredentialData, nhnCredentialData } from '../../tools/n8n-harness/fixtures';
import { chain, fixtureSource } from '../engine/harness';
import type { FixtureItem, RunResult } from '../engine/harness';
import { attachmentNode, engineSetup, resetTokenCache, runWorkflow, visibleText } from '../nodes/Attachment/shared';

export { DEMO_KEYS, sha256Hex };
export type { Emulator, FaultMatch, FaultSpec, FixtureItem, RunResult };

export const NHN_ATTACHMENTS_PATH = '/nhn/attachment/v1.0/attachments';
export const NCP_FILES_PATH = '/ncp/api/v1/files';
export const NHN_LABEL = 'NHN Cloud Notification Hub';
export const NCP_LABEL = 'NAVER Cloud Outbound Mailer';

/** The text as a regular expression that matches it literally. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Messages that betray a programming error surfacing as an item error. */
export const INTERNAL_ERROR_MARKERS = ['TypeError', 'Cannot read properties', 'undefined is not', 'is not a function', 'ReferenceError'];

export async function startLocalEmulator(tokenLifetimeSeconds = 86_400): Promise<Emulator> {
	return await startEmulator({ port: 0, nhn: { ...DEMO_KEYS.nhn, tokenLifetimeSeconds } });
}

export function ncpCredentials(emulator: Emulator, secretKey = DEMO_KEYS.ncp.secretKey): ICredentialDataDecryptedObject {
	return ncpCredentialData(emulator, { ...DEMO_KEYS.ncp, secretKey });
}

export function nhnCredentials(emulator: Emulator, extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { ...nhnCredentialData(emulator), ...extra };
}

/** Adds a fault rule straight into the live state (what POST /__admin/faults does). */
export function injectFault(emulator: Emulator, match: FaultMatch, fault: FaultSpec, count = 1): void {
	emulator.state.faults.push(parseFaultRule({ match, fault, count }));
}

/** Resets the emulator (data, faults, requests, clock) and the process-wide token cache. */
export function resetAll(emulator: Emulator, scanner?: SecretScanner): void {
	scanner?.harvest(emulator);
	emulator.state.faults = [];
	emulator.state.requests = [];
	emulator.state.clock.offsetMs = 0;
	emulator.state.tokenLifetimeSeconds = emulator.state.defaultTokenLifetimeSeconds;
	emulator.state.latencyMs = emulator.state.defaultLatencyMs;
	emulator.state.ncp = { uploads: new Map(), filesById: new Map(), mails: [] };
	emulator.state.nhn = { attachments: new Map(), tokens: new Map(), previews: new Map(), mails: [], tokenRequests: 0, tokensIssued: 0 };
	resetTokenCache();
}

/** Puts an NCP upload into the emulator, as a signed upload would have; returns its tempRequestId. */
export function seedNcpUpload(emulator: Emulator, tag: string): string {
	const data = Buffer.from(`seeded ncp file ${tag}`);
	const tempRequestId = `seed-${tag}-${Math.random().toString(36).slice(2)}-99`;
	const file = { fileId: `file-${tempRequestId}`, tempRequestId, fileName: `${tag}.pdf`, size: data.length, sha256: sha256Hex(data), data };
	emulator.state.ncp.uploads.set(tempRequestId, { tempRequestId, files: [file] });
	emulator.state.ncp.filesById.set(file.fileId, file);
	return tempRequestId;
}

/** Puts an NHN attachment into the emulator; returns its attachmentId. */
export function seedNhnAttachment(emulator: Emulator, tag: string, fileName = `${tag}.jpg`, uploadedFileTypes = ['EMAIL_DEFAULT']): string {
	const data = Buffer.from(`seeded nhn attachment ${tag}`);
	return storeAttachment(emulator.state, { data, size: data.length, sha256: sha256Hex(data), fileName, uploadedFileTypes }).attachmentId;
}

/**
 * Every value that must never be shown: both credentials' secrets, the Basic authorization NHN's token
 * endpoint takes, wrong secrets a test used, and every access token the emulator ever issued.
 */
export class SecretScanner {
	readonly secrets = new Set<string>([
		DEMO_KEYS.ncp.secretKey,
		DEMO_KEYS.nhn.secretAccessKey,
		Buffer.from(`${DEMO_KEYS.nhn.userAccessKeyId}:${DEMO_KEYS.nhn.secretAccessKey}`).toString('base64'),
	]);

	found = 0;

	readonly leaks: string[] = [];

	add(value: unknown): void {
		if (typeof value === 'string' && value.length >= 8) this.secrets.add(value);
	}

	/** Notes the tokens the emulator holds (call before a reset forgets them). */
	harvest(emulator: Emulator): void {
		for (const token of emulator.state.nhn.tokens.keys()) this.add(token);
	}

	/** Counts secrets in what the run shows (outputs, errors, log lines of every level); returns the count. */
	scan(result: RunResult, emulator: Emulator, label: string): number {
		this.harvest(emulator);
		this.add(result.storedCredentials('nhnCloudNotificationHubApi').issuedAccessToken);
		for (const update of result.credentialUpdates) this.add(update.data.issuedAccessToken);
		const text = visibleText(result);
		let count = 0;
		for (const secret of this.secrets) {
			if (text.includes(secret)) {
				count++;
				this.leaks.push(`${label}: ${secret.slice(0, 4)}…`);
			}
		}
		this.found += count;
		return count;
	}
}

export interface RunOptions {
	continueOnFail?: boolean;
	ncp?: ICredentialDataDecryptedObject;
	nhn?: ICredentialDataDecryptedObject;
}

export interface NodeRun {
	result: RunResult;
	/**
	 * The Attachment node's main output as run data holds it. When the node itself failed under Continue On
	 * Fail, n8n puts the input items there unchanged (and sets `error`).
	 */
	items: INodeExecutionData[];
	/** The node's error when it failed (no Continue On Fail). */
	error: ReturnType<RunResult['errorOf']>;
	elapsedMs: number;
}

/** Runs Source(items) -> Attachment(parameters) against the emulator. */
export async function runNode(
	emulator: Emulator,
	items: FixtureItem[],
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<NodeRun> {
	const workflow = chain(fixtureSource(items), attachmentNode(parameters, { continueOnFail: options.continueOnFail ?? true }));
	const setup = engineSetup({
		ncpOutboundMailerApi: options.ncp ?? ncpCredentials(emulator),
		nhnCloudNotificationHubApi: options.nhn ?? nhnCredentials(emulator),
	});
	const started = Date.now();
	const result = await runWorkflow(workflow, setup);
	const elapsedMs = Date.now() - started;
	const error = result.errorOf('Attachment');
	const output = result.runData.Attachment?.at(-1)?.data?.main?.[0] ?? [];
	return { result, items: output, error, elapsedMs };
}

export const pairedIndex = (item: INodeExecutionData): number | undefined => {
	const paired = item.pairedItem;
	if (paired === undefined || typeof paired === 'number') return paired;
	return Array.isArray(paired) ? paired[0]?.item : paired.item;
};

export const isErrorItem = (item: INodeExecutionData): boolean => typeof item.json.error === 'string';

export { sleep };

/** What an operation threw, before the router turned it into an item error. */
export interface ThrownError {
	operation: string;
	itemIndex: number;
	kind: 'NodeApiError' | 'NodeOperationError' | 'other';
	name: string;
	message: string;
}

/**
 * Records the raw error every operation throws, by wrapping the operation modules the router dispatches to
 * (the same objects, in this test file's module registry). With Continue On Fail the router turns any error
 * into an item error, so this is how a test tells a NodeApiError or NodeOperationError from, say, a TypeError
 * that the router would wrap. Nothing in the node is changed on disk; `restore()` puts the modules back.
 */
export class ErrorProbe {
	readonly thrown: ThrownError[] = [];

	private readonly originals: Array<[Record<string, OperationModule>, string, OperationModule]> = [];

	install(): void {
		for (const [resource, table] of [['ncp', ncpOperations], ['nhn', nhnOperations]] as const) {
			for (const [name, module] of Object.entries(table)) {
				this.originals.push([table, name, module]);
				const thrown = this.thrown;
				table[name] = {
					...module,
					async execute(this: IExecuteFunctions, itemIndex: number) {
						try {
							return await module.execute.call(this, itemIndex);
						} catch (error) {
							const kind =
								error instanceof NodeApiError ? 'NodeApiError' : error instanceof NodeOperationError ? 'NodeOperationError' : 'other';
							thrown.push({
								operation: `${resource}.${name}`,
								itemIndex,
								kind,
								name: (error as Error)?.name ?? typeof error,
								message: (error as Error)?.message ?? String(error),
							});
							// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- test probe: passes the operation's own error on unchanged, so the router sees what it would have seen
							throw error;
						}
					},
				};
			}
		}
	}

	restore(): void {
		for (const [table, name, module] of this.originals.splice(0)) table[name] = module;
	}

	/** Errors that were neither NodeApiError nor NodeOperationError. */
	foreign(): ThrownError[] {
		return this.thrown.filter((error) => error.kind === 'other');
	}
}
