// The workflow of each e2e fault case: Manual Trigger → (a first NHN call that settles the access token) → a
// Code node making 3 items → one Attachment node per operation, Continue On Fail on, Concurrency 1.
import { caseFiles, caseIds } from './fault-case-data';
import { CASES, WRONG_NCP_CREDENTIAL, type FaultCase } from './fault-cases';
import { opByKey } from './fault-operations';
import { chain } from './workflow-edges';
import { attachmentNode, codeWithFiles, manualTrigger, START, workflow } from './workflows';

export const workflowId = (c: FaultCase) => `e2eFault-${c.key}`;

function caseWorkflow(c: FaultCase, index: number) {
	const ids = caseIds(index);
	const files = caseFiles(c);
	const hasNhn = c.ops.some((key) => opByKey(key).resource === 'nhn');
	const items = files.map((file, i) => ({ json: { item: i, ncpId: ids.ncp[i], nhnId: ids.nhn[i] }, binary: { data: file } }));
	const options = { concurrency: 1, ...c.options };
	const wrongCredential = c.key === 'ncpBadSig' ? { credentials: { ncpOutboundMailerApi: WRONG_NCP_CREDENTIAL } } : {};
	const nodes = [
		manualTrigger(),
		// An NHN call before the matrix: it meets (and renews) whatever token the credential holds, so the faulted
		// routes only ever see requests with a valid token.
		...(hasNhn ? [attachmentNode('Settle NHN token', 'nhn', 'listFileTypes', { messageChannel: 'EMAIL', options: {} })] : []),
		codeWithFiles('Three items', items),
		...c.ops.map((key) => {
			const op = opByKey(key);
			return attachmentNode(op.node, op.resource, key.slice(3).toLowerCase(), { ...op.parameters, options }, {
				onError: 'continueRegularOutput',
				...wrongCredential,
			});
		}),
	];
	const edges = hasNhn ? chain(START, 'Settle NHN token', 'Three items') : chain(START, 'Three items');
	for (const key of c.ops) edges.push(['Three items', opByKey(key).node]);
	return workflow(workflowId(c), `e2e fault: ${c.title}`, nodes, edges);
}

/** One workflow per case, in the order of CASES (a case's index fixes its seeded IDs). */
export const FAULT_WORKFLOWS = CASES.map((c, index) => caseWorkflow(c, index));
