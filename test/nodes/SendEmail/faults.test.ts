// Send Email under faults, in n8n-core's engine against the emulator: never a mail twice, never a file lost unseen.
import { sleep } from 'n8n-workflow';

import { chain, fixtureSource, runWorkflow } from '../../engine/harness';
import { useEmulator } from '../Attachment/shared';
import { adminMails, adminState, apiRequests, injectFault, NODE, resetEmulator, sendEmailNode, sendSetup, sha256 } from './setup';

const emulator = useEmulator();
beforeEach(async () => await resetEmulator(emulator()));

const base = { fromEmail: 'sender@example.com', toEmail: 'to@example.com', subject: 'Subject', body: 'Body', attachments: 'a, b' };
const twoFiles = { json: {}, binary: { a: { text: 'first file', fileName: 'a.txt' }, b: { text: 'second file', fileName: 'b.txt' } } };
const NCP_MAILS = '/ncp/api/v1/mails';
const NHN_SEND = '/nhn/message/v1.0/EMAIL/free-form-messages/NORMAL';
const SEND_PATH = { ncp: NCP_MAILS, nhn: NHN_SEND };

async function storedIds(provider: 'ncp' | 'nhn'): Promise<string[]> {
	const state = await adminState(emulator());
	return provider === 'ncp' ? state.ncp.files.map((f) => f.fileId) : state.nhn.attachments.map((a) => a.attachmentId);
}

describe.each(['ncp', 'nhn'] as const)('Send Email faults, %s', (provider) => {
	it('a send refused after the uploads: the error item carries the uploaded IDs, and they send without uploading again', async () => {
		await injectFault(emulator(), { method: 'POST', pathPrefix: SEND_PATH[provider] }, { type: 'status', status: 500 });
		const failing = chain(fixtureSource([twoFiles]), sendEmailNode(provider, base, { continueOnFail: true }));
		const [errorItem] = (await runWorkflow(failing, sendSetup(emulator()))).outputOf(NODE);

		const uploaded = await storedIds(provider);
		expect(uploaded).toHaveLength(2);
		expect(errorItem.json.error).toMatch(/HTTP 500/);
		expect(errorItem.json.uploadedAttachmentIds).toEqual(uploaded);
		expect(errorItem.json.description).toContain(`already uploaded (put these IDs in Attachment IDs to send without uploading again): ${uploaded.join(', ')}.`);
		expect(errorItem.pairedItem).toEqual({ item: 0 });
		expect(await adminMails(emulator())).toEqual([]);

		const again = chain(fixtureSource([{ json: errorItem.json }]), sendEmailNode(provider, { ...base, attachments: '', attachmentIds: '={{ $json.uploadedAttachmentIds }}' }));
		await runWorkflow(again, sendSetup(emulator()));
		const [mail] = await adminMails(emulator());
		expect(mail.attachmentSha256).toEqual([sha256('first file'), sha256('second file')]);
		expect(await storedIds(provider)).toEqual(uploaded);
	});

	it('the second upload refused: the error names the first, and nothing is sent', async () => {
		const uploadPath = provider === 'ncp' ? '/ncp/api/v1/files' : '/nhn/attachment/v1.0/attachments';
		const workflow = chain(fixtureSource([twoFiles]), sendEmailNode(provider, base));
		// Faults apply to the next matching requests in turn: the first upload gets a no-op delay, the second a 503.
		await injectFault(emulator(), { method: 'POST', pathPrefix: uploadPath }, { type: 'delay', ms: 0 });
		await injectFault(emulator(), { method: 'POST', pathPrefix: uploadPath }, { type: 'status', status: 503 });
		const result = await runWorkflow(workflow, sendSetup(emulator()));

		const [first] = await storedIds(provider);
		const error = result.errorOf(NODE);
		expect(error?.message).toMatch(/HTTP 503/);
		expect(error?.description).toContain(`already uploaded (put these IDs in Attachment IDs to send without uploading again): ${first}.`);
		expect(await storedIds(provider)).toEqual([first]);
		expect((await apiRequests(emulator())).filter((r) => r.includes(SEND_PATH[provider]))).toEqual([]);
	});

	it('a connection reset during the send is not retried: one request, no duplicate mail, the uploaded IDs named', async () => {
		await injectFault(emulator(), { method: 'POST', pathPrefix: SEND_PATH[provider] }, { type: 'reset' });
		const workflow = chain(fixtureSource([twoFiles]), sendEmailNode(provider, { ...base, options: { retries: 5 } }));
		const result = await runWorkflow(workflow, sendSetup(emulator()));

		const error = result.errorOf(NODE);
		expect(error?.message).toMatch(/The connection was reset before an answer arrived/);
		expect(error?.description).toMatch(/^Not retried: the service may have applied this request/);
		expect(error?.description).toContain((await storedIds(provider)).join(', '));
		expect((await apiRequests(emulator())).filter((r) => r.includes(SEND_PATH[provider]))).toHaveLength(1);
		expect(await adminMails(emulator())).toEqual([]);
	});

	it('a send that times out is not retried: the service gets it once', async () => {
		await injectFault(emulator(), { method: 'POST', pathPrefix: SEND_PATH[provider] }, { type: 'delay', ms: 1500 });
		const workflow = chain(fixtureSource([{ json: {} }]), sendEmailNode(provider, { ...base, attachments: '', options: { timeout: 300, retries: 5 } }));
		const result = await runWorkflow(workflow, sendSetup(emulator()));

		expect(result.errorOf(NODE)?.description).toMatch(/^Not retried/);
		// The emulator answers after its delay; by then the node has given up without sending again.
		await sleep(1800);
		expect((await apiRequests(emulator())).filter((r) => r.includes(SEND_PATH[provider]))).toHaveLength(1);
	});

	it('a send refused for throttling (429) is retried: one mail', async () => {
		await injectFault(emulator(), { method: 'POST', pathPrefix: SEND_PATH[provider] }, { type: 'status', status: 429, headers: { 'retry-after': '0' } });
		const workflow = chain(fixtureSource([twoFiles]), sendEmailNode(provider, base));
		const [item] = (await runWorkflow(workflow, sendSetup(emulator()))).outputOf(NODE);

		expect(item.json.attachments).toHaveLength(2);
		expect((await apiRequests(emulator())).filter((r) => r.includes(SEND_PATH[provider])).map((r) => r.split(' ')[2])).toEqual(['429', provider === 'ncp' ? '201' : '200']);
		expect(await adminMails(emulator())).toHaveLength(1);
	});
});
