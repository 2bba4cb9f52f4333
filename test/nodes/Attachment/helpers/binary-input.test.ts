import { BinaryDataService } from 'n8n-core';

import { chain, fixtureSource } from '../../../engine/harness';
import { nock } from '../../../engine/nock';
import { attachmentNode, engineSetup, NCP_ORIGIN, runWorkflow } from '../shared';

const KB = 1024;
const MB = 1024 * KB;

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	jest.restoreAllMocks();
});
afterAll(() => nock.enableNetConnect());

/** The stored file's metadata claims `claimed` bytes whatever the file holds (a file changed after it was stored). */
function metadataClaims(claimed: number) {
	const original = BinaryDataService.prototype.getMetadata;
	jest.spyOn(BinaryDataService.prototype, 'getMetadata').mockImplementation(async function (this: BinaryDataService, id: string) {
		return { ...(await original.call(this, id)), fileSize: claimed };
	});
}

describe('a stored file whose bytes differ from its metadata', () => {
	it.each([
		['holds far more than its metadata says (small by metadata, read under a cap)', 900 * KB, 3 * MB, /holds more than 921,600 bytes, but its metadata says 921,600 bytes; nothing was uploaded/],
		['holds fewer bytes than its metadata says', 900 * KB, 100 * KB, /holds 102,400 bytes, but its metadata says 921,600 bytes; nothing was uploaded/],
		['holds more than its metadata says (large by metadata, streamed)', 2 * MB, 5 * MB, /holds more than 2,097,152 bytes, but its metadata says 2,097,152 bytes; nothing was uploaded/],
	])('%s: the item fails with a clear error and the service gets no complete upload', async (_case, claimed, actual, message) => {
		let completed = 0;
		nock(NCP_ORIGIN)
			.post('/api/v1/files')
			.optionally()
			.reply(() => {
				completed += 1;
				return [201, { tempRequestId: 'tmp', files: [{ fileName: 'a.bin', fileSize: 1, fileId: 'f' }] }];
			});
		metadataClaims(claimed);
		const workflow = chain(
			fixtureSource([{ json: {}, binary: { data: { size: actual, fill: 'x', fileName: 'a.bin' } } }]),
			attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data' }, { continueOnFail: true }),
		);
		const [item] = (await runWorkflow(workflow, engineSetup())).outputOf('Attachment');
		expect(item.json.error).toMatch(message);
		// The service never received a complete upload: the send was abandoned before the body ended.
		expect(completed).toBe(0);
	});
});
