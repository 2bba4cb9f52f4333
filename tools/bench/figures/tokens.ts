// Figure 5: the token requests of a 1,000-item NHN run with a credential that holds no token yet.
import { nodeOutputItems } from '../../n8n-harness';
import { nhnRequests, refused } from '../emulator-control';
import { ms, type Row } from '../report';
import { check, execute, reportRows, step, type World } from '../runs';
import { TOKEN_ITEMS, WF } from '../settings';
import { MEASURED } from '../workflows';

/** Figure 5: token requests during a 1,000-item run with a credential that holds no token yet. */
export async function tokens(world: World): Promise<Row[]> {
	step(`Figure 5: ${TOKEN_ITEMS} items (List File Types, default concurrency) with a credential that has no token yet`);
	await world.emu.reset();
	const { execution, nodeMs } = await execute(world, WF.tokens, `${TOKEN_ITEMS} items`);
	const items = nodeOutputItems(execution.run, MEASURED);
	check(items.length === TOKEN_ITEMS, `list file types output ${items.length} items, expected ${TOKEN_ITEMS}`);
	const state = await world.emu.state();
	return reportRows([
		{
			figure: `5. Token requests during a ${TOKEN_ITEMS.toLocaleString('en-US')}-item NHN run`,
			measured: String(state.nhn.tokensIssued),
			goal: '1',
			pass: state.nhn.tokensIssued === 1,
			detail:
				`emulator \`tokensIssued\` ${state.nhn.tokensIssued} (token endpoint calls ${state.nhn.tokenRequests}); ${nhnRequests(state).length} NHN API requests, ` +
				`${refused(state)} refused with 401; node executionTime ${ms(nodeMs)}; fresh credential, never used before this run.`,
		},
	]);
}
