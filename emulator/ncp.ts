/*
 * NAVER Cloud Outbound Mailer, served under /ncp/api/v1.
 *
 * Error bodies (always JSON, `Content-Type: application/json;charset=UTF-8`):
 * - API Gateway errors: {"error":{"errorCode":"200","message":"Authentication Failed","details":"..."}} with
 *   HTTP 401 (auth), or errorCode "300" "Not Found Exception" with HTTP 404 (no such path). The gateway
 *   resolves the path first, then checks the signature, and only then hands the request to the service.
 * - Service errors: {"error":{"errorCode":"77103","message":"Requested resource does not exist","details":"..."}},
 *   the HTTP status following the documented code (77102/77103 → 400, 77001 → 405, 77002 → 415, 77303 → 500).
 */
import { matchRoute, type RequestContext, type Route } from './context';
import { decodeSegment, drain, headerValue, isJsonRequest, isMultipartRequest, pathSegments, readJson, sendJson } from './http-utils';
import { formatKst, ncpId, ncpRequestId } from './ids';
import { parseMultipart } from './multipart';
import { NCP_HEADERS, verifyNcpRequest } from './ncp-signature';
import type { AttachmentRef, NcpFile, NcpMail, NcpUpload } from './state';

export const NCP_PREFIX = '/ncp/api/v1';
export const NCP_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
export const NCP_MAIL_ATTACHMENTS_LIMIT_BYTES = 20 * 1024 * 1024;
const JSON_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

const SERVICE_ERRORS: Record<string, [number, string]> = {
	'77001': [405, 'Unsupported method type'],
	'77002': [415, 'Unsupported media type'],
	'77102': [400, 'Request error'],
	'77103': [400, 'Requested resource does not exist'],
	'77303': [500, 'Other internal server error'],
};

export function ncpServiceError(ctx: RequestContext, code: string, details: string, headers: Record<string, string> = {}): void {
	const [status, message] = SERVICE_ERRORS[code];
	sendJson(ctx.res, status, { error: { errorCode: code, message, details } }, headers);
}

const gatewayError = (ctx: RequestContext, status: number, errorCode: string, message: string, details: string): void =>
	sendJson(ctx.res, status, { error: { errorCode, message, details } });

const uploadBody = (upload: NcpUpload) => ({
	tempRequestId: upload.tempRequestId,
	files: upload.files.map((file) => ({ fileName: file.fileName, fileSize: file.size, fileId: file.fileId })),
});

async function createFile(ctx: RequestContext): Promise<void> {
	if (!isMultipartRequest(ctx.req)) {
		await drain(ctx.req);
		return ncpServiceError(ctx, '77002', 'Content-Type must be multipart/form-data');
	}
	const parsed = await parseMultipart(ctx.req, { fileSize: NCP_FILE_LIMIT_BYTES });
	if (!parsed.ok) return ncpServiceError(ctx, '77102', `Malformed multipart body: ${parsed.problem}`);
	const files = parsed.body.files.filter((part) => part.field === 'fileList');
	if (files.length === 0) return ncpServiceError(ctx, '77102', "Required file part 'fileList' is missing");
	const tooLarge = files.find((part) => part.overLimit);
	if (tooLarge) {
		return ncpServiceError(ctx, '77102', `File "${tooLarge.fileName}" is larger than 10 MB (${NCP_FILE_LIMIT_BYTES} bytes)`);
	}
	const tempRequestId = ncpId();
	const stored: NcpFile[] = files.map((part) => ({
		tempRequestId,
		fileId: ncpId(),
		fileName: part.fileName,
		size: part.size,
		sha256: part.sha256,
		data: part.data,
	}));
	const upload: NcpUpload = { tempRequestId, files: stored };
	ctx.state.ncp.uploads.set(tempRequestId, upload);
	for (const file of stored) ctx.state.ncp.filesById.set(file.fileId, file);
	sendJson(ctx.res, 201, uploadBody(upload));
}

async function getFiles(ctx: RequestContext, params: Record<string, string>): Promise<void> {
	await drain(ctx.req);
	const upload = ctx.state.ncp.uploads.get(params.tempRequestId);
	if (!upload) return ncpServiceError(ctx, '77103', `No files for tempRequestId "${params.tempRequestId}"`);
	sendJson(ctx.res, 200, uploadBody(upload));
}

