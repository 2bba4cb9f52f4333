/**
 * In-memory credentials table for the engine harness: one stored credential per credential type
 * (id and name are the type name), kept encrypted with n8n-core's `Credentials` (Cipher with the
 * harness's instance key), so stored data round-trips through JSON exactly as in n8n.
 */
import { Credentials } from 'n8n-core';
import { UserError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface CredentialUpdate {
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** Stored credentials, one per credential type, encrypted at rest like n8n's credentials table. */
export class CredentialStore {
	private readonly rows = new Map<string, string>();
	readonly updates: CredentialUpdate[] = [];

	static async create(initial: Record<string, ICredentialDataDecryptedObject> = {}) {
		const store = new CredentialStore();
		for (const [type, data] of Object.entries(initial)) await store.write(type, data);
		return store;
	}

	has(type: string) {
		return this.rows.has(type);
	}

	/** Credentials object as n8n's `getCredentials` returns it (id and name are the type name). */
	open(type: string): Credentials {
		const row = this.rows.get(type);
		if (row === undefined) {
			throw new UserError(`Credential with ID "${type}" does not exist for type "${type}".`);
		}
		return new Credentials({ id: type, name: type }, type, row);
	}

	async read(type: string): Promise<ICredentialDataDecryptedObject> {
		return await this.open(type).getData();
	}

	async write(type: string, data: ICredentialDataDecryptedObject) {
		const credentials = new Credentials({ id: type, name: type }, type);
		await credentials.setData(data);
		this.rows.set(type, credentials.getDataToSave().data as string);
	}
}
