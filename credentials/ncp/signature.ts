import { createHmac } from 'crypto';

/** What a refused signature means, said once for the credential test and the node's errors. */
export const NCP_CLOCK_HINT =
	'NAVER Cloud rejected the signature. Check the access key ID and secret key, and that this ' +
	"machine's clock is correct: the API gateway refuses requests more than 5 minutes off its time.";

export interface NcpSigningKeys {
	accessKeyId: string;
	secretKey: string;
}

export const NCP_HEADERS = {
	timestamp: 'x-ncp-apigw-timestamp',
	accessKey: 'x-ncp-iam-access-key',
	signature: 'x-ncp-apigw-signature-v2',
} as const;

/** `METHOD requestTarget\ntimestamp\naccessKey`: the message API Gateway signature v2 signs. */
export function stringToSign(
	method: string,
	requestTarget: string,
	timestamp: string,
	accessKeyId: string,
): string {
	return `${method.toUpperCase()} ${requestTarget}\n${timestamp}\n${accessKeyId}`;
}

export function hmacBase64(secretKey: string, message: string): string {
	return createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(message, 'utf8').digest('base64');
}

/** The path after the host, base path and query string included, exactly as sent. */
export function requestTargetOf(url: URL): string {
	return `${url.pathname}${url.search}`;
}

/** Pure: the three signature headers for one request at one instant. */
export function signatureHeaders(
	method: string,
	requestTarget: string,
	keys: NcpSigningKeys,
	timestampMs: number,
): Record<string, string> {
	const timestamp = String(timestampMs);
	return {
		[NCP_HEADERS.timestamp]: timestamp,
		[NCP_HEADERS.accessKey]: keys.accessKeyId,
		[NCP_HEADERS.signature]: hmacBase64(
			keys.secretKey,
			stringToSign(method, requestTarget, timestamp, keys.accessKeyId),
		),
	};
}