async function deleteFiles(ctx: RequestContext, params: Record<string, string>): Promise<void> {
	await drain(ctx.req);
	const upload = ctx.state.ncp.uploads.get(params.tempRequestId);
	if (!upload) return ncpServiceError(ctx, '77103', `No files for tempRequestId "${params.tempRequestId}"`);
	ctx.state.ncp.uploads.delete(upload.tempRequestId);
	for (const file of upload.files) ctx.state.ncp.filesById.delete(file.fileId);
	sendJson(ctx.res, 200, uploadBody(upload));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isFilledString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isAddress = (value: unknown): value is string => isFilledString(value) && value.includes('@');

type MailInput = Omit<NcpMail, 'requestId' | 'count' | 'attachments' | 'receivedAt'> & { attachFileIds: string[] };

function validateMail(raw: unknown): MailInput | string {
	if (!isRecord(raw)) return 'Request body must be a JSON object';
	if (!isAddress(raw.senderAddress)) return 'senderAddress is required and must be an email address';
	if (raw.senderName !== undefined && typeof raw.senderName !== 'string') return 'senderName must be a string';
	const usesTemplate = raw.templateSid !== undefined && raw.templateSid !== null;
	if (!usesTemplate && !isFilledString(raw.title)) return 'title is required';
	if (!usesTemplate && !isFilledString(raw.body)) return 'body is required';
	if (!Array.isArray(raw.recipients) || raw.recipients.length === 0) return 'recipients must be a non-empty array';
	const recipients: MailInput['recipients'] = [];
	for (const [i, recipient] of raw.recipients.entries()) {
		if (!isRecord(recipient) || !isAddress(recipient.address)) return `recipients[${i}].address must be an email address`;
		if (!['R', 'C', 'B'].includes(recipient.type as string)) return `recipients[${i}].type must be R, C or B`;
		const name = typeof recipient.name === 'string' ? recipient.name : undefined;
		recipients.push({ address: recipient.address, name, type: recipient.type as string });
	}
	const ids = raw.attachFileIds ?? [];
	if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return 'attachFileIds must be an array of file ids';
	return {
		senderAddress: raw.senderAddress,
		senderName: raw.senderName as string | undefined,
		title: raw.title as string | undefined,
		body: raw.body as string | undefined,
		recipients,
		attachFileIds: ids as string[],
	};
}

async function createMail(ctx: RequestContext): Promise<void> {
	if (!isJsonRequest(ctx.req)) {
		await drain(ctx.req);
		return ncpServiceError(ctx, '77002', 'Content-Type must be application/json');
	}
	const raw = await readJson(ctx.req, JSON_BODY_LIMIT_BYTES);
	if (!raw.ok) return ncpServiceError(ctx, '77102', raw.problem);
	const mail = validateMail(raw.value);
	if (typeof mail === 'string') return ncpServiceError(ctx, '77102', mail);
	const attachments: AttachmentRef[] = [];
	for (const id of mail.attachFileIds) {
		const file = ctx.state.ncp.filesById.get(id);
		if (!file) return ncpServiceError(ctx, '77103', `Attachment file "${id}" does not exist`);
		attachments.push({ id, fileName: file.fileName, size: file.size, sha256: file.sha256 });
	}
	const total = attachments.reduce((sum, file) => sum + file.size, 0);
	if (total > NCP_MAIL_ATTACHMENTS_LIMIT_BYTES) {
		return ncpServiceError(ctx, '77102', `Attachments total ${total} bytes, over 20 MB (${NCP_MAIL_ATTACHMENTS_LIMIT_BYTES} bytes)`);
	}
	const now = ctx.state.clock.now();
	const record: NcpMail = {
		senderAddress: mail.senderAddress,
		senderName: mail.senderName,
		title: mail.title,
		body: mail.body,
		recipients: mail.recipients,
		requestId: ncpRequestId(now),
		count: mail.recipients.length,
		attachments,
		receivedAt: formatKst(now),
	};
	ctx.state.ncp.mails.push(record);
	sendJson(ctx.res, 201, { requestId: record.requestId, count: record.count });
}

const ROUTES: Route[] = [
	{ segments: ['files'], methods: { POST: createFile } },
	{ segments: ['files', ':tempRequestId'], methods: { GET: getFiles, DELETE: deleteFiles } },
	{ segments: ['mails'], methods: { POST: createMail } },
];

export async function handleNcp(ctx: RequestContext): Promise<void> {
	const segments = pathSegments(ctx.pathname, NCP_PREFIX) ?? [];
	const match = matchRoute(ROUTES, segments, ctx.method, decodeSegment);
	if (match.kind === 'no-path') {
		await drain(ctx.req);
		return gatewayError(ctx, 404, '300', 'Not Found Exception', `No resource at ${ctx.pathname}`);
	}
	const auth = verifyNcpRequest(
		{
			method: ctx.method,
			requestTarget: ctx.req.url ?? '',
			timestamp: headerValue(ctx.req, NCP_HEADERS.timestamp),
			accessKey: headerValue(ctx.req, NCP_HEADERS.accessKey),
			signature: headerValue(ctx.req, NCP_HEADERS.signature),
		},
		ctx.state.ncpKeys,
		ctx.state.clock.now(),
	);
	if (!auth.ok) {
		await drain(ctx.req);
		return gatewayError(ctx, 401, '200', 'Authentication Failed', auth.details);
	}
	if (match.kind === 'no-method') {
		await drain(ctx.req);
		const allow = Object.keys(match.route.methods).join(', ');
		return ncpServiceError(ctx, '77001', `Method ${ctx.method} is not supported here; use ${allow}`, { Allow: allow });
	}
	await match.route.methods[ctx.method](ctx, match.params);
}
