/*
 * The `previewUrl` handed out by GET /attachments/{id}: serves the stored bytes without auth headers, like a
 * pre-signed storage URL. An unknown link → 404; a link past its lifetime (emulator clock) → 403
 * "Request has expired"; a link whose attachment is gone or expired → 404. Plain-text error bodies.
 */
import type { RequestContext } from './context';
import { drain, pathSegments, sendRaw } from './http-utils';
import { extensionOf } from './nhn-file-types';
import { NHN_PREVIEW_PREFIX } from './nhn-attachments';
import { isAttachmentLive } from './state';

const CONTENT_TYPES: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	bmp: 'image/bmp',
	pdf: 'application/pdf',
	txt: 'text/plain; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	html: 'text/html; charset=utf-8',
	json: 'application/json',
	zip: 'application/zip',
};

const TEXT = 'text/plain; charset=utf-8';

export async function handleNhnPreview(ctx: RequestContext): Promise<void> {
	await drain(ctx.req);
	const segments = pathSegments(ctx.pathname, NHN_PREVIEW_PREFIX) ?? [];
	if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return sendRaw(ctx.res, 405, TEXT, 'Method Not Allowed', { Allow: 'GET, HEAD' });
	const link = segments.length === 1 ? ctx.state.nhn.previews.get(segments[0]) : undefined;
	if (!link) return sendRaw(ctx.res, 404, TEXT, 'Not Found');
	if (link.expiresAtMs <= ctx.state.clock.now()) return sendRaw(ctx.res, 403, TEXT, 'Request has expired');
	const attachment = ctx.state.nhn.attachments.get(link.attachmentId);
	if (!attachment || !isAttachmentLive(ctx.state, attachment)) return sendRaw(ctx.res, 404, TEXT, 'Not Found');
	const contentType = CONTENT_TYPES[extensionOf(attachment.fileName)] ?? 'application/octet-stream';
	sendRaw(ctx.res, 200, contentType, attachment.data, {
		'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
	});
}
