/** The Basic authorization value of a User Access Key, computed here independently of the credential code. */
export function basicValueOf(id: string, secret: string): string {
	return Buffer.from(`${id}:${secret}`, 'utf8').toString('base64');
}
