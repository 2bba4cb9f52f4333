/*
 * Notification Hub attachments, under /nhn/attachment/v1.0/attachments.
 *
 * Choices where the docs are silent (see emulator/README.md):
 * - Upload with file types: each requested type gets a result. If at least one passes (or none was
 *   requested) the file is stored with the passing types as `uploadedFileTypes`, header success, and any
 *   failing type shows only in `results[]`. If every requested type fails, or the file is over 30 MB,
 *   nothing is stored and the header carries the first failure's code (HTTP 400).
 * - Validation endpoints and the file-types update are all-or-nothing: header failure with the first
 *   failing type's code if any type fails (the update then changes nothing), `results[]` one per type.
 * - The file-types update replaces `uploadedFileTypes` with the given list.
 */
import type { RequestContext, Route } from './context';
import { drain, isMultipartRequest } from './http-utils';
import { formatKst, nhnId, opaqueToken } from './ids';
import { parseMultipart } from './multipart';
import {
	fileTypesError,
	NHN_CODES,
	NHN_SUCCESS,
	nhnFail,
	nhnResult,
	readNhnJson,
	sendNhn,
	type NhnResult,
} from './nhn-common';
import {
	checkFileTypes,
	fileFormatOf,
	fileTypesOf,
	isFileType,
	isMessageChannel,
	MAX_ATTACHMENT_BYTES,
	splitFileTypes,
	channelOf,
} from './nhn-file-types';
import { isAttachmentLive, type EmulatorState, type NhnAttachment } from './state';

export const ATTACHMENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const PREVIEW_LIFETIME_MS = 10 * 60 * 1000;
export const NHN_PREVIEW_PREFIX = '/nhn-preview';
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

interface UploadForm {
	data: Buffer;
	size: number;
	sha256: string;
	overLimit: boolean;
	fileName: string;
	fileTypes: string[];
}

/** Reads `file`, `fileName` and `fileTypes`; answers the failure itself and returns undefined when invalid. */
async function readUploadForm(ctx: RequestContext): Promise<UploadForm | undefined> {
	if (!isMultipartRequest(ctx.req)) {
		await drain(ctx.req);
		nhnFail(ctx, NHN_CODES.MULTIPART_PART_MISSING, "Required multipart part 'file' is missing (send multipart/form-data)");
		return undefined;
	}
	const parsed = await parseMultipart(ctx.req, { fileSize: MAX_ATTACHMENT_BYTES });
	if (!parsed.ok) {
		nhnFail(ctx, NHN_CODES.UPLOAD_ERROR, `Upload error: ${parsed.problem}`);
		return undefined;
	}
	const parts = parsed.body;
	const file = parts.files.find((part) => part.field === 'file');
	const fileName = parts.fields.find((field) => field.name === 'fileName')?.value.trim();
	const missing = [!file && 'file', !fileName && 'fileName'].filter(Boolean);
	if (!file || !fileName) {
		nhnFail(ctx, NHN_CODES.MULTIPART_PART_MISSING, `Required multipart part(s) missing: ${missing.join(', ')}`);
		return undefined;
	}
	const fileTypes = splitFileTypes(parts.fields.filter((field) => field.name === 'fileTypes').map((field) => field.value));
	const unknown = fileTypes.filter((type) => !isFileType(type));
	if (unknown.length > 0) {
		nhnFail(ctx, NHN_CODES.INVALID_PARAMETER, `Unknown fileTypes: ${unknown.join(', ')}`);
		return undefined;
	}
	const size = file.overLimit ? MAX_ATTACHMENT_BYTES + 1 : file.size;
	return { data: file.data, size, sha256: file.sha256, overLimit: file.overLimit, fileName, fileTypes };
}

const overLimitResult = (): NhnResult =>
	nhnResult(NHN_CODES.SIZE_OVER_LIMIT, `File size is over the ${MAX_ATTACHMENT_BYTES} bytes (30 MB) limit`);

const firstFailure = (results: NhnResult[]): NhnResult | undefined => results.find((result) => !result.isSuccessful);

