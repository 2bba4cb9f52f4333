// The e2e harness: runs the package in a real n8n 2.41.1 (or 1.123.x), installed the way users install community
// nodes, in one process or in queue mode. Needs scripts/ensure-n8n.sh to have run (it installs n8n into the project
// cache), and for queue mode scripts/ensure-queue-services.sh (Redis and PostgreSQL).
export { cleanupE2e, e2eRoot, keepE2e, makeTempDir, n8nBin, n8nHome, n8nInstall, N8N_VERSION, N8N1_VERSION } from './paths';
export type { N8nInstall } from './paths';
export { packPackage } from './pack';
export { createUserFolder, installCommunityPackage, layoutAt } from './user-folder';
export type { CreateUserFolderOptions, InstalledPackage, UserFolder } from './user-folder';
export type { UserFolderLayout } from './user-folder-layout';
export { E2E_ENCRYPTION_KEY, n8nEnv } from './env';
export { executeWorkflow, importCredentials, importWorkflow, n8nCli, readLogLines } from './cli';
export type { CliOptions, CredentialInput, ExecuteResult, LogEntry, WorkflowInput } from './cli';
export { isRun, nodeError, nodeOutputItems, nodeOutputJson, nodeRuns, parseRunJson, runError } from './run-data';
export type { N8nRun, NodeRun, RunError, RunItem } from './run-data';
export { E2E_OWNER, startServer } from './server';
export type { CredentialTestInput, CredentialTestResult, RestResponse, RunningN8n, StartServerOptions } from './server';
export { freePort, run } from './proc';
export type { RunResult } from './proc';
export { startQueueCluster } from './queue';
export type { QueueCluster, QueueWorker, StartQueueClusterOptions } from './queue';
export { startCountingProxy } from './counting-proxy';
export type { CountingProxy, ProxiedRequest } from './counting-proxy';
