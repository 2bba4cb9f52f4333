import type { INodeProperties } from 'n8n-workflow';

/** The EMAIL free-form message's optional fields and its purpose (NHN-msg). */
export const nhnAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Confirm in Console Before Sending',
			name: 'confirmBeforeSend',
			type: 'boolean',
			default: false,
			description: 'Whether the message waits for approval in the console (not together with Send At)',
		},
		{
			displayName: 'Message Purpose',
			name: 'messagePurpose',
			type: 'options',
			options: [
				{ name: 'Advertising (AD)', value: 'AD', description: 'The subject must begin with (AD), (Ad) or (Advertisement), or the Korean or Japanese ad label' },
				{ name: 'Authentication (AUTH)', value: 'AUTH', description: 'Verification mail: it cannot carry attachments' },
				{ name: 'Normal', value: 'NORMAL' },
			],
			default: 'NORMAL',
		},
		{
			displayName: 'Send At',
			name: 'sendAt',
			type: 'dateTime',
			default: '',
			description: 'When to send (at most 60 days ahead); a time without an offset is read in the workflow\'s time zone',
		},
		{
			displayName: 'Statistics Key ID',
			name: 'statsKeyId',
			type: 'string',
			default: '',
			description: 'The statistics key to count the message under (at most 8 characters)',
		},
		{
			displayName: 'Template Parameters',
			name: 'templateParameters',
			type: 'json',
			default: '{}',
			description: 'Values for the placeholders in the subject and body, as a JSON object; given to every recipient',
		},
	],
};
