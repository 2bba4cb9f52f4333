import type { INodeProperties } from 'n8n-workflow';

/** createMailRequest's optional fields (NCP-send, NCP-send-gov, NCP-sdk). */
export const ncpAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Advertising',
			name: 'advertising',
			type: 'boolean',
			default: false,
			description: 'Whether the mail is advertising (the service adds the unsubscribe message)',
		},
		{
			displayName: 'Confirm in Console Before Sending',
			name: 'confirmAndSend',
			type: 'boolean',
			default: false,
			description: 'Whether the mail waits until it is confirmed in the NAVER Cloud console',
		},
		{
			displayName: 'References Header',
			name: 'referencesHeader',
			type: 'string',
			default: '',
			placeholder: '<unique_id@example.com>',
			description: 'Mails with the same value are threaded together by NAVER Mail (at most 100 characters)',
		},
		{
			displayName: 'Send At',
			name: 'sendAt',
			type: 'dateTime',
			default: '',
			description: 'When to send (reservation); a time without an offset is read in the workflow\'s time zone',
		},
		{
			displayName: 'Send Individually',
			name: 'individual',
			type: 'boolean',
			default: true,
			description:
				'Whether each recipient gets their own mail and sees only their own address (the service\'s default). Turned off when CC or BCC is given: the service takes CC and BCC only on one mail to all.',
		},
		{
			displayName: 'Substitution Parameters',
			name: 'parameters',
			type: 'json',
			default: '{}',
			description: 'Values for ${name} placeholders in the subject and body, as a JSON object',
		},
		{
			displayName: 'Unsubscribe Message',
			name: 'unsubscribeMessage',
			type: 'string',
			default: '',
			description: 'Advertising mail with the basic message off: your unsubscribe text (#{UNSUBSCRIBE_MESSAGE} in the body places it)',
		},
		{
			displayName: 'Use Basic Unsubscribe Message',
			name: 'useBasicUnsubscribeMsg',
			type: 'boolean',
			default: true,
			description: 'Whether an advertising mail carries the service\'s basic unsubscribe message',
		},
	],
};
