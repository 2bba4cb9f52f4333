/** Bad input to the NHN Cloud Notification Hub operations (Upload, validations, List, Get, file types). */
import { seedNhnAttachment } from '../support';
import {
	DATA_PROPERTY,
	KB,
	MB,
	V,
	WRONG_TYPES,
	fileItem,
	listFileTypes,
	nhnGet,
	nhnList,
	nhnUpload,
	refusedByService,
	refusedLocally,
	updateFileTypes,
	validateBeforeUpload,
	validateUploaded,
	valued,
} from './builders';
import type { BadCase } from './builders';

const aFile = () => ({ items: fileItem('a.pdf') });
const UNKNOWN_ATTACHMENT = { status: 404, apiCode: '404202' };
const UNKNOWN_FILE_TYPE = { status: 400, apiCode: '400100' };

/** Per message channel: its file type, a file over its size limit, and a file of a type it does not take. */
const CHANNELS: Array<{ channel: string; fileType: string; limit: string; exactLimit: string; size: number; tooBig: string; wrongFile: string; accepts: RegExp }> = [
	{ channel: 'SMS', fileType: 'SMS_DEFAULT', limit: '300 KB', exactLimit: '307,200 bytes', size: 300 * KB + 1, tooBig: 'photo.jpg', wrongFile: 'photo.png', accepts: /SMS_DEFAULT.*accepts only jpg, jpeg/ },
	{ channel: 'RCS', fileType: 'RCS_DEFAULT', limit: '1 MB', exactLimit: '1,048,576 bytes', size: MB + 1, tooBig: 'photo.png', wrongFile: 'doc.pdf', accepts: /RCS_DEFAULT.*accepts only/ },
	{ channel: 'AlimTalk', fileType: 'ALIMTALK_IMAGE', limit: '500 KB', exactLimit: '512,000 bytes', size: 500 * KB + 1, tooBig: 'photo.jpg', wrongFile: 'anim.gif', accepts: /ALIMTALK_IMAGE.*accepts only jpg, png/ },
];

const UPLOAD_CASES: BadCase[] = [
	refusedLocally('NHN upload: missing binary property', nhnUpload(), [/no binary property "data"/]),
	refusedLocally('NHN validate before upload: missing binary property', validateBeforeUpload(['EMAIL_DEFAULT']), [/no binary property "data"/]),
	refusedLocally('NHN upload: empty file', nhnUpload(), [DATA_PROPERTY, /is empty/], { items: fileItem('a.pdf', { text: '' }) }),
	refusedLocally('NHN upload: over 30 MB', nhnUpload(), [DATA_PROPERTY, /at most 31,457,280 bytes/], { items: fileItem('big.pdf', { size: 30 * MB + 1 }) }),
	// One byte over: the message gives exact bytes, as rounding would print the limit twice.
	...CHANNELS.map(({ channel, fileType, limit, exactLimit, size, tooBig }) =>
		refusedLocally(`NHN upload: ${channel} over ${limit}`, nhnUpload({ fileTypes: [fileType] }), [DATA_PROPERTY, new RegExp(`${fileType}.*at most ${exactLimit}`)], {
			items: fileItem(tooBig, { size }),
		}),
	),
	...['exe', 'js', 'bat', 'vbs', 'Scr'].map((extension) =>
		refusedLocally(
			`NHN upload: email refuses .${extension}`,
			nhnUpload({ fileTypes: ['EMAIL_DEFAULT'] }),
			[DATA_PROPERTY, new RegExp(`extension "${extension.toLowerCase()}".*EMAIL_DEFAULT`)],
			{ items: fileItem(`run.${extension}`) },
		),
	),
	refusedLocally(
		'NHN upload: File Name override to .cmd is judged, not the binary name',
		nhnUpload({ fileTypes: ['EMAIL_DEFAULT'], fileName: 'invoice.cmd' }),
		[DATA_PROPERTY, /"invoice\.cmd".*extension "cmd"/],
		{ items: fileItem('invoice.pdf') },
	),
	...CHANNELS.map(({ channel, fileType, wrongFile, accepts }) =>
		refusedLocally(`NHN upload: ${channel} takes no .${wrongFile.split('.')[1]}`, nhnUpload({ fileTypes: [fileType] }), [DATA_PROPERTY, accepts], {
			items: fileItem(wrongFile),
		}),
	),
];

const FILE_TYPE_CASES: BadCase[] = [
	...[
		['lower case', 'email_default'],
		['a space', 'EMAIL DEFAULT'],
		['a leading digit', '1EMAIL'],
		['a hyphen', 'EMAIL-DEFAULT'],
	].map(([what, fileType]) =>
		refusedLocally(`NHN upload: file type with ${what}`, nhnUpload({ fileTypes: V }), [new RegExp(`File type "${fileType}"`)], {
			...valued([fileType]),
			...aFile(),
		}),
	),
	refusedLocally('NHN validate uploaded: file types as text with a bad entry', validateUploaded('x', V), [/File type "sms"/], valued('EMAIL_DEFAULT, sms')),
	...([['an object', { EMAIL_DEFAULT: true }], ['a number', 7], ['a boolean', false]] as Array<[string, unknown]>).map(([what, value]) =>
		refusedLocally(`NHN validate uploaded: file types from ${what}`, validateUploaded('x', V), [/File Types/], valued(value)),
	),
	refusedLocally('NHN validate uploaded: file types [number]', validateUploaded('x', V), [/File type 42/], valued([42])),
	refusedLocally('NHN validate uploaded: no file types', validateUploaded('x', V), [/file type/], valued([])),
	refusedLocally('NHN update file types: file types null', updateFileTypes('x', V), [/file type/], valued(null)),
];

