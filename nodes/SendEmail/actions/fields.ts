import type { INodeProperties } from 'n8n-workflow';

/** The fields both providers share, in the order of n8n's own email nodes. */
export function mailFields(provider: 'ncp' | 'nhn'): INodeProperties[] {
	const isNcp = provider === 'ncp';
	const fields: INodeProperties[] = [
		{
			displayName: 'From Email',
			name: 'fromEmail',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'admin@example.com',
			description: isNcp
				? 'Sender address, on a domain you own (NAVER refuses naver.com, navercorp.com, ncloud.com and similar)'
				: 'Sender address, on a sending domain verified in the Notification Hub console',
		},
	];
	if (isNcp) {
		fields.push({
			displayName: 'From Name',
			name: 'fromName',
			type: 'string',
			default: '',
			description: 'Sender name shown to recipients (at most 69 bytes)',
		});
	}
	fields.push({
		displayName: 'To Email',
		name: 'toEmail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'info@example.com, Jane <jane@example.com>',
		description: 'Recipients, separated by commas, or an expression giving a list of addresses',
	});
	if (isNcp) {
		fields.push(
			{
				displayName: 'CC Email',
				name: 'ccEmail',
				type: 'string',
				default: '',
				description: 'CC recipients, separated by commas (at most 30). Sent as one mail to all (Send Individually off).',
			},
			{
				displayName: 'BCC Email',
				name: 'bccEmail',
				type: 'string',
				default: '',
				description: 'BCC recipients, separated by commas (at most 30). Sent as one mail to all (Send Individually off).',
			},
		);
	}
	fields.push(
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'My subject line',
		},
		{
			displayName: 'Email Format',
			name: 'emailFormat',
			type: 'options',
			options: [
				{ name: 'HTML', value: 'html', description: 'The body is HTML' },
				{
					name: 'Text',
					value: 'text',
					description: isNcp ? 'The body is plain text, sent as HTML with line breaks kept' : 'The body is plain text, sent as written',
				},
			],
			default: 'html',
		},
		{
			displayName: 'Body',
			name: 'body',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			description: isNcp ? 'The mail body (at most 500 KB)' : 'The mail body',
		},
		{
			displayName: 'Attachments (Binary Fields)',
			name: 'attachments',
			type: 'string',
			default: '',
			placeholder: 'data, invoice',
			description: isNcp
				? 'Binary fields of the input item to upload and attach, separated by commas (each file at most 10 MB, 20 MB per mail)'
				: 'Binary fields of the input item to upload and attach, separated by commas (at most 10 attachments, 30 MB per mail)',
		},
		{
			displayName: 'Attachment IDs',
			name: 'attachmentIds',
			type: 'string',
			default: '',
			placeholder: isNcp ? '={{ $json.fileIds }}' : '={{ $json.attachmentId }}',
			description: isNcp
				? 'IDs of files already uploaded (the Attachment node\'s fileIds), separated by commas or as an expression giving a list'
				: 'IDs of attachments already uploaded with an EMAIL file type (the Attachment node\'s attachmentId), separated by commas or as a list',
		},
	);
	return fields;
}

export function operationField(provider: 'ncp' | 'nhn'): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [provider] } },
		options: [{ name: 'Send', value: 'send', description: 'Send an email, with attachments', action: 'Send an email' }],
		default: 'send',
	};
}
