// Budgets for the slow steps of the end-to-end suites. They stop a step that hangs; they never judge speed. One
// `n8n` command (start-up, the work, shutdown) takes 10-20 s on an idle 2-core machine and several times that beside
// a CPU hog, so a budget is counted in n8n commands, each allowed far more than load alone can cost.

/** One n8n command: `n8n execute`, an import, an export, or a manual run over REST. */
export const N8N_COMMAND_MS = 5 * 60_000;

/** A test or a set-up that runs `commands` n8n commands (plus packing and installing the package, counted as one). */
export const budgetForCommands = (commands: number): number => commands * N8N_COMMAND_MS;

/** The most n8n commands one end-to-end test runs (the token test: three executions and an export). */
export const E2E_TEST_MS = budgetForCommands(6);
