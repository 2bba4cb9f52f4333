/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- e2e tests: write input files, print one timing line per case; never published */
// Read/Write Files from Disk → Send Email in a real n8n 2.41.1 with the package installed from its packed tarball,
// on both providers, against the emulator: one mail per item, each carrying its file byte for byte (SHA-256 of the
// input file equal to the emulator's record of the attachment).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { cleanupE2e, nodeOutputItems } from '../../tools/n8n-harness';
import { CREDENTIAL_IDS } from '../../tools/n8n-harness/fixtures';
import { sha256 } from './helpers/emulator';
import { E2eSuite } from './helpers/suite';
import { manualTrigger, readFromDisk, START, workflow } from './helpers/workflows';

jest.setTimeout(120_000);

const WF_ID = 'e2eSendEmailFromDisk';
const FILES = [
	{ name: 'invoice-1.pdf', bytes: Buffer.from('%PDF-1.4\n% first invoice \u0000\u00ff\n%%EOF\n', 'latin1') },
	{ name: 'invoice-2.pdf', bytes: Buffer.from('%PDF-1.4\n% second invoice \u0001\u00fe\n%%EOF\n', 'latin1') },
];

function sendEmail(name: string, resource: 'ncp' | 'nhn') {
	const credentials =
		resource === 'ncp'
			? { ncpOutboundMailerApi: { id: CREDENTIAL_IDS.ncp, name: 'NAVER Cloud Outbound Mailer (demo)' } }
			: { nhnCloudNotificationHubApi: { id: CREDENTIAL_IDS.nhn, name: 'NHN Cloud Notification Hub (demo)' } };
	return {
		name,
		type: 'n8n-nodes-ncp-nhn-attachment.sendEmail',
		typeVersion: 1,
		parameters: {
			resource,
			operation: 'send',
			fromEmail: 'billing@example.com',
			toEmail: 'customer@example.com',
			subject: '={{ $binary.data.fileName }}',
			body: '<p>Your invoice is attached.</p>',
			attachments: 'data',
			options: {},
		},
		credentials,
	};
}

interface AdminMail {
	provider: string;
	id: string;
	subject: string;
	attachments: Array<{ fileName: string; size: number }>;
	attachmentSha256: string[];
}

describe('Read/Write Files from Disk → Send Email in a real n8n', () => {
	let suite: E2eSuite;
	let folder: string;

	beforeAll(async () => {
		suite = await E2eSuite.start('send-email');
		folder = join(suite.folder.filesDir, 'send-email');
		await mkdir(folder, { recursive: true });
		for (const file of FILES) await writeFile(join(folder, file.name), file.bytes);
		await suite.importWorkflows([
			workflow(
				WF_ID,
				'e2e: files from disk, sent by email on both providers',
				[manualTrigger(), readFromDisk('Read files', join(folder, '*.pdf')), sendEmail('Send with NCP', 'ncp'), sendEmail('Send with NHN', 'nhn')],
				[
					[START, 'Read files'],
					['Read files', 'Send with NCP'],
					['Read files', 'Send with NHN'],
				],
			),
		]);
	}, 180_000);

	afterAll(async () => {
		if (suite) {
			console.log(suite.timingReport());
			expect(suite.secretFindings()).toEqual([]);
			await suite.close();
		}
		await cleanupE2e();
	});

	it('delivers one mail per file on each provider, each attachment with the SHA-256 of its input file', async () => {
		await suite.timed('Read files → Send Email (NCP, NHN)', async () => {
			const run = await suite.executeOk(WF_ID);
			const { mails } = await suite.emulator.admin<{ mails: AdminMail[] }>('GET', '/mails');

			for (const [provider, node] of [['ncp', 'Send with NCP'], ['nhn', 'Send with NHN']] as const) {
				const items = nodeOutputItems(run, node);
				expect(items).toHaveLength(FILES.length);
				const sent = mails.filter((mail) => mail.provider === provider);
				expect(sent.map((mail) => mail.subject).sort()).toEqual(FILES.map((file) => file.name));
				for (const file of FILES) {
					const mail = sent.find((m) => m.subject === file.name);
					expect(mail?.attachments).toEqual([expect.objectContaining({ fileName: file.name, size: file.bytes.length })]);
					expect(mail?.attachmentSha256).toEqual([sha256(file.bytes)]);
					console.log(`send-email: ${provider} ${file.name} sha256 ${sha256(file.bytes)} = emulator ${mail?.attachmentSha256[0]}`);
				}
				const ids = items.map((item) => (provider === 'ncp' ? item.json.requestId : item.json.messageId));
				expect(ids.sort()).toEqual(sent.map((mail) => mail.id).sort());
			}
		});
	});
});
