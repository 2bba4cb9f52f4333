// The Send Email node in n8n-core's engine against an in-process emulator: the node, its setup, the emulator's
// record of accepted mails, and the requests it saw.
import { createHash } from 'node:crypto';
import type { INode, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../../../tools/emulator/server';
import { emulatorAdmin } from '../../../tools/n8n-harness/fixtures';
import { SendEmail } from '../../../nodes/SendEmail/SendEmail.node';
import { credentialsFor, workflowNode, type EngineSetup } from '../../engine/harness';
import { emulatorEngineCredentials, engineSetup } from '../Attachment/shared';

export const SEND_EMAIL_TYPE = 'n8n-nodes-ncp-nhn-attachment.sendEmail';
export const NODE = 'Send Email';

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The engine with both nodes and both credentials pointing at the emulator. */
export function sendSetup(emulator: Emulator): EngineSetup {
	const setup = engineSetup(emulatorEngineCredentials(emulator));
	return { ...setup, nodeTypes: { ...setup.nodeTypes, [SEND_EMAIL_TYPE]: new SendEmail() } };
}

export function sendEmailNode(resource: 'ncp' | 'nhn', parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	return workflowNode(NODE, SEND_EMAIL_TYPE, { resource, operation: 'send', ...parameters }, {
		credentials: credentialsFor(resource === 'ncp' ? 'ncpOutboundMailerApi' : 'nhnCloudNotificationHubApi'),
		...extra,
	});
}

/** GET /__admin/mails: both services' accepted mails in one shape. */
export interface AdminMail {
	provider: 'ncp' | 'nhn';
	id: string;
	purpose: string;
	from: string;
	fromName: string | null;
	subject: string;
	body: string;
	to: string[];
	cc: string[];
	bcc: string[];
	attachments: Array<{ id: string; fileName: string; size: number; sha256: string }>;
	attachmentSha256: string[];
}

export async function adminMails(emulator: Emulator): Promise<AdminMail[]> {
	return (await emulatorAdmin<{ mails: AdminMail[] }>(emulator, 'GET', '/mails')).mails;
}

/** Each service's own record of its mails (with the optional fields as sent), and the API requests seen. */
export interface AdminState {
	ncp: { files: Array<{ fileId: string }>; mails: Array<{ recipients: Array<{ address: string; name?: string; type: string }>; options: Record<string, unknown>; senderName?: string; body?: string }> };
	nhn: {
		attachments: Array<{ attachmentId: string; uploadedFileTypes: string[] }>;
		mails: Array<{ messagePurpose: string; recipientEntries: Array<Record<string, unknown>>; options: Record<string, unknown>; body: string }>;
	};
	requests: Array<{ service: string; method: string; path: string; status: number; fault?: string }>;
}

export async function adminState(emulator: Emulator): Promise<AdminState> {
	return await emulatorAdmin<AdminState>(emulator, 'GET', '/state');
}

export async function resetEmulator(emulator: Emulator): Promise<void> {
	await emulatorAdmin(emulator, 'POST', '/reset');
}

/** Queues a fault for the next matching requests (see the emulator's README). */
export async function injectFault(emulator: Emulator, match: Record<string, string>, fault: Record<string, unknown>, count = 1): Promise<void> {
	await emulatorAdmin(emulator, 'POST', '/faults', { match, fault, count });
}

/** The API requests the emulator saw, as `METHOD path status` (the token endpoint left out). */
export async function apiRequests(emulator: Emulator): Promise<string[]> {
	const { requests } = await adminState(emulator);
	return requests.filter((r) => r.service !== 'nhn-oauth').map((r) => `${r.method} ${r.path} ${r.status}`);
}
