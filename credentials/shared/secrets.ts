/** Replaced for each secret in text a server sent back. */
export const REDACTED = '[redacted]';

/** Shorter values are not scrubbed: they would redact ordinary words, and are not secrets worth the name. */
const MIN_SECRET_LENGTH = 4;

/** Every form a secret may travel in and be echoed back: as is, percent-encoded, base64 (the Basic value). */
function formsOf(secret: string): string[] {
	const forms = [secret, encodeURIComponent(secret), Buffer.from(secret, 'utf8').toString('base64')];
	return forms.filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * Text from a server (an error message, a token endpoint's reply) with every secret removed, so that an endpoint
 * that echoes the request cannot put a key or token into an error, a log or an output item.
 */
export function scrubSecrets(text: string, secrets: Iterable<string | undefined>): string {
	const forms = new Set<string>();
	for (const secret of secrets) if (secret && secret.length >= MIN_SECRET_LENGTH) for (const form of formsOf(secret)) forms.add(form);
	let scrubbed = text;
	// Longest first, so a secret that contains another is removed whole.
	for (const form of [...forms].sort((a, b) => b.length - a.length)) scrubbed = scrubbed.split(form).join(REDACTED);
	return scrubbed;
}
