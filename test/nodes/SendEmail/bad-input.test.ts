// Send Email: every local refusal is a NodeOperationError naming the item and the field, raised before any request
// (the emulator sees nothing, not even a token request); with Continue On Fail it becomes the item's error item.
import type { INodeParameters } from 'n8n-workflow';

import type { FixtureItem } from '../../engine/harness';
import { chain, fixtureSource, runWorkflow } from '../../engine/harness';
import { useEmulator } from '../Attachment/shared';
import { adminState, NODE, resetEmulator, sendEmailNode, sendSetup } from './setup';

const emulator = useEmulator();
beforeEach(async () => await resetEmulator(emulator()));

const MB = 1024 * 1024;
const base = { fromEmail: 'sender@example.com', toEmail: 'to@example.com', subject: 'Subject', body: 'Body' };
const file = (fileName: string, size: number) => ({ size, fill: 'x', fileName });
const soon = () => new Date(Date.now() + 86_400_000).toISOString();

interface Case {
	name: string;
	provider: 'ncp' | 'nhn';
	parameters: INodeParameters;
	item?: FixtureItem;
	error: RegExp;
}

const CASES: Case[] = [
	{ name: 'an address that is not an address', provider: 'ncp', parameters: { toEmail: 'to@example.com, not-an-address' }, error: /^To Email of item 0: "not-an-address" is not an email address/ },
	{ name: 'an address with a space', provider: 'nhn', parameters: { fromEmail: 'send er@example.com' }, error: /^From Email of item 0: "send er@example.com" is not an email address/ },
	{ name: 'a local part over 64 characters', provider: 'nhn', parameters: { toEmail: `${'a'.repeat(65)}@example.com` }, error: /^To Email of item 0: .* local part over 64/ },
	{ name: 'two From addresses', provider: 'ncp', parameters: { fromEmail: 'a@example.com, b@example.com' }, error: /^From Email of item 0 must be one address/ },
	{ name: 'no recipient', provider: 'ncp', parameters: { toEmail: ' , ' }, error: /^Item 0 has no recipient: To Email is empty/ },
	{ name: 'no recipient (NHN, empty list from an expression)', provider: 'nhn', parameters: { toEmail: '={{ [] }}' }, error: /^Item 0 has no recipient/ },
	{ name: 'a To expression giving a number', provider: 'nhn', parameters: { toEmail: '={{ 5 }}' }, error: /^To Email of item 0 must be text or a list of addresses/ },
	{ name: '31 CC', provider: 'ncp', parameters: { ccEmail: Array.from({ length: 31 }, (_, i) => `cc${i}@example.com`).join(',') }, error: /^CC Email of item 0 has 31 addresses; .* at most 30/ },
	{ name: '31 BCC', provider: 'ncp', parameters: { bccEmail: Array.from({ length: 31 }, (_, i) => `b${i}@example.com`).join(',') }, error: /^BCC Email of item 0 has 31 addresses/ },
	{ name: 'over 100,000 recipients', provider: 'ncp', parameters: { toEmail: `={{ Array.from({ length: 100001 }, (_, i) => 'r' + i + '@example.com') }}` }, error: /^Item 0 has 100001 recipients; .* at most 100,000/ },
	{ name: 'CC with Send Individually on', provider: 'ncp', parameters: { ccEmail: 'cc@example.com', additionalFields: { individual: true } }, error: /^Item 0 has CC or BCC recipients with Send Individually on/ },
	{ name: 'a From Name over 69 bytes', provider: 'ncp', parameters: { fromName: '가'.repeat(24) }, error: /^From Name of item 0 is 72 bytes; .* at most 69/ },
	{ name: 'a recipient name over 69 characters', provider: 'ncp', parameters: { toEmail: `${'n'.repeat(70)} <to@example.com>` }, error: /^The name of "to@example.com" in item 0 is over 69 characters/ },
	{ name: 'a subject over 500 bytes', provider: 'ncp', parameters: { subject: '가'.repeat(167) }, error: /^Subject of item 0 is 501 bytes; .* at most 500/ },
	{ name: 'a body over 500 KB', provider: 'ncp', parameters: { body: '={{ "x".repeat(512001) }}' }, error: /^Body of item 0 is 512,001 bytes as sent; .* 500 KB/ },
	{ name: 'a Text body over 500 KB once escaped', provider: 'ncp', parameters: { emailFormat: 'text', body: '={{ "<".repeat(130000) }}' }, error: /^Body of item 0 is 520,000 bytes as sent/ },
	{ name: 'an ad without basic unsubscribe message and without its own', provider: 'ncp', parameters: { additionalFields: { advertising: true, useBasicUnsubscribeMsg: false } }, error: /^Item 0 is advertising without the basic unsubscribe message, so it needs an Unsubscribe Message/ },
	{ name: 'a References Header over 100 characters', provider: 'ncp', parameters: { additionalFields: { referencesHeader: `<${'r'.repeat(100)}@x.io>` } }, error: /^References Header of item 0 is over 100/ },
	{ name: 'Substitution Parameters that are not JSON', provider: 'ncp', parameters: { additionalFields: { parameters: '{name:' } }, error: /^Substitution Parameters of item 0 is not valid JSON/ },
	{ name: 'Template Parameters that are a list', provider: 'nhn', parameters: { additionalFields: { templateParameters: '[1]' } }, error: /^Template Parameters of item 0 must be a JSON object/ },
	{ name: 'a Send At in the past', provider: 'ncp', parameters: { additionalFields: { sendAt: '2020-01-01T00:00:00Z' } }, error: /^Send At of item 0 \(2020-01-01T00:00:00.000Z\) is in the past/ },
	{ name: 'a Send At that is not a date', provider: 'nhn', parameters: { additionalFields: { sendAt: 'tomorrow' } }, error: /^Send At of item 0 is not a date and time/ },
	{ name: 'a Send At over 60 days ahead', provider: 'nhn', parameters: { additionalFields: { sendAt: new Date(Date.now() + 61 * 86_400_000).toISOString() } }, error: /^Send At of item 0 is more than 60 days ahead/ },
	{ name: 'Send At with Confirm Before Sending', provider: 'nhn', parameters: { additionalFields: { sendAt: soon(), confirmBeforeSend: true } }, error: /^Item 0 sets both Send At and Confirm in Console Before Sending/ },
	{ name: 'a blank subject', provider: 'nhn', parameters: { subject: '  ' }, error: /^Subject of item 0 is empty/ },
	{ name: 'an empty body', provider: 'nhn', parameters: { body: '' }, error: /^Body of item 0 is empty/ },
	{ name: 'an AD subject without its label', provider: 'nhn', parameters: { subject: 'Sale', additionalFields: { messagePurpose: 'AD' } }, error: /^Subject of item 0 must begin with an advertising label .*\(광고\)/ },
	{ name: 'a Statistics Key ID over 8 characters', provider: 'nhn', parameters: { additionalFields: { statsKeyId: '123456789' } }, error: /^Statistics Key ID of item 0 is over 8 characters/ },
	{ name: 'a missing binary field', provider: 'ncp', parameters: { attachments: 'data, missing' }, item: { json: {}, binary: { data: { text: 'x', fileName: 'x.txt' } } }, error: /^Item 0 has no binary property "missing"/ },
	{ name: 'an empty file', provider: 'nhn', parameters: { attachments: 'data' }, item: { json: {}, binary: { data: { text: '', fileName: 'empty.txt' } } }, error: /^The file "empty.txt" in binary property "data" of item 0 is empty/ },
	{ name: 'an NCP file over 10 MB', provider: 'ncp', parameters: { attachments: 'big' }, item: { json: {}, binary: { big: file('big.bin', 10 * MB + 1) } }, error: /^The file "big.bin" .* of item 0 is 10,485,761 bytes; Cloud Outbound Mailer accepts at most 10,485,760 bytes per file/ },
	{ name: 'NCP files over 20 MB together', provider: 'ncp', parameters: { attachments: 'a,b,c' }, item: { json: {}, binary: { a: file('a.bin', 7 * MB), b: file('b.bin', 7 * MB), c: file('c.bin', 7 * MB) } }, error: /^The attachments of item 0 add up to 21 MB; Cloud Outbound Mailer \(reported limit\) takes at most 20 MB per mail/ },
	{ name: 'an NHN file over 30 MB', provider: 'nhn', parameters: { attachments: 'big' }, item: { json: {}, binary: { big: file('big.pdf', 30 * MB + 1) } }, error: /^The file "big.pdf" .* of item 0 is 31,457,281 bytes; Notification Hub accepts at most 31,457,280 bytes per file/ },
	{ name: 'NHN files over 30 MB together', provider: 'nhn', parameters: { attachments: 'a,b' }, item: { json: {}, binary: { a: file('a.pdf', 16 * MB), b: file('b.pdf', 16 * MB) } }, error: /^The attachments of item 0 add up to 32 MB; Notification Hub takes at most 30 MB per mail/ },
	{ name: 'a forbidden extension (NHN)', provider: 'nhn', parameters: { attachments: 'tool' }, item: { json: {}, binary: { tool: { text: 'MZ', fileName: 'tool.EXE' } } }, error: /^The file "tool.EXE" in binary property "tool" of item 0 has the extension "exe", which EMAIL_DEFAULT \(email\) refuses/ },
	{ name: 'over 10 NHN attachments', provider: 'nhn', parameters: { attachmentIds: Array.from({ length: 11 }, (_, i) => `id-${i}`).join(',') }, error: /^Item 0 has 11 attachments; Notification Hub takes at most 10 per mail/ },
	{ name: 'attachments on an AUTH mail', provider: 'nhn', parameters: { attachmentIds: 'id-1', additionalFields: { messagePurpose: 'AUTH' } }, error: /^Item 0 is an AUTH \(verification\) mail with 1 attachments; Notification Hub sends AUTH mail without attachments/ },
	{ name: 'an attachment ID with a space', provider: 'ncp', parameters: { attachmentIds: '={{ ["ok-id", "bad id"] }}' }, error: /^Attachment IDs of item 0: "bad id" is not an ID/ },
	{ name: 'attachment IDs given as an object', provider: 'nhn', parameters: { attachmentIds: '={{ { id: 1 } }}' }, error: /^Attachment IDs of item 0 must be text or a list of IDs/ },
];

