const KB = 1024;
const MB = 1024 * KB;

/** Cloud Outbound Mailer: each attachment file at most 10 MB. */
export const NCP_MAX_FILE_BYTES = 10 * MB;

/** The largest file Notification Hub takes for any file type (email). */
export const NHN_MAX_FILE_BYTES = 30 * MB;

interface FileTypeRule {
	label: string;
	maxBytes: number;
	/** Extensions accepted, lower case; absent means any except `forbidden`. */
	allowed?: string[];
	forbidden?: string[];
}

const EMAIL_FORBIDDEN = ['js', 'exe', 'bat', 'cmd', 'com', 'cpl', 'scr', 'vbs', 'wsr'];

/** The console guide's limits, by file type prefix (EMAIL_DEFAULT and EMAIL_TEMPLATE share EMAIL's). */
const RULES: Array<[prefix: string, rule: FileTypeRule]> = [
	['EMAIL', { label: 'email', maxBytes: 30 * MB, forbidden: EMAIL_FORBIDDEN }],
	['SMS', { label: 'SMS (MMS)', maxBytes: 300 * KB, allowed: ['jpg', 'jpeg'] }],
	['RCS', { label: 'RCS', maxBytes: 1 * MB, allowed: ['jpg', 'png', 'gif', 'bmp'] }],
	['ALIMTALK', { label: 'AlimTalk', maxBytes: 500 * KB, allowed: ['jpg', 'png'] }],
];

function ruleFor(fileType: string): FileTypeRule | undefined {
	return RULES.find(([prefix]) => fileType === prefix || fileType.startsWith(`${prefix}_`))?.[1];
}

function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function formatBytes(bytes: number): string {
	if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
	if (bytes >= KB) return `${(bytes / KB).toFixed(1).replace(/\.0$/, '')} KB`;
	return `${bytes} bytes`;
}

/** `31,457,281 bytes`: digits grouped by three, whatever the machine's locale. */
export function exactBytes(bytes: number): string {
	return `${String(bytes).replace(/\B(?=(\d{3})+$)/g, ',')} bytes`;
}

/**
 * A file's size and a limit, worded: rounded (`12.5 MB`, `10 MB`) when that shows the difference, exact bytes
 * when rounding would print the same figure twice (`10,485,761 bytes` against `10,485,760 bytes`).
 */
export function sizeAndLimit(size: number, maxBytes: number): { size: string; limit: string } {
	const rounded = { size: formatBytes(size), limit: formatBytes(maxBytes) };
	return rounded.size === rounded.limit ? { size: exactBytes(size), limit: exactBytes(maxBytes) } : rounded;
}

/** What a file type takes, for the File Types list: `email: up to 30 MB, any format except .js, .exe, ...`. */
export function fileTypeLimits(fileType: string): string | undefined {
	const rule = ruleFor(fileType);
	if (!rule) return undefined;
	const formats = rule.allowed
		? `${rule.allowed.map((extension) => `.${extension}`).join(', ')} only`
		: `any format except ${(rule.forbidden ?? []).map((extension) => `.${extension}`).join(', ')}`;
	return `${rule.label}: up to ${formatBytes(rule.maxBytes)}, ${formats}`;
}

/** Why this file cannot be uploaded as these NHN file types, or `undefined` when nothing local objects. */
export function nhnFileTypeProblem(fileName: string, size: number, fileTypes: string[]): string | undefined {
	const extension = extensionOf(fileName);
	for (const fileType of fileTypes) {
		const rule = ruleFor(fileType);
		if (!rule) continue;
		if (size > rule.maxBytes) {
			const worded = sizeAndLimit(size, rule.maxBytes);
			return `is ${worded.size}; ${fileType} (${rule.label}) accepts at most ${worded.limit}`;
		}
		if (rule.allowed && !rule.allowed.includes(extension)) {
			return `has the extension "${extension}"; ${fileType} (${rule.label}) accepts only ${rule.allowed.join(', ')}`;
		}
		if (rule.forbidden?.includes(extension)) {
			return `has the extension "${extension}", which ${fileType} (${rule.label}) refuses`;
		}
	}
	return undefined;
}