const PARAMETER_CASES: BadCase[] = [
	// IDs
	...WRONG_TYPES.map(([what, value]) => refusedLocally(`NHN get: Attachment ID from ${what}`, nhnGet(V), [/Attachment ID/], valued(value))),
	...(['', '  ', '..'] as const).map((id) =>
		refusedLocally(`NHN validate uploaded: Attachment ID ${JSON.stringify(id)}`, validateUploaded(V), [/Attachment ID/], valued(id)),
	),
	refusedLocally(
		'NHN update file types: Attachment ID missing from the item (undefined)',
		updateFileTypes('={{ $json.nothing }}', ['EMAIL_DEFAULT']),
		[/Attachment ID/],
	),

	// Binary property and file name parameters
	refusedLocally('NHN upload: Input Binary Field from a number', nhnUpload({ binaryPropertyName: V }), [/Input Binary Field/], { ...valued(0), ...aFile() }),
	...([['an object', { name: 'a.pdf' }], ['a number', 12], ['an array', ['a.pdf']]] as Array<[string, unknown]>).map(([what, value]) =>
		refusedLocally(`NHN upload: File Name from ${what}`, nhnUpload({ fileName: V }), [/File Name/], { ...valued(value), ...aFile() }),
	),

	// List
	...([0, 1001, -1, 2.5, '10', null, { n: 1 }] as unknown[]).map((limit) =>
		refusedLocally(`NHN list: Limit ${JSON.stringify(limit)}`, nhnList({ limit: V }), [/Limit/], valued(limit)),
	),
	...([-1, 'soon', { h: 1 }] as unknown[]).map((hours) =>
		refusedLocally(`NHN list: Expiring Within ${JSON.stringify(hours)}`, nhnList({ filters: { expiringWithinHours: V } }), [/Expiring Within/], valued(hours)),
	),
	refusedLocally('NHN list: File Name filter from a number', nhnList({ filters: { fileName: V } }), [/fileName/], valued(12)),
	refusedLocally('NHN list file types: Message Channel from an array', listFileTypes(V), [/Message Channel/], valued(['SMS'])),

	// Options
	...(
		[
			['timeout', -1, /Timeout/],
			['timeout', 'fast', /Timeout/],
			['timeout', null, /Timeout/],
			['retries', 11, /Retries/],
			['retries', -1, /Retries/],
			['retries', 1.5, /Retries/],
			['retries', [3], /Retries/],
			['maxRetryWaitMs', -5, /Max Retry Wait/],
			['maxRetryWaitMs', true, /Max Retry Wait/],
		] as Array<[string, unknown, RegExp]>
	).map(([option, value, mention]) =>
		refusedLocally(`NHN get: option ${option} ${JSON.stringify(value)}`, nhnGet('x', { options: { [option]: V } }), [mention], valued(value)),
	),
	refusedLocally('NHN upload: option timeout "fast"', nhnUpload({ options: { timeout: V } }), [/Timeout/], { ...valued('fast'), ...aFile() }),
];

const SERVICE_CASES: BadCase[] = [
	refusedByService('NHN get: unknown attachment ID', nhnGet('20240101000000NoSuchThing'), UNKNOWN_ATTACHMENT, /20240101000000NoSuchThing/),
	refusedByService('NHN validate uploaded: unknown attachment ID', validateUploaded('20240101000000NoSuchThing'), UNKNOWN_ATTACHMENT, /20240101000000NoSuchThing/),
	refusedByService('NHN update file types: unknown attachment ID', updateFileTypes('gone/../x', ['EMAIL_DEFAULT']), UNKNOWN_ATTACHMENT, /gone\/\.\.\/x/),
	refusedByService('NHN upload: unknown but well-formed file type', nhnUpload({ fileTypes: ['EMAIL_UNKNOWN'] }), UNKNOWN_FILE_TYPE, /EMAIL_UNKNOWN/, aFile()),
	refusedByService(
		'NHN validate uploaded: unknown file type, Fail on Invalid',
		{ ...validateUploaded('placeholder', ['SMS_UNKNOWN']), attachmentId: '={{ $json.id }}', options: { failOnInvalid: true } },
		UNKNOWN_FILE_TYPE,
		/SMS_UNKNOWN/,
		{ seed: (emulator) => ({ id: seedNhnAttachment(emulator, 'known') }) },
	),
	refusedByService('NHN list: unknown file type filter', nhnList({ filters: { fileType: 'EMAIL_UNKNOWN' } }), UNKNOWN_FILE_TYPE, /EMAIL_UNKNOWN/),
	refusedByService('NHN list file types: unknown channel', listFileTypes(V), UNKNOWN_FILE_TYPE, /FAX/, valued('FAX')),
	refusedByService('NHN upload: a known and an unknown file type', nhnUpload({ fileTypes: ['EMAIL_DEFAULT', 'EMAIL_NOPE'] }), UNKNOWN_FILE_TYPE, /EMAIL_NOPE/, aFile()),
];

export const NHN_CASES: BadCase[] = [...UPLOAD_CASES, ...FILE_TYPE_CASES, ...PARAMETER_CASES, ...SERVICE_CASES];
