import type { IDataObject } from 'n8n-workflow';

interface NcpFile extends IDataObject {
	fileName: string;
	fileSize: number;
	fileId: string;
	/** The upload (temporary request) that holds the file. */
	tempRequestId: string;
}

function filesOf(body: IDataObject): NcpFile[] {
	const files = Array.isArray(body.files) ? (body.files as IDataObject[]) : [];
	return files.map((file) => ({ ...file, tempRequestId: String(body.tempRequestId) }) as NcpFile);
}

/**
 * The output of Upload, Get and Delete, one shape for one or several temporary requests:
 * `{ tempRequestId, tempRequestIds, files: [{ fileName, fileSize, fileId, tempRequestId }], fileIds }`.
 * `tempRequestId` holds every ID, separated by commas, so that passing it on to Get or Delete covers all the files;
 * `fileIds` is what the mail API's `attachFileIds` takes.
 */
export function temporaryFilesOutput(bodies: IDataObject[]): IDataObject {
	const files = bodies.flatMap(filesOf);
	const tempRequestIds = bodies.map((body) => String(body.tempRequestId));
	return {
		tempRequestId: tempRequestIds.join(','),
		tempRequestIds,
		files,
		fileIds: files.map((file) => file.fileId),
	};
}
