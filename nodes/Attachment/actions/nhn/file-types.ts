import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fileTypesParameter } from '../../helpers/parameters';
import { MESSAGE_CHANNEL_OPTIONS } from '../common/fields';

/**
 * One File Types parameter per value of Show File Types Of, each shown for its channel only: n8n drops the value of a
 * parameter it no longer shows, so switching channel clears the other channel's picks instead of keeping them
 * beside n8n's generic "not supported" warning. All Channels keeps the name `fileTypes` of the workflows saved
 * before the split.
 */
const PARAMETER_OF_CHANNEL: Record<string, string> = {
	'': 'fileTypes',
	ALIMTALK: 'alimtalkFileTypes',
	EMAIL: 'emailFileTypes',
	PUSH: 'pushFileTypes',
	RCS: 'rcsFileTypes',
	SMS: 'smsFileTypes',
};

export const fileTypeChannelField: INodeProperties = {
	displayName: 'Show File Types Of',
	name: 'fileTypeChannel',
	type: 'options',
	// A fixed choice: the File Types list below is picked by it when the panel is shown.
	noDataExpression: true,
	options: [{ name: 'All Channels', value: '' }, ...MESSAGE_CHANNEL_OPTIONS],
	default: '',
	description:
		'Which channel\'s file types the list below offers (All Channels: every file type, to mix channels). Switching channel clears the file types picked. Not sent: what counts is the file types you pick.',
};

/** The name of the File Types parameter shown for this channel. */
export function fileTypesParameterName(channel: string): string {
	return PARAMETER_OF_CHANNEL[channel] ?? PARAMETER_OF_CHANNEL[''];
}

/** Show File Types Of, then one File Types list per channel, each shown under its channel only. */
export function fileTypeFields(description: string, required: boolean): INodeProperties[] {
	return [
		fileTypeChannelField,
		...Object.entries(PARAMETER_OF_CHANNEL).map(
			([channel, name]): INodeProperties => ({
				displayName: 'File Type Names or IDs',
				name,
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getFileTypes', loadOptionsDependsOn: ['fileTypeChannel'] },
				displayOptions: { show: { fileTypeChannel: [channel] } },
				default: [],
				required,
				description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
			}),
		),
	];
}

/** The file types picked in the list the chosen channel shows. */
export function chosenFileTypes(ctx: IExecuteFunctions, itemIndex: number, required: boolean): string[] {
	const channel = ctx.getNodeParameter('fileTypeChannel', itemIndex, '') as string;
	return fileTypesParameter(ctx, itemIndex, fileTypesParameterName(channel), required);
}