export function storeAttachment(state: EmulatorState, fields: Pick<NhnAttachment, 'data' | 'size' | 'sha256' | 'fileName' | 'uploadedFileTypes'>): NhnAttachment {
	const now = state.clock.now();
	let attachmentId = nhnId(now);
	while (state.nhn.attachments.has(attachmentId)) attachmentId = nhnId(now);
	const attachment: NhnAttachment = {
		...fields,
		attachmentId,
		fileFormat: fileFormatOf(fields.fileName),
		createdAtMs: now,
		expiresAtMs: now + ATTACHMENT_RETENTION_MS,
	};
	state.nhn.attachments.set(attachmentId, attachment);
	return attachment;
}

async function upload(ctx: RequestContext): Promise<void> {
	const form = await readUploadForm(ctx);
	if (!form) return;
	const results = checkFileTypes(form.fileTypes, form.fileName, form.size);
	const passing = form.fileTypes.filter((_, i) => results[i].isSuccessful);
	if (form.overLimit) return sendNhn(ctx, overLimitResult(), { results });
	if (form.fileTypes.length > 0 && passing.length === 0) return sendNhn(ctx, firstFailure(results) as NhnResult, { results });
	const attachment = storeAttachment(ctx.state, {
		data: form.data,
		size: form.size,
		sha256: form.sha256,
		fileName: form.fileName,
		uploadedFileTypes: [...new Set(passing)],
	});
	sendNhn(ctx, NHN_SUCCESS(), { attachmentId: attachment.attachmentId, results });
}

async function validateBeforeUpload(ctx: RequestContext): Promise<void> {
	const form = await readUploadForm(ctx);
	if (!form) return;
	const results = checkFileTypes(form.fileTypes, form.fileName, form.size);
	const header = form.overLimit ? overLimitResult() : (firstFailure(results) ?? NHN_SUCCESS());
	sendNhn(ctx, header, { results });
}

function liveAttachment(ctx: RequestContext, attachmentId: string): NhnAttachment | undefined {
	const attachment = ctx.state.nhn.attachments.get(attachmentId);
	if (attachment && isAttachmentLive(ctx.state, attachment)) return attachment;
	nhnFail(ctx, NHN_CODES.ATTACHMENT_NOT_FOUND, `Attachment "${attachmentId}" does not exist or has expired`);
	return undefined;
}

/** Reads `{fileTypes}` for the JSON endpoints; `required` false lets a missing list mean an empty one. */
async function readFileTypesBody(ctx: RequestContext, required: boolean): Promise<string[] | undefined> {
	const body = await readNhnJson(ctx);
	if (!body) return undefined;
	if (body.fileTypes === undefined && !required) return [];
	const error = body.fileTypes === undefined ? 'fileTypes is required' : fileTypesError(body.fileTypes, isFileType);
	if (error) {
		nhnFail(ctx, NHN_CODES.INVALID_PARAMETER, error);
		return undefined;
	}
	return body.fileTypes as string[];
}

async function validateUploaded(ctx: RequestContext, params: Record<string, string>): Promise<void> {
	const fileTypes = await readFileTypesBody(ctx, true);
	if (!fileTypes) return;
	const attachment = liveAttachment(ctx, params.attachmentId);
	if (!attachment) return;
	const results = checkFileTypes(fileTypes, attachment.fileName, attachment.size);
	sendNhn(ctx, firstFailure(results) ?? NHN_SUCCESS(), { results });
}

async function updateFileTypes(ctx: RequestContext, params: Record<string, string>): Promise<void> {
	const fileTypes = await readFileTypesBody(ctx, false);
	if (!fileTypes) return;
	const attachment = liveAttachment(ctx, params.attachmentId);
	if (!attachment) return;
	const results = checkFileTypes(fileTypes, attachment.fileName, attachment.size);
	const failure = firstFailure(results);
	if (!failure) attachment.uploadedFileTypes = [...new Set(fileTypes)];
	sendNhn(ctx, failure ?? NHN_SUCCESS(), { results });
}

const describe = (attachment: NhnAttachment) => ({
	attachmentId: attachment.attachmentId,
	fileName: attachment.fileName,
	fileFormat: attachment.fileFormat,
	fileSizeByte: attachment.size,
	createDateTime: formatKst(attachment.createdAtMs),
	expireDateTime: formatKst(attachment.expiresAtMs),
	uploadedFileTypes: [...attachment.uploadedFileTypes],
});

