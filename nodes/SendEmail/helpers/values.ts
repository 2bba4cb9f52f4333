import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/** A text parameter (a number from an expression is taken as its digits). */
export function textParameter(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === null || raw === undefined) return '';
	if (typeof raw !== 'string' && typeof raw !== 'number') fail(ctx, itemIndex, `${label} of item ${itemIndex} must be text, but the expression gave ${typeof raw}`);
	return String(raw);
}

/** The Additional Fields collection of the item. */
export function additionalFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('additionalFields', itemIndex, {}) ?? {}) as IDataObject;
}

export function optionalBoolean(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject, key: string, label: string): boolean | undefined {
	const value = fields[key];
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'boolean') fail(ctx, itemIndex, `${label} of item ${itemIndex} must be true or false`);
	return value;
}

export function optionalText(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject, key: string, label: string): string | undefined {
	const value = fields[key];
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') fail(ctx, itemIndex, `${label} of item ${itemIndex} must be text`);
	return String(value);
}

/** A JSON object field: an object from an expression, or JSON text; empty means none. */
export function optionalObject(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject, key: string, label: string): IDataObject | undefined {
	let value = fields[key] as unknown;
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			fail(ctx, itemIndex, `${label} of item ${itemIndex} is not valid JSON`);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(ctx, itemIndex, `${label} of item ${itemIndex} must be a JSON object of names and values`);
	return Object.keys(value).length > 0 ? (value as IDataObject) : undefined;
}

export function utf8Bytes(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** Plain text as the HTML body the API takes: special characters escaped, line breaks kept as `<br>`. */
export function textAsHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;')
		.replace(/\r?\n/g, '<br>\n');
}
