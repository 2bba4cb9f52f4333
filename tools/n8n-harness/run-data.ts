// Reading the run JSON that `n8n execute --rawOutput` prints (an IRun): node outputs and errors.

/** One output item as n8n stores it in run data. */
export interface RunItem {
	json: Record<string, unknown>;
	binary?: Record<string, { id?: string; data?: string; mimeType?: string; fileName?: string; fileSize?: string }>;
	pairedItem?: { item: number; input?: number } | Array<{ item: number; input?: number }> | number;
	error?: unknown;
}

/** The serialised form of an n8n error (NodeApiError / NodeOperationError / ...). */
export interface RunError {
	message: string;
	description?: string | null;
	name?: string;
	httpCode?: string | null;
	node?: { name: string; type: string };
	context?: Record<string, unknown>;
	stack?: string;
	[key: string]: unknown;
}

/** One run of one node (ITaskData). */
export interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	data?: Record<string, Array<RunItem[] | null>>;
	error?: RunError;
	source: unknown[];
	hints?: unknown[];
}

/** What `n8n execute --rawOutput` prints (IRun). */
export interface N8nRun {
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: RunError;
			lastNodeExecuted?: string;
		};
	};
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string;
	stoppedAt?: string;
}

/** True when `value` looks like a run (has data.resultData.runData). */
export function isRun(value: unknown): value is N8nRun {
	const data = (value as { data?: { resultData?: { runData?: unknown } } } | null)?.data;
	return typeof data?.resultData?.runData === 'object' && data.resultData.runData !== null;
}

/**
 * The run JSON inside command output: from the first line starting with `{` to the first line that is exactly
 * `}` (n8n prints log lines before it, and on failure more lines after it). Undefined if there is none.
 */
export function parseRunJson(output: string): N8nRun | undefined {
	const lines = output.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index > start && line.trimEnd() === '}');
	if (end < 0) return undefined;
	try {
		const parsed: unknown = JSON.parse(lines.slice(start, end + 1).join('\n'));
		return isRun(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/** The runs of a node (several when it ran in a loop); throws when the node did not run at all. */
export function nodeRuns(run: N8nRun, nodeName: string): NodeRun[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) {
		const ran = Object.keys(run.data.resultData.runData).join(', ') || 'none';
		throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran})`);
	}
	return runs;
}

/** The items a node emitted on one output (default: first output of the first run). */
export function nodeOutputItems(
	run: N8nRun,
	nodeName: string,
	options: { output?: number; runIndex?: number; connectionType?: string } = {},
): RunItem[] {
	const taskData = nodeRuns(run, nodeName)[options.runIndex ?? 0];
	if (!taskData) throw new Error(`Node "${nodeName}" has no run ${options.runIndex ?? 0}`);
	return taskData.data?.[options.connectionType ?? 'main']?.[options.output ?? 0] ?? [];
}

/** Just the `json` of each item of nodeOutputItems. */
export function nodeOutputJson(
	run: N8nRun,
	nodeName: string,
	options: { output?: number; runIndex?: number } = {},
): Array<Record<string, unknown>> {
	return nodeOutputItems(run, nodeName, options).map((item) => item.json);
}

/** The error a node failed with (in its run data), or undefined when it succeeded or did not run. */
export function nodeError(run: N8nRun, nodeName: string, runIndex = 0): RunError | undefined {
	return run.data.resultData.runData[nodeName]?.[runIndex]?.error;
}

/** The error that stopped the whole execution, if any. */
export function runError(run: N8nRun): RunError | undefined {
	return run.data.resultData.error;
}
