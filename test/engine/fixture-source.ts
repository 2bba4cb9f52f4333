/**
 * Test-only start node: emits the items described in its `items` parameter.
 *
 * `items` (JSON string, or an array when the workflow is written in code):
 *   [{ json: {...}, binary?: { <property>: FixtureBinary }, pairedItem? }]
 * FixtureBinary = { base64 | text | (size + fill), fileName?, mimeType?, mode?: 'filesystem' | 'inline' }
 *   mimeType defaults to text/plain for `text`, else application/octet-stream.
 *   - 'filesystem' (default): stored with `this.helpers.prepareBinaryData`, so it carries an `id`
 *     (filesystem-v2:...) like every binary a real n8n node outputs.
 *   - 'inline': `{ data: <base64>, mimeType, fileName }` with no id, like an item built in a Code node.
 *   - `{ size: 26214400, fill: 'x' }` makes a large binary without putting base64 in the parameters.
 */
import { NodeConnectionTypes, NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export const FIXTURE_SOURCE_TYPE = 'test.fixtureSource';

export interface FixtureBinary {
	base64?: string;
	text?: string;
	size?: number;
	fill?: string;
	fileName?: string;
	mimeType?: string;
	mode?: 'filesystem' | 'inline';
}

export interface FixtureItem {
	json?: IDataObject;
	binary?: Record<string, FixtureBinary>;
}

function fixtureBytes(spec: FixtureBinary): Buffer {
	if (spec.base64 !== undefined) return Buffer.from(spec.base64, 'base64');
	if (spec.text !== undefined) return Buffer.from(spec.text, 'utf8');
	if (spec.size !== undefined) return Buffer.alloc(spec.size, spec.fill ?? 'x');
	throw new Error('fixture binary needs one of base64, text or size');
}

export class FixtureSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fixture Source',
		name: 'fixtureSource',
		group: ['transform'],
		version: 1,
		description: 'Test-only node: emits the items described in its parameters',
		defaults: { name: 'Fixture Source' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Items',
				name: 'items',
				type: 'json',
				default: '[]',
				description: 'Items to emit',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | FixtureItem[];
		const specs = typeof raw === 'string' ? jsonParse<FixtureItem[]>(raw) : raw;
		if (!Array.isArray(specs)) {
			throw new NodeOperationError(this.getNode(), 'Parameter "items" must be a JSON array');
		}
		const out: INodeExecutionData[] = [];
		for (const spec of specs) {
			const item: INodeExecutionData = { json: spec.json ?? {}, pairedItem: { item: 0 } };
			if (spec.binary) {
				item.binary = {};
				for (const [property, binarySpec] of Object.entries(spec.binary)) {
					const bytes = fixtureBytes(binarySpec);
					if ((binarySpec.mode ?? 'filesystem') === 'inline') {
						const inline: IBinaryData = { data: bytes.toString('base64'), mimeType: binarySpec.mimeType ?? '' };
						if (binarySpec.mimeType === undefined) delete (inline as Partial<IBinaryData>).mimeType;
						if (binarySpec.fileName !== undefined) inline.fileName = binarySpec.fileName;
						item.binary[property] = inline;
					} else {
						// Always pass a MIME type: without one (and no known file extension) n8n-core sniffs
						// the bytes with `await import('file-type')`, an ES module that jest cannot load
						// without --experimental-vm-modules.
						item.binary[property] = await this.helpers.prepareBinaryData(
							bytes,
							binarySpec.fileName,
							binarySpec.mimeType ?? (binarySpec.text !== undefined ? 'text/plain' : 'application/octet-stream'),
						);
					}
				}
			}
			out.push(item);
		}
		return [out];
	}
}