describe('Send Email: local refusals before any request', () => {
	it.each(CASES)('$provider: $name', async ({ provider, parameters, item, error }) => {
		const workflow = chain(fixtureSource([item ?? { json: {} }]), sendEmailNode(provider, { ...base, ...parameters }));
		const result = await runWorkflow(workflow, sendSetup(emulator()));

		const failure = result.errorOf(NODE);
		expect(failure?.name).toBe('NodeOperationError');
		expect(failure?.message).toMatch(error);
		expect((failure?.context as { itemIndex?: number } | undefined)?.itemIndex).toBe(0);
		expect((await adminState(emulator())).requests).toEqual([]);
	});

	it('names the failing item, and with Continue On Fail sends the good items only', async () => {
		const workflow = chain(
			fixtureSource([{ json: { to: 'one@example.com' } }, { json: { to: 'broken' } }, { json: { to: 'three@example.com' } }]),
			sendEmailNode('ncp', { ...base, toEmail: '={{ $json.to }}' }, { continueOnFail: true }),
		);
		const items = (await runWorkflow(workflow, sendSetup(emulator()))).outputOf(NODE);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toEqual({ error: 'To Email of item 1: "broken" is not an email address (local@domain.tld, no spaces)' });
		expect(items[0].json.requestId).toEqual(expect.any(String));
		expect(items[2].json.requestId).toEqual(expect.any(String));
		expect((await adminState(emulator())).ncp.mails.map((mail) => mail.recipients[0].address)).toEqual(['one@example.com', 'three@example.com']);
	});
});
