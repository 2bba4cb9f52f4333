/*
 * NAVER Cloud Outbound Mailer, served under /ncp/api/v1: files here, mails in ncp-mails.ts, error shapes in
 * ncp-errors.ts. The gateway resolves the path first (404, errorCode "300"), then checks the signature
 * (401, errorCode "200"), and only then hands the request to the service (77xxx in `error.code`).
 */
import { matchRoute, type RequestContext, type Route } from './context';
import { decodeSegment, drain, headerValue, isMultipartRequest, pathSegments, sendJson } from './http-utils';
import { ncpId } from './ids';
import { parseMultipart } from './multipart';
import { ncpGatewayError as gatewayError, ncpServiceError } from './ncp-errors';
import { createMail } from './ncp-mails';
import { NCP_HEADERS, verifyNcpRequest } from './ncp-signature';
import type { NcpFile, NcpUpload } from './state';

export const NCP_PREFIX = '/ncp/api/v1';
export const NCP_FILE_LIMIT_BYTES = 10 * 1024 * 1024;

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
