/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- e2e tooling: self-test of the harness that drives a real n8n from jest, never published */
// Self-test of tools/n8n-harness: a throwaway community package (written below, built at test time) is packed,
// installed into fresh n8n user folders, executed by `n8n execute`, and its credential tested over REST.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import {
	cleanupE2e,
	createUserFolder,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	makeTempDir,
	n8nCli,
	nodeError,
	nodeOutputItems,
	nodeOutputJson,
	packPackage,
	readLogLines,
	runError,
	startServer,
	type CredentialInput,
	type WorkflowInput,
} from '../../tools/n8n-harness';
import { budgetForCommands, N8N_COMMAND_MS } from '../e2e/helpers/budgets';

const PACKAGE_NAME = 'n8n-nodes-ncp-nhn-attachment';

/** A minimal community package in plain JS, as `npm run build` would leave it in dist/. */
const PACKAGE_FILES: Record<string, string> = {
	'package.json': JSON.stringify(
		{
			name: PACKAGE_NAME,
			version: '0.0.0-harness-selftest',
			license: 'MIT',
			keywords: ['n8n-community-node-package'],
			files: ['dist'],
			n8n: {
				n8nNodesApiVersion: 1,
				strict: true,
				credentials: ['dist/credentials/SelfTestApi.credentials.js'],
				nodes: ['dist/nodes/SelfTest/SelfTest.node.js'],
			},
			peerDependencies: { 'n8n-workflow': '*' },
			devDependencies: { typescript: '5.9.3' },
		},
		null,
		2,
	),
	'dist/credentials/SelfTestApi.credentials.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SelfTestApi = void 0;
class SelfTestApi {
	constructor() {
		this.name = 'selfTestApi';
		this.displayName = 'Self Test API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}' } } };
		this.test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/check' } };
	}
}
exports.SelfTestApi = SelfTestApi;
`,
	'dist/nodes/SelfTest/SelfTest.node.js': `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SelfTest = void 0;
