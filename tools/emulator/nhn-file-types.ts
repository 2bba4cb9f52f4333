/*
 * Notification Hub attachment file types and their limits (console guide, see API-NOTES.md).
 * KB = 1024 bytes, MB = 1024 * 1024 bytes. Formats are judged by the file name's extension only, and the
 * pixel rules (SMS at most 1000x1000, AlimTalk width and ratio) are not checked: the emulator never decodes
 * images, so any bytes under an accepted extension pass.
 */
import { NHN_CODES, nhnResult, type NhnResult } from './nhn-common';

const KB = 1024;
const MB = 1024 * 1024;

export const MESSAGE_CHANNELS = ['SMS', 'RCS', 'ALIMTALK', 'EMAIL', 'PUSH'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Largest file the service takes at all (the email limit, the largest of the table). */
export const MAX_ATTACHMENT_BYTES = 30 * MB;

const EMAIL_BLOCKED_EXTENSIONS = ['js', 'exe', 'bat', 'cmd', 'com', 'cpl', 'scr', 'vbs', 'wsr'];

interface FileTypeRule {
	channel: MessageChannel;
	/** Accepted extensions (lower case); undefined means any extension except `blocked`. */
	formats?: string[];
	blocked?: string[];
	maxBytes: number;
	limitLabel: string;
}

const EMAIL_RULE: FileTypeRule = { channel: 'EMAIL', blocked: EMAIL_BLOCKED_EXTENSIONS, maxBytes: 30 * MB, limitLabel: '30 MB' };
const SMS_RULE: FileTypeRule = { channel: 'SMS', formats: ['jpg', 'jpeg'], maxBytes: 300 * KB, limitLabel: '300 KB' };
const RCS_RULE: FileTypeRule = { channel: 'RCS', formats: ['jpg', 'png', 'gif', 'bmp'], maxBytes: 1 * MB, limitLabel: '1 MB' };
const ALIMTALK_RULE: FileTypeRule = { channel: 'ALIMTALK', formats: ['jpg', 'png'], maxBytes: 500 * KB, limitLabel: '500 KB' };

export const FILE_TYPES: Record<string, FileTypeRule> = {
	EMAIL_DEFAULT: EMAIL_RULE,
	EMAIL_TEMPLATE: EMAIL_RULE,
	SMS_DEFAULT: SMS_RULE,
	SMS_TEMPLATE: SMS_RULE,
	RCS_DEFAULT: RCS_RULE,
	ALIMTALK_IMAGE: ALIMTALK_RULE,
	ALIMTALK_ITEM_HIGHLIGHT_IMAGE: ALIMTALK_RULE,
};

export const isMessageChannel = (value: string): value is MessageChannel =>
	(MESSAGE_CHANNELS as readonly string[]).includes(value);

export const isFileType = (value: string): boolean => Object.hasOwn(FILE_TYPES, value);

/** File types of a channel (PUSH has none), or all of them without a channel. */
export const fileTypesOf = (channel?: MessageChannel): string[] =>
	Object.keys(FILE_TYPES).filter((type) => !channel || FILE_TYPES[type].channel === channel);

export const channelOf = (fileType: string): MessageChannel | undefined => FILE_TYPES[fileType]?.channel;

export function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot < 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** `fileFormat` as the service reports it: the upper-case extension. */
export const fileFormatOf = (fileName: string): string => extensionOf(fileName).toUpperCase();

/** Multipart `fileTypes` values: one part per value, or comma-separated values, or both. */
export const splitFileTypes = (values: string[]): string[] =>
	values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');

/** One file type's verdict. The format is checked before the size, so a file failing both gets 400613. */
export function checkFileType(fileType: string, fileName: string, size: number): NhnResult {
	const rule = FILE_TYPES[fileType];
	const extension = extensionOf(fileName);
	const formatOk = rule.formats ? rule.formats.includes(extension) : !rule.blocked?.includes(extension);
	if (!formatOk) {
		const accepted = rule.formats ? rule.formats.join(', ') : `anything but .${rule.blocked?.join(' .')}`;
		return nhnResult(
			NHN_CODES.INVALID_MEDIA_FORMAT,
			`Invalid media format for ${fileType}: "${extension || '(no extension)'}" (accepted: ${accepted})`,
		);
	}
	if (size > rule.maxBytes) {
		return nhnResult(NHN_CODES.SIZE_OVER_LIMIT, `File size ${size} bytes is over the ${rule.limitLabel} limit of ${fileType}`);
	}
	return nhnResult(NHN_CODES.SUCCESS, 'SUCCESS');
}

export const checkFileTypes = (fileTypes: string[], fileName: string, size: number): NhnResult[] =>
	fileTypes.map((fileType) => checkFileType(fileType, fileName, size));
