// The data of one e2e fault case: the items' files, and the IDs the gets read, seeded in the emulator before the
// run as NCP uploads and NHN attachments.
import { DAY_MS, sha256, type EmulatorDriver } from './emulator';
import type { FaultCase } from './fault-cases';
import { ITEMS, type CaseIds } from './fault-operations';
import type { InlineFile } from './workflows';

export const caseIds = (index: number): CaseIds => ({
	ncp: Array.from({ length: ITEMS }, (_, i) => `e2e-fault-${String(index).padStart(2, '0')}-item-${i}-99`),
	// The NHN shape: yyyyMMddHHmmss + 11 characters.
	nhn: Array.from({ length: ITEMS }, (_, i) => `20250101000000F${String(index).padStart(2, '0')}I${i}e2eflt`),
});

export const caseFiles = (c: FaultCase): InlineFile[] =>
	Array.from({ length: ITEMS }, (_, i) => ({
		bytes: Buffer.from(`%PDF-1.4\n% e2e fault ${c.key} item ${i}\n%%EOF\n`),
		fileName: `fault-${c.key}-${i}.pdf`,
		mimeType: 'application/pdf',
	}));

/** Puts the items' NCP uploads and NHN attachments in the emulator under the case's fixed IDs. */
export function seed(driver: EmulatorDriver, ids: CaseIds): void {
	const state = driver.emulator.state;
	const now = state.clock.now();
	for (let i = 0; i < ITEMS; i++) {
		const ncpData = Buffer.from(`seeded ncp file ${ids.ncp[i]}`);
		const file = { fileId: `${ids.ncp[i]}-file`, tempRequestId: ids.ncp[i], fileName: `seed-${i}.pdf`, size: ncpData.length, sha256: sha256(ncpData), data: ncpData };
		state.ncp.uploads.set(ids.ncp[i], { tempRequestId: ids.ncp[i], files: [file] });
		state.ncp.filesById.set(file.fileId, file);
		const nhnData = Buffer.from(`seeded nhn attachment ${ids.nhn[i]}`);
		state.nhn.attachments.set(ids.nhn[i], {
			attachmentId: ids.nhn[i],
			fileName: `seed-${i}.jpg`,
			fileFormat: 'JPG',
			size: nhnData.length,
			sha256: sha256(nhnData),
			data: nhnData,
			uploadedFileTypes: ['EMAIL_DEFAULT'],
			createdAtMs: now,
			expiresAtMs: now + 7 * DAY_MS,
		});
	}
}
