import { createHash } from 'crypto';

import { STREAM_FROM_BYTES } from '../../nodes/Attachment/helpers/binary-input';
import { chain, fixtureSource } from '../engine/harness';
import { attachmentNode, emulatorEngineCredentials, engineSetup, runWorkflow, useEmulator } from './setup';

// Stored files of 1 MiB or more are streamed from storage into the request. nock cannot intercept a body that a
// file stream feeds, so these runs go to the emulator, a real server on 127.0.0.1 that checks what it receives.
const emulator = useEmulator();

const SIZE = 3 * STREAM_FROM_BYTES + 123;
const FILL = 'streamed ';
const expectedSha = createHash('sha256').update(Buffer.alloc(SIZE, FILL)).digest('hex');

const credentials = (issuedAccessToken = '') => emulatorEngineCredentials(emulator(), issuedAccessToken);

const bigFile = fixtureSource([{ json: {}, binary: { data: { size: SIZE, fill: FILL, fileName: 'big.txt', mimeType: 'text/plain' } } }]);

describe('streamed uploads of stored files', () => {
	it('NCP stores the exact bytes of a file streamed from storage', async () => {
		const result = await runWorkflow(
			chain(bigFile, attachmentNode({ resource: 'ncp', operation: 'upload', binaryPropertyName: 'data' })),
			engineSetup(credentials()),
		);
		const [item] = result.outputOf('Attachment');
		const stored = emulator().snapshot().ncp.files.filter((file) => file.tempRequestId === item.json.tempRequestId);
		expect(stored.map((file) => [file.fileName, file.size, file.sha256])).toEqual([['big.txt', SIZE, expectedSha]]);
	});

	it('NHN resends a streamed upload intact after renewing a refused token', async () => {
		const before = emulator().snapshot().nhn.tokensIssued;
		const result = await runWorkflow(
			chain(
				bigFile,
				attachmentNode({ resource: 'nhn', operation: 'upload', binaryPropertyName: 'data', fileTypes: ['EMAIL_DEFAULT'] }),
			),
			engineSetup(credentials('a-token-the-emulator-never-issued')),
		);
		const [item] = result.outputOf('Attachment');
		const state = emulator().snapshot();
		const stored = state.nhn.attachments.find((attachment) => attachment.attachmentId === item.json.attachmentId);
		expect(stored && [stored.size, stored.sha256]).toEqual([SIZE, expectedSha]);
		expect(state.nhn.tokensIssued - before).toBe(1);
		expect(item.json.fileSizeByte).toBe(SIZE);
	});
});