const n8n_workflow_1 = require("n8n-workflow");
class SelfTest {
	constructor() {
		this.description = {
			displayName: 'Self Test', name: 'selfTest', group: ['transform'], version: 1,
			description: 'Harness self-test node', defaults: { name: 'Self Test' },
			inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'selfTestApi', required: false }],
			properties: [{ displayName: 'Operation', name: 'operation', type: 'options', default: 'hello',
				options: [{ name: 'Hello', value: 'hello' }, { name: 'Check', value: 'check' }, { name: 'Fail', value: 'fail' }] }],
		};
	}
	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const operation = this.getNodeParameter('operation', i);
			if (operation === 'fail') throw new n8n_workflow_1.NodeOperationError(this.getNode(), 'asked to fail', { itemIndex: i });
			if (operation === 'check') {
				const { baseUrl } = await this.getCredentials('selfTestApi');
				const body = await this.helpers.httpRequestWithAuthentication.call(this, 'selfTestApi', { method: 'GET', url: baseUrl + '/check', json: true });
				out.push({ json: { checked: body }, pairedItem: { item: i } });
				continue;
			}
			out.push({ json: { hello: 'world' }, pairedItem: { item: i } });
		}
		return [out];
	}
}
exports.SelfTest = SelfTest;
`,
};

const GOOD_KEY = 'good-key';

function workflow(id: string, operation: string): WorkflowInput {
	return {
		id,
		name: `selftest ${operation}`,
		nodes: [
			{ id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'n2',
				name: 'Self Test',
				type: `${PACKAGE_NAME}.selfTest`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { operation },
				credentials: { selfTestApi: { id: 'selftestcred01', name: 'Self test' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Self Test', type: 'main', index: 0 }]] } },
	};
}

describe('e2e harness against a real n8n', () => {
	let tarball: string;
	let api: Server;
	let apiUrl: string;
	let credential: CredentialInput;
	const timings: Record<string, number> = {};

	beforeAll(async () => {
		const dir = await makeTempDir('selftest-package');
		for (const [file, content] of Object.entries(PACKAGE_FILES)) {
			await mkdir(dirname(join(dir, file)), { recursive: true });
			await writeFile(join(dir, file), content);
		}
		let t0 = Date.now();
		tarball = await packPackage(dir);
		timings['npm pack'] = Date.now() - t0;
		t0 = Date.now();
		expect(await packPackage(dir)).toBe(tarball);
		timings['npm pack (cached)'] = Date.now() - t0;

		// The service behind the credential: 200 for the good key, 401 otherwise.
		api = createServer((req, res) => {
			const ok = req.url === '/check' && req.headers['x-api-key'] === GOOD_KEY;
			res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
			res.end(JSON.stringify(ok ? { ok: true } : { error: 'bad key' }));
		});
		await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
		const address = api.address();
		apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
		credential = { id: 'selftestcred01', name: 'Self test', type: 'selfTestApi', data: { baseUrl: apiUrl, apiKey: GOOD_KEY } };
	});

	afterAll(async () => {
		await new Promise((resolve) => api?.close(resolve));
		await cleanupE2e();
		console.log(
			`e2e harness timings (ms):\n${Object.entries(timings)
				.map(([what, ms]) => `  ${what.padEnd(48)} ${ms}`)
				.join('\n')}`,
		);
	});

	test('installs the package like n8n does, imports, and executes workflows', async () => {
		const t0 = Date.now();
		const folder = await createUserFolder({ tarball });
		timings['createUserFolder (first: migrates template db)'] = folder.timings.totalMs;
		timings['  of which package install'] = folder.timings.installMs;

		// Installed as n8n's installer leaves it: no peer or dev dependencies, recorded in the ledger.
		expect(folder.package).toMatchObject({ name: PACKAGE_NAME, version: '0.0.0-harness-selftest' });
		const installed = JSON.parse(await readFile(join(folder.package.dir, 'package.json'), 'utf8'));
		expect(installed.peerDependencies).toBeUndefined();
		expect(installed.devDependencies).toBeUndefined();
		const ledger = JSON.parse(await readFile(join(folder.nodesDir, 'package.json'), 'utf8'));
		expect(ledger).toEqual({
			name: 'installed-nodes',
			private: true,
			dependencies: { [PACKAGE_NAME]: '0.0.0-harness-selftest' },
		});

		let t1 = Date.now();
		await importCredentials(folder, [credential]);
		timings['import:credentials'] = Date.now() - t1;
		t1 = Date.now();
		await importWorkflow(folder, [workflow('selftestHello01', 'hello'), workflow('selftestCheck01', 'check'), workflow('selftestFail01', 'fail')]);
		timings['import:workflow (3 workflows)'] = Date.now() - t1;

		// Plain credential data is stored encrypted.
		const exportFile = join(folder.inputDir, 'exported-credentials.json');
		const exported = await n8nCli(folder, ['export:credentials', '--all', `--output=${exportFile}`]);
		expect(exported.exitCode).toBe(0);
		const [stored] = JSON.parse(await readFile(exportFile, 'utf8'));
		expect(typeof stored.data).toBe('string');
		expect(stored.data).not.toContain(GOOD_KEY);

		const hello = await executeWorkflow(folder, 'selftestHello01', { timeoutMs: N8N_COMMAND_MS });
		timings['execute (hello)'] = hello.ms;
		timings['fresh folder + imports + one execute'] = Date.now() - t0 - exported.ms;
		expect(hello.exitCode).toBe(0);
		expect(hello.run?.status).toBe('success');
		expect(nodeOutputItems(hello.run!, 'Self Test')).toEqual([{ json: { hello: 'world' }, pairedItem: { item: 0 } }]);

		// The imported credential decrypts and authenticates a request made during a CLI execution.
		const check = await executeWorkflow(folder, 'selftestCheck01', { timeoutMs: N8N_COMMAND_MS });
		timings['execute (check, HTTP with credential)'] = check.ms;
		expect(check.exitCode).toBe(0);
		expect(nodeOutputJson(check.run!, 'Self Test')).toEqual([{ checked: { ok: true } }]);

		// A node error: exit code 1, and the run still comes back with the error on the node.
		const fail = await executeWorkflow(folder, 'selftestFail01', { timeoutMs: N8N_COMMAND_MS });
		timings['execute (fail)'] = fail.ms;
		expect(fail.exitCode).toBe(1);
		expect(fail.run?.status).toBe('error');
		expect(nodeError(fail.run!, 'Self Test')).toMatchObject({ message: 'asked to fail' });
		expect(runError(fail.run!)?.message).toBe('asked to fail');

		// The command's JSON-lines log holds the same run, for tests that scan logs.
		const log = await readLogLines(fail.logFile);
		expect(log.some((entry) => entry.message.includes('asked to fail'))).toBe(true);
	}, budgetForCommands(8));

	test('starts a server, logs in, and tests credentials over REST', async () => {
		const folder = await createUserFolder({ tarball });
		timings['createUserFolder (warm)'] = folder.timings.totalMs;
		await importCredentials(folder, [credential]);

		const server = await startServer(folder);
		timings['server start to ready'] = server.readyMs;
		try {
			await server.login();
			// The editor's credential types include the package's (a static file outside /rest).
			const types = await server.http<Array<{ name: string }>>('GET', '/types/credentials.json');
			expect(types.status).toBe(200);
			expect(types.data.map((t) => t.name)).toContain('selfTestApi');

			// Unsaved values (what the editor sends before a credential exists): no id.
			const t0 = Date.now();
			expect(await server.testCredential({ type: 'selfTestApi', name: 'new', data: { baseUrl: apiUrl, apiKey: GOOD_KEY } })).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			timings['credential test (REST)'] = Date.now() - t0;
			const bad = await server.testCredential({ type: 'selfTestApi', name: 'new', data: { baseUrl: apiUrl, apiKey: 'wrong' } });
			expect(bad.status).toBe('Error');

			// A stored credential, as the editor tests it after saving: by id, with the values being edited.
			expect((await server.testCredential(credential)).status).toBe('OK');
			expect((await server.testCredential({ ...credential, data: { ...credential.data, apiKey: 'wrong' } })).status).toBe('Error');

			// The package's node and credential are loaded by the server too.
			const nodeTypes = await server.rest<Array<{ displayName: string }>>('POST', '/node-types', {
				nodeInfos: [{ name: `${PACKAGE_NAME}.selfTest`, version: 1 }],
			});
			expect(nodeTypes.status).toBe(200);
			expect(nodeTypes.data.map((t) => t.displayName)).toEqual(['Self Test']);
		} finally {
			const t0 = Date.now();
			await server.stop();
			timings['server stop'] = Date.now() - t0;
		}
		expect(server.output()).toContain('Editor is now accessible');
	}, budgetForCommands(3));
});
