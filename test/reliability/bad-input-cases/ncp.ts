/** Bad input to the NAVER Cloud Outbound Mailer operations (Upload, Get, Delete). */
import {
	DATA_PROPERTY,
	MB,
	V,
	WRONG_TYPES,
	fileItem,
	ncpDelete,
	ncpGet,
	ncpUpload,
	refusedByService,
	refusedLocally,
	valued,
} from './builders';
import type { BadCase } from './builders';

const UNKNOWN_ID = { status: 400, apiCode: '77103' };

export const NCP_CASES: BadCase[] = [
	// Binary input
	refusedLocally('NCP upload: missing binary property', ncpUpload(), [/no binary property "data"/]),
	refusedLocally('NCP upload: one of several binary properties missing', ncpUpload({ binaryPropertyName: 'data, invoice' }), [/no binary property "invoice"/], {
		items: fileItem('a.pdf'),
	}),
	...(['filesystem', 'inline'] as const).map((mode) =>
		refusedLocally(`NCP upload: empty file (${mode})`, ncpUpload(), [DATA_PROPERTY, /is empty/], { items: fileItem('a.pdf', { text: '', mode }) }),
	),
	...([['filesystem', 1], ['inline', 3]] as const).map(([mode, over]) =>
		refusedLocally(`NCP upload: over 10 MB (${mode})`, ncpUpload(), [DATA_PROPERTY, /at most 10,485,760 bytes/], {
			items: fileItem('big.pdf', { size: 10 * MB + over, mode }),
		}),
	),

	// IDs
	// Get and Delete take a list of IDs: an array is refused when it holds something that is not an ID.
	...WRONG_TYPES.map(([what, value]) =>
		refusedLocally(`NCP get: Temp Request ID from ${what}`, ncpGet(V), [/Temp Request ID/], valued(Array.isArray(value) ? [...value, { id: 'x' }] : value)),
	),
	...(['', '   ', '.', '..', '...'] as const).map((id) =>
		refusedLocally(`NCP delete: Temp Request ID ${JSON.stringify(id)}`, ncpDelete(V), [/Temp Request ID/], valued(id)),
	),

	// Binary property parameter
	...([...WRONG_TYPES, ['a number', 3]] as Array<[string, unknown]>).map(([what, value]) =>
		refusedLocally(`NCP upload: Input Binary Field from ${what}`, ncpUpload({ binaryPropertyName: V }), [/Input Binary Field/], {
			...valued(value),
			items: fileItem('a.pdf'),
		}),
	),
	refusedLocally('NCP upload: Input Binary Field " , "', ncpUpload({ binaryPropertyName: ' , ' }), [/Input Binary Field/], { items: fileItem('a.pdf') }),

	// Options
	refusedLocally('NCP get: option retries 11', { ...ncpGet('t'), options: { retries: 11 } }, [/Retries/]),

	// Only the service can tell
	refusedByService('NCP get: unknown tempRequestId', ncpGet('f355aac1-0000-0000-0000-000000000000-99'), UNKNOWN_ID, /f355aac1-0000-0000-0000-000000000000-99/),
	refusedByService('NCP delete: unknown tempRequestId (a number from an expression)', ncpDelete(V), UNKNOWN_ID, /123456/, valued(123456)),
];
