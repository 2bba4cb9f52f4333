// The workflows the browser tests import before n8n starts: an empty one for the node creator, and one holding a
// node per provider and operation for the parameter panels.
import { attachmentNode, manualTrigger, workflow } from '../../e2e/helpers/workflows';
import { PANELS } from './panels';

export const WF = { creator: 'brCreator', panels: 'brPanels' };

export const WORKFLOWS = [
	workflow(WF.creator, 'browser: node creator', [manualTrigger()], []),
	workflow(
		WF.panels,
		'browser: one node per provider and operation',
		PANELS.map((panel) => attachmentNode(panel.name, panel.resource, panel.operation, panel.parameters)),
		[],
	),
];
