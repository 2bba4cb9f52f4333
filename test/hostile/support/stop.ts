/**
 * Pressing Stop, as n8n does it: the execution's PCancelable (what `WorkflowExecute.run` returns) is cancelled,
 * which aborts the engine's abort controller, the signal nodes get from `getExecutionCancelSignal()`.
 */
import { WorkflowExecute } from 'n8n-core';

/** Captures the next executions started, so a test can cancel them while they run. */
export function captureExecutions(): { stop(): void; restore(): void } {
	const running: Array<{ cancel(): void }> = [];
	const original = WorkflowExecute.prototype.run;
	const spy = jest.spyOn(WorkflowExecute.prototype, 'run').mockImplementation(function (this: WorkflowExecute, ...args) {
		const execution = original.apply(this, args);
		running.push(execution);
		return execution;
	});
	return {
		stop: () => running.forEach((execution) => execution.cancel()),
		restore: () => spy.mockRestore(),
	};
}
