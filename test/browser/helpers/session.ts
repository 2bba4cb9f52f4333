/* eslint-disable no-console, @n8n/community-nodes/require-node-api-error -- test tooling: browser tests print one timing line per case and the screenshots they wrote, and rethrow a failed case as it is; never published */
// What the browser test file shares across its cases: one user folder, one emulator, one n8n server and one
// browser page, set up once (`setUp` in beforeAll, `tearDown` in afterAll), and the per-case tools: a timed case
// that keeps the page on failure, a screenshot recorder, and the emulator's request log read as lines.
import { cleanupE2e, startServer, type RunningN8n, type WorkflowInput } from '../../../tools/n8n-harness';
import { EXAMPLE_FILES, loadExample } from '../../../tools/n8n-harness/fixtures';
import type { EmulatorStateView } from '../../e2e/helpers/emulator';
import { E2eSuite } from '../../e2e/helpers/suite';
import { WORKFLOWS } from './browser-workflows';
import { openEditor, saveFailure, screenshot, type Editor, type ShotOptions } from './editor';

type RequestSeen = EmulatorStateView['requests'][number];

/** A request of the emulator's log as one line: `METHOD /path?query status`. */
export const requestLine = (r: RequestSeen) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''} ${r.status}`;

export class BrowserSession {
	suite!: E2eSuite;
	server!: RunningN8n;
	editor!: Editor;
	/** The id of the first example imported (Example 1 unless told otherwise). */
	exampleId!: string;
	/** The ids of the examples imported, by file name. */
	readonly exampleIds: Record<string, string> = {};
	private readonly shots: Array<{ name: string; bytes: number }> = [];

	/** `workflows` and `examples` (file names in examples/) are imported before n8n starts. */
	constructor(private readonly imports: { workflows: WorkflowInput[]; examples: string[] } = { workflows: WORKFLOWS, examples: [EXAMPLE_FILES[0]] }) {}

	get page() {
		return this.editor.page;
	}

	/** The package, the user folder, the emulator, the imports, n8n ready, and Chromium logged in. */
	async setUp(): Promise<void> {
		const t0 = Date.now();
		this.suite = await E2eSuite.start('browser', this.imports.workflows);
		const examples = await Promise.all(this.imports.examples.map(async (file) => await loadExample(file, this.suite.emulator.emulator)));
		examples.forEach((example, index) => (this.exampleIds[this.imports.examples[index]] = example.id as string));
		this.exampleId = examples[0]?.id as string;
		await this.suite.importWorkflows(examples);
		this.server = await startServer(this.suite.folder, { env: this.suite.env() });
		this.editor = await openEditor(this.server);
		this.suite.timings.push({ name: `whole setup: package, user folder, emulator, imports, n8n ready in ${this.server.readyMs} ms, Chromium logged in`, ms: Date.now() - t0, runs: [] });
	}

	/** Closes what `setUp` got as far as opening, and prints the timings, page errors and screenshots. */
	async tearDown(): Promise<void> {
		if (this.editor) await this.editor.close();
		if (this.server) await this.server.stop();
		if (this.suite) {
			console.log(
				`${this.suite.timingReport()}\nbrowser: page errors: ${this.editor?.pageErrors.length ?? 0}\nbrowser: screenshots:\n${this.shots.map((s) => `  ${s.name} ${s.bytes} bytes`).join('\n')}`,
			);
			await this.suite.close();
		}
		await cleanupE2e();
	}

	shot = async (name: string, clip?: ShotOptions): Promise<void> => {
		this.shots.push({ name: `${name}.png`, bytes: await screenshot(this.editor.page, name, clip) });
	};

	/** A case: timed, and on an unexpected failure a screenshot and the DOM kept under the e2e root. */
	step = async (name: string, body: () => Promise<void>, { knownToFail = false } = {}): Promise<void> => {
		await this.suite.timed(name, async () => {
			try {
				await body();
			} catch (error) {
				if (this.editor && !knownToFail) console.log(`browser case "${name}" failed; page kept in ${await saveFailure(this.editor.page, name)}`);
				throw error;
			}
		});
	};

	/** The emulator's API requests since `from` (an index into the request log). */
	requestsSince = async (from: number) => (await this.suite.emulator.state()).requests.slice(from);
	requestCount = async () => (await this.suite.emulator.state()).requests.length;
}