async function getAttachment(ctx: RequestContext, params: Record<string, string>): Promise<void> {
	await drain(ctx.req);
	const attachment = liveAttachment(ctx, params.attachmentId);
	if (!attachment) return;
	const token = opaqueToken();
	ctx.state.nhn.previews.set(token, {
		attachmentId: attachment.attachmentId,
		expiresAtMs: ctx.state.clock.now() + PREVIEW_LIFETIME_MS,
	});
	const previewUrl = `${ctx.baseUrl}${NHN_PREVIEW_PREFIX}/${token}`;
	sendNhn(ctx, NHN_SUCCESS(), { attachment: { ...describe(attachment), previewUrl } });
}

function parseCount(raw: string | null, fallback: number, name: string, min: number, max: number): number | string {
	if (raw === null || raw === '') return fallback;
	if (!/^-?\d+$/.test(raw)) return `${name} must be an integer`;
	const value = Number(raw);
	if (value < min || value > max) return `${name} must be between ${min} and ${max}`;
	return value;
}

async function listAttachments(ctx: RequestContext): Promise<void> {
	await drain(ctx.req);
	const { query } = ctx;
	const channel = query.get('messageChannel') || undefined;
	const fileType = query.get('fileType') || undefined;
	const fileName = query.get('fileName') || undefined;
	const limit = parseCount(query.get('limit'), DEFAULT_LIMIT, 'limit', 1, MAX_LIMIT);
	const offset = parseCount(query.get('offset'), 0, 'offset', 0, Number.MAX_SAFE_INTEGER);
	const problem =
		(channel && !isMessageChannel(channel) && `Unknown messageChannel "${channel}"`) ||
		(fileType && !isFileType(fileType) && `Unknown fileType "${fileType}"`) ||
		(typeof limit === 'string' && limit) ||
		(typeof offset === 'string' && offset);
	if (problem) return nhnFail(ctx, NHN_CODES.INVALID_PARAMETER, problem);

	const matching = [...ctx.state.nhn.attachments.values()].reverse().filter(
		(attachment) =>
			isAttachmentLive(ctx.state, attachment) &&
			(!channel || attachment.uploadedFileTypes.some((type) => channelOf(type) === channel)) &&
			(!fileType || attachment.uploadedFileTypes.includes(fileType)) &&
			(!fileName || attachment.fileName.includes(fileName)),
	);
	const start = offset as number;
	const page = matching.slice(start, start + (limit as number)).map(describe);
	sendNhn(ctx, NHN_SUCCESS(), { totalCount: matching.length, attachments: page });
}

async function listFileTypes(ctx: RequestContext): Promise<void> {
	await drain(ctx.req);
	const channel = ctx.query.get('messageChannel') || undefined;
	if (channel === undefined) return sendNhn(ctx, NHN_SUCCESS(), { fileTypes: fileTypesOf() });
	if (!isMessageChannel(channel)) return nhnFail(ctx, NHN_CODES.INVALID_PARAMETER, `Unknown messageChannel "${channel}"`);
	sendNhn(ctx, NHN_SUCCESS(), { fileTypes: fileTypesOf(channel) });
}

/** Literal routes come before `:attachmentId` so `file-types` and `do-validate` are never taken for ids. */
export const ATTACHMENT_ROUTES: Route[] = [
	{ segments: ['attachment', 'v1.0', 'attachments'], methods: { GET: listAttachments, POST: upload } },
	{ segments: ['attachment', 'v1.0', 'attachments', 'file-types'], methods: { GET: listFileTypes } },
	{ segments: ['attachment', 'v1.0', 'attachments', 'do-validate'], methods: { POST: validateBeforeUpload } },
	{ segments: ['attachment', 'v1.0', 'attachments', ':attachmentId'], methods: { GET: getAttachment } },
	{ segments: ['attachment', 'v1.0', 'attachments', ':attachmentId', 'do-validate'], methods: { POST: validateUploaded } },
	{ segments: ['attachment', 'v1.0', 'attachments', ':attachmentId', 'file-types'], methods: { POST: updateFileTypes } },
];
