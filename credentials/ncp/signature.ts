import { createHmac } from 'crypto';

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
