import { failIfInvalid, validationVerdict } from '../../../../nodes/Attachment/transport/nhn';
import { errorContext } from '../fake-context';

const ok = { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' };

describe('validationVerdict', () => {
	it('reports each file type with its own result', () => {
		const body = {
			header: ok,
			results: [ok, { isSuccessful: false, resultCode: 400612, resultMessage: 'Size over limit' }],
		};
		const verdict = validationVerdict(errorContext, 0, ['EMAIL_DEFAULT', 'SMS_DEFAULT'], { status: 200, headers: {}, body }, body);
		expect(verdict).toEqual({
			valid: false,
			fileTypes: ['EMAIL_DEFAULT', 'SMS_DEFAULT'],
			results: [
				{ fileType: 'EMAIL_DEFAULT', valid: true, code: '0', message: 'SUCCESS' },
				{ fileType: 'SMS_DEFAULT', valid: false, code: '400612', message: 'Size over limit' },
			],
		});
	});

	it('reads a 400 refusal of the file as a verdict, not an error', () => {
		const body = { header: { isSuccessful: false, resultCode: 400613, resultMessage: 'Invalid media format' } };
		const verdict = validationVerdict(errorContext, 0, ['RCS_DEFAULT'], { status: 400, headers: {}, body }, body);
		expect(verdict.valid).toBe(false);
		expect(verdict.results).toEqual([{ fileType: null, valid: false, code: '400613', message: 'Invalid media format' }]);
	});

	it('throws for what is not about the file: a missing attachment, auth, a server error', () => {
		const missing = { header: { isSuccessful: false, resultCode: 404202, resultMessage: 'Not found' } };
		expect(() => validationVerdict(errorContext, 0, ['EMAIL_DEFAULT'], { status: 404, headers: {}, body: missing }, missing)).toThrow(
			/HTTP 404, code 404202/,
		);
		const server = { header: { isSuccessful: false, resultCode: 500000, resultMessage: 'Oops' } };
		expect(() => validationVerdict(errorContext, 0, ['EMAIL_DEFAULT'], { status: 500, headers: {}, body: server }, server)).toThrow(
			/HTTP 500/,
		);
	});

	it('becomes an error on request (Fail on Invalid), naming the failing file type', () => {
		const body = { header: ok, results: [{ isSuccessful: false, resultCode: 400612, resultMessage: 'Size over limit' }] };
		const verdict = validationVerdict(errorContext, 3, ['SMS_DEFAULT'], { status: 200, headers: {}, body }, body);
		expect(() => failIfInvalid(errorContext, 3, verdict, 200)).toThrow(
			'NHN Cloud Notification Hub: HTTP 200, code 400612: Validation failed for SMS_DEFAULT: Size over limit',
		);
	});
});
