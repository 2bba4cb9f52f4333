import { NCP_MAX_FILE_BYTES, NHN_MAX_FILE_BYTES, nhnFileTypeProblem } from '../../../../nodes/Attachment/helpers/limits';

const KB = 1024;
const MB = 1024 * KB;

describe('provider size limits', () => {
	it('are 10 MB per NCP file and 30 MB per NHN file', () => {
		expect(NCP_MAX_FILE_BYTES).toBe(10 * MB);
		expect(NHN_MAX_FILE_BYTES).toBe(30 * MB);
	});
});

describe('nhnFileTypeProblem', () => {
	it.each([
		['photo.jpg', 300 * KB, ['SMS_DEFAULT'], undefined],
		['photo.jpg', 300 * KB + 1, ['SMS_DEFAULT'], /is 307,201 bytes; SMS_DEFAULT \(SMS \(MMS\)\) accepts at most 307,200 bytes/],
		['photo.png', 10 * KB, ['SMS_DEFAULT'], /accepts only jpg, jpeg/],
		['photo.png', MB, ['RCS_DEFAULT'], undefined],
		['photo.gif', MB + 1, ['RCS_DEFAULT'], /is 1,048,577 bytes; RCS_DEFAULT \(RCS\) accepts at most 1,048,576 bytes/],
		['photo.png', 500 * KB, ['ALIMTALK_IMAGE', 'ALIMTALK_ITEM_HIGHLIGHT_IMAGE'], undefined],
		['photo.jpeg', 10 * KB, ['ALIMTALK_IMAGE'], /accepts only jpg, png/],
		['setup.EXE', 10, ['EMAIL_DEFAULT'], /extension "exe", which EMAIL_DEFAULT \(email\) refuses/],
		['notes.txt', 30 * MB, ['EMAIL_TEMPLATE'], undefined],
		['notes.txt', 30 * MB + 1, ['EMAIL_DEFAULT'], /is 31,457,281 bytes; EMAIL_DEFAULT \(email\) accepts at most 31,457,280 bytes/],
		['big.jpg', 400 * KB, ['EMAIL_DEFAULT', 'SMS_DEFAULT'], /SMS_DEFAULT/],
		['anything.bin', 5, ['SOME_FUTURE_TYPE'], undefined],
		['anything.js', 5, [], undefined],
	])('%s of %d bytes as %j', (fileName, size, fileTypes, expected) => {
		const problem = nhnFileTypeProblem(fileName, size, fileTypes);
		if (expected === undefined) expect(problem).toBeUndefined();
		else expect(problem).toMatch(expected);
	});
});
