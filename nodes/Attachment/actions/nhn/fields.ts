import type { INodeProperties } from 'n8n-workflow';

export const attachmentIdField: INodeProperties = {
	displayName: 'Attachment ID',
	name: 'attachmentId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '20230131070811m2fDe1rXx80',
	description: 'The attachmentId an upload returned',
};

export const fileNameField: INodeProperties = {
	displayName: 'File Name',
	name: 'fileName',
	type: 'string',
	default: '',
	placeholder: 'invoice.pdf',
	description: 'The name to store the file under; leave empty to use the binary data\'s own file name',
};

export const failOnInvalidOption: INodeProperties = {
	displayName: 'Fail on Invalid',
	name: 'failOnInvalid',
	type: 'boolean',
	default: false,
	description: 'Whether a file that fails validation stops the item with an error, instead of being reported as valid: false',
};
