// What an e2e fault case checks in each operation's output and in the emulator: a successful item as the
// operation answers it, a clear error item naming the provider, the items' pairing, the requests on a faulted
// route and the uploads a run stored.
import { nodeRuns, type N8nRun, type RunItem } from '../../../tools/n8n-harness';
import type { FaultMatch } from '../../../tools/emulator/server';
import type { EmulatorStateView } from './emulator';
import type { FaultCase } from './fault-cases';
import type { CaseIds, Operation } from './fault-operations';

const NCP_LABEL = 'NAVER Cloud Outbound Mailer';
const NHN_LABEL = 'NHN Cloud Notification Hub';

const labelOf = (op: Operation) => (op.resource === 'ncp' ? NCP_LABEL : NHN_LABEL);

/** Words that give away an error the node did not mean to raise. */
const INTERNAL_ERROR = /TypeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|is not defined|\[object Object\]|undefined/;

export function expectClearError(item: RunItem, op: Operation, c: FaultCase): void {
	const message = String(item.json.error);
	expect({ message, provider: item.json.provider }).toEqual({ message: expect.stringMatching(new RegExp(`^${labelOf(op)}: `)), provider: labelOf(op) });
	expect(message).toMatch(c.errorPattern);
	expect(message).not.toMatch(INTERNAL_ERROR);
	expect(String(item.json.description ?? '')).not.toMatch(INTERNAL_ERROR);
}

export function expectSuccess(item: RunItem, op: Operation, ids: CaseIds, index: number): void {
	expect(item.json.error).toBeUndefined();
	switch (op.key) {
		case 'ncpUpload':
			expect(item.json).toMatchObject({ tempRequestId: expect.any(String), fileIds: [expect.any(String)] });
			break;
		case 'ncpGet':
			expect(item.json).toMatchObject({ tempRequestId: ids.ncp[index], fileIds: [`${ids.ncp[index]}-file`] });
			break;
		case 'nhnUpload':
			expect(item.json).toMatchObject({ attachmentId: expect.any(String), fileTypes: ['EMAIL_DEFAULT'] });
			break;
		case 'nhnList':
			expect(item.json).toMatchObject({ attachmentId: expect.any(String), fileName: expect.any(String) });
			break;
		case 'nhnGet':
			expect(item.json).toMatchObject({ attachmentId: ids.nhn[index], fileName: `seed-${index}.jpg` });
			break;
	}
}

export const pairedIndex = (item: RunItem): number | undefined => {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : paired?.item;
};

/** For the matrix line: the operation's middle item as it came out, and the node's time. */
export function middleItemSummary(run: N8nRun, op: Operation, middle: RunItem | undefined): string {
	return (
		`${op.key}=${middle?.json.error === undefined ? 'success' : `error "${String(middle.json.error)}"${middle.json.description ? ` [${String(middle.json.description)}]` : ''}`} ` +
		`(node ${nodeRuns(run, op.node)[0].executionTime} ms)`
	);
}

/** The requests the emulator saw on a fault rule's route. */
export function requestsOnRoute(emu: EmulatorStateView, match: FaultMatch): EmulatorStateView['requests'] {
	const onRoute = (r: EmulatorStateView['requests'][number]) =>
		r.service === match.service && r.method === match.method && new RegExp(match.pathRegex as string).test(r.path);
	return emu.requests.filter(onRoute);
}

/** The files an upload operation stored in the run (what the case seeded left out), and the ID of each. */
export function storedByRun(emu: EmulatorStateView, op: Operation, ids: CaseIds): Array<{ sha256: string; id: string }> {
	const stored =
		op.resource === 'ncp'
			? emu.ncp.files.filter((f) => !ids.ncp.includes(f.tempRequestId))
			: emu.nhn.attachments.filter((a) => !ids.nhn.includes(a.attachmentId));
	return stored.map((f) => ({ sha256: f.sha256, id: 'fileId' in f ? f.fileId : f.attachmentId }));
}

/** The ID each successful upload item returned: its NCP file ID or its NHN attachment ID. */
export const returnedUploadIds = (op: Operation, items: RunItem[]): unknown[] =>
	items
		.filter((item) => item.json.error === undefined)
		.map((item) => (op.resource === 'ncp' ? (item.json.fileIds as string[])[0] : item.json.attachmentId));
