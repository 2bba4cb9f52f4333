import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiError } from '../../transport/errors';
import { isNhnSuccess, nhnFailure } from '../../transport/nhn';
import type { HttpAnswer } from '../../transport/types';

interface ResultEntry {
	isSuccessful?: boolean;
	resultCode?: number | string;
	resultMessage?: string;
}

export interface ValidationVerdict extends IDataObject {
	valid: boolean;
	fileTypes: string[];
	results: Array<{ fileType: string | null; valid: boolean; code: string | null; message: string | null }>;
}

/** A refusal of the file itself (HTTP 400 family) is a verdict; auth, missing attachment or server errors are not. */
function isFileVerdict(answer: HttpAnswer, body: unknown): boolean {
	const code = String((body as { header?: { resultCode?: unknown } }).header?.resultCode ?? '');
	return answer.status === 400 || (answer.status >= 200 && answer.status < 300 && code.startsWith('400'));
}

/**
 * Reads a validation answer as data: valid or not, per file type, with the API's code and message. Throws
 * the usual API error when the answer is not about the file (401, 404202, 5xx, malformed).
 */
export function validationVerdict(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fileTypes: string[],
	answer: HttpAnswer,
	body: unknown,
): ValidationVerdict {
	const isObject = body !== null && typeof body === 'object';
	const headerOk = isObject && isNhnSuccess(answer, body);
	if (!headerOk && !(isObject && isFileVerdict(answer, body))) throw nhnFailure(ctx, itemIndex, answer, body);

	const header = ((body as IDataObject).header ?? {}) as ResultEntry;
	const entries = Array.isArray((body as IDataObject).results) ? ((body as IDataObject).results as ResultEntry[]) : [];
	const results: ValidationVerdict['results'] = entries.map((entry, index) => ({
		fileType: fileTypes[index] ?? null,
		valid: entry?.isSuccessful === true,
		code: entry?.resultCode === undefined ? null : String(entry.resultCode),
		message: entry?.resultMessage ?? null,
	}));
	if (!headerOk && results.every((result) => result.valid)) {
		results.push({
			fileType: null,
			valid: false,
			code: header.resultCode === undefined ? null : String(header.resultCode),
			message: header.resultMessage ?? null,
		});
	}
	return { valid: headerOk && results.every((result) => result.valid), fileTypes, results };
}

/** With Fail on Invalid, an invalid verdict becomes an error naming the first failing file type. */
export function failIfInvalid(ctx: IExecuteFunctions, itemIndex: number, verdict: ValidationVerdict, status: number): void {
	const failed = verdict.results.find((result) => !result.valid);
	if (verdict.valid || !failed) return;
	throw apiError(ctx, itemIndex, {
		provider: 'nhn',
		status,
		code: failed.code ?? undefined,
		message: `Validation failed${failed.fileType ? ` for ${failed.fileType}` : ''}: ${failed.message ?? 'invalid'}`,
	});
}
