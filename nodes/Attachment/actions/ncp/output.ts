import type { IDataObject } from 'n8n-workflow';

interface NcpFile extends IDataObject {
	fileName: string;
	fileSize: number;
	fileId: string;
}

function filesOf(body: IDataObject): NcpFile[] {
	return Array.isArray(body.files) ? (body.files as NcpFile[]) : [];
}

/** `{tempRequestId, files, fileIds}`: `fileIds` is what the mail API's `attachFileIds` takes. */
export function temporaryFilesOutput(body: IDataObject): IDataObject {
	const files = filesOf(body);
	return { tempRequestId: body.tempRequestId, files, fileIds: files.map((file) => file.fileId) };
}

/** Several uploads of one item (one request per file) as one output. */
export function uploadsOutput(bodies: IDataObject[]): IDataObject {
	const files = bodies.flatMap(filesOf);
	const tempRequestIds = bodies.map((body) => body.tempRequestId as string);
	return {
		tempRequestId: tempRequestIds[0],
		tempRequestIds,
		files,
		fileIds: files.map((file) => file.fileId),
	};
}
