// Show File Types Of and the File Types lists of the NHN operations: one list per channel, so that switching
// channel in the editor clears the other channel's picks (n8n drops the value of a parameter it no longer shows),
// and the node sends the file types of the list the chosen channel shows.
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Attachment } from '../../../../../nodes/Attachment/Attachment.node';
import { chain, fixtureSource } from '../../../../engine/harness';
import { nock } from '../../../../engine/nock';
import { anyRequest, ATTACHMENTS, nhnNode, ok, seenOf, withStoredToken, type Seen } from './shared';
import { NHN_ORIGIN, resetTokenCache, runWorkflow } from '../../shared';

const DESCRIPTION = new Attachment().description;
const PROPERTIES: INodeProperties[] = DESCRIPTION.properties;
const CHANNELS = ['', 'ALIMTALK', 'EMAIL', 'PUSH', 'RCS', 'SMS'];
const OPERATIONS = ['upload', 'validateBeforeUpload', 'validateUploaded', 'updateFileTypes'];

/** The node's parameters as the editor keeps them after a change: only those it shows. */
function asTheEditorKeeps(values: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(PROPERTIES, values, false, false, null, DESCRIPTION) ?? {};
}

/** The names of the File Types lists the panel shows for these values. */
function fileTypeListsShown(values: INodeParameters): string[] {
	const shown = NodeHelpers.getNodeParameters(PROPERTIES, values, true, false, null, DESCRIPTION) ?? {};
	const lists = PROPERTIES.filter((property) => property.typeOptions?.loadOptionsMethod === 'getFileTypes').map((property) => property.name);
	return Object.keys(shown).filter((name) => lists.includes(name));
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetTokenCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the File Types list of each channel', () => {
	it('every NHN operation with file types shows exactly one File Types list for each channel, a different one per channel', () => {
		for (const operation of OPERATIONS) {
			const lists = CHANNELS.map((fileTypeChannel) => fileTypeListsShown({ resource: 'nhn', operation, fileTypeChannel }));
			expect({ operation, counts: lists.map((names) => names.length) }).toEqual({ operation, counts: CHANNELS.map(() => 1) });
			expect(new Set(lists.flat()).size).toBe(CHANNELS.length);
		}
	});

	it('All Channels keeps the name fileTypes, so workflows saved with it keep their file types', () => {
		expect(fileTypeListsShown({ resource: 'nhn', operation: 'upload', fileTypeChannel: '' })).toEqual(['fileTypes']);
		expect(fileTypeListsShown({ resource: 'nhn', operation: 'upload' })).toEqual(['fileTypes']);
	});

	it('switching channel drops the file types picked under the old one, as the editor keeps the parameters', () => {
		const email = { resource: 'nhn', operation: 'upload', binaryPropertyName: 'data', fileTypeChannel: 'EMAIL', emailFileTypes: ['EMAIL_DEFAULT'] };
		expect(asTheEditorKeeps(email)).toMatchObject({ emailFileTypes: ['EMAIL_DEFAULT'] });
		const switched = asTheEditorKeeps({ ...email, fileTypeChannel: 'SMS' });
		expect(switched).toMatchObject({ fileTypeChannel: 'SMS' });
		expect(JSON.stringify(switched)).not.toContain('EMAIL_DEFAULT');
		// And back: the old picks do not come back either.
		expect(JSON.stringify(asTheEditorKeeps({ ...switched, fileTypeChannel: 'EMAIL' }))).not.toContain('EMAIL_DEFAULT');
	});

	it('the channel is a fixed choice, not an expression (the list shown depends on it)', () => {
		const channel = PROPERTIES.find((property) => property.name === 'fileTypeChannel');
		expect(channel?.noDataExpression).toBe(true);
	});
});

describe('the file types the node sends', () => {
	it('are those of the list the chosen channel shows; a list of another channel saved in the workflow is not sent', async () => {
		const seen: Seen[] = [];
		nock(NHN_ORIGIN)
			.post(`${ATTACHMENTS}/att-1/file-types`)
			.reply(async (request: Request) => {
				seen.push(await seenOf(request));
				return [200, ok()];
			});
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			// As a workflow saved by hand could hold it: SMS chosen, an Email pick left in the JSON.
			nhnNode({ operation: 'updateFileTypes', attachmentId: 'att-1', fileTypeChannel: 'SMS', smsFileTypes: ['SMS_DEFAULT'], emailFileTypes: ['EMAIL_DEFAULT'] }),
		);
		const result = await runWorkflow(workflow, withStoredToken());

		expect(seen.map((request) => request.json)).toEqual([{ fileTypes: ['SMS_DEFAULT'] }]);
		expect(result.outputOf('Attachment')[0].json).toEqual({ attachmentId: 'att-1', fileTypes: ['SMS_DEFAULT'], updated: true });
	});

	it('a required list left empty after a channel switch: n8n flags the field and runs nothing', async () => {
		const workflow = chain(
			fixtureSource([{ json: {} }]),
			nhnNode({ operation: 'updateFileTypes', attachmentId: 'att-1', fileTypeChannel: 'RCS', emailFileTypes: ['EMAIL_DEFAULT'] }),
		);
		const seen = anyRequest();

		await expect(runWorkflow(workflow, withStoredToken())).rejects.toThrow(/Parameter "File Type Names or IDs" is required/);
		expect(seen).toEqual([]);
	});
});
