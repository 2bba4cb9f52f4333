// The shape of an n8n user folder: its own file so the environment (env.ts) can read it without importing the code that
// creates folders (user-folder.ts imports env.ts).
import type { N8nInstall } from './paths';

/** The folders and ports of one n8n instance. */
export interface UserFolderLayout {
	/** N8N_USER_FOLDER. */
	dir: string;
	/** `<dir>/.n8n`: config, database.sqlite, nodes/. */
	n8nDir: string;
	/** `<dir>/.n8n/nodes`: n8n's community-package folder (its package.json is the install ledger). */
	nodesDir: string;
	/** N8N_RESTRICT_FILE_ACCESS_TO: the only folder "Read/Write Files from Disk" may touch. */
	filesDir: string;
	/** Server output, per-command logs and n8n's own JSON-lines log. */
	logsDir: string;
	/** N8N_LOG_FILE_LOCATION for the server: one JSON object per line. */
	logFile: string;
	/** Where import files are written. */
	inputDir: string;
	/** N8N_PORT and N8N_RUNNERS_BROKER_PORT of the server on this folder. */
	port: number;
	brokerPort: number;
	/** The n8n that runs on this folder; default: n8n 2.41.1 (n8nInstall()). */
	install?: N8nInstall;
	/** Environment every n8n command on this folder gets (a database, queue mode), below a command's own. */
	env?: Record<string, string>;
}
