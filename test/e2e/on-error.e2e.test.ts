/* eslint-disable no-console -- e2e tests print one timing line per case */
// In a real n8n 2.41.1 with the package installed from its tarball, against the emulator: the node's three On Error
// settings on three items whose middle one is refused by the API (which branch gets which item), and an item with
// two binary fields uploaded in full by both providers' Upload with `*`. One user folder, one emulator.
import { cleanupE2e, nodeRuns, type N8nRun, type RunItem } from '../../tools/n8n-harness';
import { sha256 } from './helpers/emulator';
import { E2eSuite } from './helpers/suite';
import { attachmentNode, codeNode, codeWithFiles, manualTrigger, START, workflow } from './helpers/workflows';

jest.setTimeout(120_000);

const MISSING = 'no-such-temp-request-99';
const SETTINGS = { stop: undefined, continue: 'continueRegularOutput', errorOutput: 'continueErrorOutput' } as const;
const FIRST = { bytes: Buffer.from('first file of the item'), fileName: 'first.txt', mimeType: 'text/plain' };
const SECOND = { bytes: Buffer.from('second file, longer than the first'), fileName: 'second.txt', mimeType: 'text/plain' };

/** Start → three tempRequestIds (the middle one unknown) → NCP Get with `onError` → "Success branch" / "Error branch". */
function onErrorWorkflow(id: string, ids: string[], onError?: string) {
	const base = workflow(
		id,
		`On Error: ${onError ?? 'stopWorkflow'}`,
		[
			manualTrigger(),
			codeNode('Three IDs', `return ${JSON.stringify(ids.map((tempRequestId) => ({ json: { tempRequestId } })))};`),
			attachmentNode('Get', 'ncp', 'get', { tempRequestId: '={{ $json.tempRequestId }}', options: {} }, onError ? { onError } : {}),
			{ name: 'Success branch', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
			{ name: 'Error branch', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
		],
		[
			[START, 'Three IDs'],
			['Three IDs', 'Get'],
			['Get', 'Success branch'],
		],
	);
	if (onError === 'continueErrorOutput') {
		(base.connections as Record<string, { main: unknown[][] }>).Get.main.push([{ node: 'Error branch', type: 'main', index: 0 }]);
	}
	return base;
}

/** What a branch node received: each item's tempRequestId, or its error message. */
function received(run: N8nRun, node: string): unknown[] | 'did not run' {
	if (!run.data.resultData.runData[node]) return 'did not run';
	const items = (nodeRuns(run, node)[0].data?.main?.[0] ?? []) as RunItem[];
	return items.map((item) => item.json.error ?? item.json.tempRequestId);
}

describe('On Error settings and multi-file uploads in a real n8n', () => {
	let suite: E2eSuite;
	let ids: string[];

	beforeAll(async () => {
		suite = await E2eSuite.start('on-error');
		const [one, two] = await Promise.all([FIRST, SECOND].map(async (file) => await suite.emulator.ncpUpload([file])));
		ids = [one.tempRequestId, MISSING, two.tempRequestId];
		await suite.importWorkflows([
			onErrorWorkflow('wfOnErrorStop', ids, SETTINGS.stop),
			onErrorWorkflow('wfOnErrorContinue', ids, SETTINGS.continue),
			onErrorWorkflow('wfOnErrorOutput', ids, SETTINGS.errorOutput),
			workflow(
				'wfTwoBinaries',
				'Two binaries, both providers',
				[
					manualTrigger(),
					codeWithFiles('Item with two files', [{ binary: { data: FIRST, data_1: SECOND } }]),
					attachmentNode('NCP upload all', 'ncp', 'upload', { binaryPropertyName: '*', options: {} }),
					attachmentNode('NHN upload all', 'nhn', 'upload', { binaryPropertyName: '*', fileTypes: ['EMAIL_DEFAULT'], options: {} }),
				],
				[
					[START, 'Item with two files'],
					['Item with two files', 'NCP upload all'],
					['Item with two files', 'NHN upload all'],
				],
			),
		]);
	}, 180_000);

	afterAll(async () => {
		if (suite) {
			console.log(suite.timingReport());
			await suite.close();
		}
		await cleanupE2e();
	});

	it('Stop Workflow: the run fails on the middle item; no branch gets anything', async () => {
		await suite.timed('On Error: Stop Workflow', async () => {
			const { run, exitCode } = await suite.execute('wfOnErrorStop');
			console.log(`Stop Workflow: run ${run.status}, error "${run.data.resultData.error?.message}"; success branch: ${JSON.stringify(received(run, 'Success branch'))}`);
			expect(exitCode).not.toBe(0);
			expect(run.status).toBe('error');
			expect(run.data.resultData.error?.message).toMatch(/^NAVER Cloud Outbound Mailer: HTTP 4\d\d, code 77103: /);
			expect(nodeRuns(run, 'Get')[0].error?.message).toBe(run.data.resultData.error?.message);
			expect(received(run, 'Success branch')).toBe('did not run');
		});
	});

	it('Continue: all three on the success branch, the middle one as an error item', async () => {
		await suite.timed('On Error: Continue', async () => {
			const run = await suite.executeOk('wfOnErrorContinue');
			const success = received(run, 'Success branch');
			console.log(`Continue: success branch got ${JSON.stringify(success)}; error branch: ${JSON.stringify(received(run, 'Error branch'))}`);
			expect(success).toEqual([ids[0], expect.stringMatching(/code 77103/), ids[2]]);
			const middle = (nodeRuns(run, 'Get')[0].data?.main?.[0] ?? [])[1] as RunItem;
			expect(middle.json).toEqual({
				error: expect.stringMatching(/^NAVER Cloud Outbound Mailer: HTTP 4\d\d, code 77103: /),
				description: 'The temporary file does not exist, or was deleted or has expired.',
				httpCode: expect.stringMatching(/^4\d\d$/),
				provider: 'NAVER Cloud Outbound Mailer',
				apiCode: '77103',
			});
			expect(middle.pairedItem).toEqual({ item: 1 });
			expect(received(run, 'Error branch')).toBe('did not run');
		});
	});

	it('Continue (using error output): items 0 and 2 on the success branch, item 1 on the error branch', async () => {
		await suite.timed('On Error: Continue (using error output)', async () => {
			const run = await suite.executeOk('wfOnErrorOutput');
			const success = received(run, 'Success branch');
			const failure = received(run, 'Error branch');
			console.log(`Continue (using error output): success branch got ${JSON.stringify(success)}; error branch got ${JSON.stringify(failure)}`);
			expect(success).toEqual([ids[0], ids[2]]);
			const [failed] = (nodeRuns(run, 'Error branch')[0].data?.main?.[0] ?? []) as RunItem[];
			expect(failure).toHaveLength(1);
			expect(failed.json).toEqual({
				tempRequestId: MISSING,
				error: expect.stringMatching(/^NAVER Cloud Outbound Mailer: HTTP 4\d\d, code 77103: /),
				details: {
					description: 'The temporary file does not exist, or was deleted or has expired.',
					httpCode: expect.stringMatching(/^4\d\d$/),
					provider: 'NAVER Cloud Outbound Mailer',
					apiCode: '77103',
				},
			});
			const getOutputs = nodeRuns(run, 'Get')[0].data?.main ?? [];
			expect(((getOutputs[0] ?? []) as RunItem[]).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(((getOutputs[1] ?? []) as RunItem[]).map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		});
	});

	it('an item with two binary fields is uploaded in full by NCP and NHN Upload with *', async () => {
		await suite.timed('two binaries, NCP and NHN upload with *', async () => {
			const before = await suite.emulator.state();
			const run = await suite.executeOk('wfTwoBinaries');
			const emu = await suite.emulator.state();

			const [ncp] = (nodeRuns(run, 'NCP upload all')[0].data?.main?.[0] ?? []) as RunItem[];
			expect((ncp.json.files as Array<{ fileName: string }>).map((file) => file.fileName)).toEqual(['first.txt', 'second.txt']);
			expect(ncp.json.tempRequestIds).toHaveLength(2);
			const storedNcp = emu.ncp.files.filter((file) => (ncp.json.tempRequestIds as string[]).includes(file.tempRequestId));
			expect(storedNcp.map((file) => [file.fileName, file.sha256])).toEqual([
				['first.txt', sha256(FIRST.bytes)],
				['second.txt', sha256(SECOND.bytes)],
			]);

			const nhn = (nodeRuns(run, 'NHN upload all')[0].data?.main?.[0] ?? []) as RunItem[];
			expect(nhn.map((item) => [item.json.fileName, item.pairedItem])).toEqual([
				['first.txt', { item: 0 }],
				['second.txt', { item: 0 }],
			]);
			const newNhn = emu.nhn.attachments.slice(before.nhn.attachments.length);
			expect(newNhn.map((attachment) => attachment.sha256).sort()).toEqual([sha256(FIRST.bytes), sha256(SECOND.bytes)].sort());
		});
	});
});
