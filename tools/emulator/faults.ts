/* eslint-disable @n8n/community-nodes/no-restricted-imports -- emulator tooling: runs outside n8n and is never published */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { delay, drain, sendJson, sendRaw, type Headers } from './http-utils';
import { SERVICE_NAMES, type ServiceName } from './services';

export type FaultSpec =
	| { type: 'status'; status: number; body?: unknown; headers?: Headers }
	| { type: 'delay'; ms: number }
	| { type: 'reset' }
	| { type: 'malformed' }
	| { type: 'html'; status: number };

export interface FaultMatch {
	method?: string;
	pathPrefix?: string;
	pathRegex?: string;
	service?: ServiceName;
}

export interface FaultRule {
	id: number;
	match: FaultMatch;
	remaining: number;
	fault: FaultSpec;
}

export class FaultSpecError extends Error {}

let nextFaultId = 1;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isStatus = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;

function isValidRegex(source: string): boolean {
	try {
		new RegExp(source);
		return true;
	} catch {
		return false;
	}
}

function parseSpec(raw: unknown): FaultSpec {
	if (!isRecord(raw)) throw new FaultSpecError('fault must be an object');
	switch (raw.type) {
		case 'status': {
			if (!isStatus(raw.status)) throw new FaultSpecError('fault.status must be an HTTP status');
			if (raw.headers !== undefined && !isRecord(raw.headers)) throw new FaultSpecError('fault.headers must be an object');
			const headers = Object.fromEntries(
				Object.entries((raw.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
			);
			return { type: 'status', status: raw.status, body: raw.body, headers };
		}
		case 'delay':
			if (typeof raw.ms !== 'number' || raw.ms < 0) throw new FaultSpecError('fault.ms must be a number >= 0');
			return { type: 'delay', ms: raw.ms };
		case 'reset':
		case 'malformed':
			return { type: raw.type };
		case 'html': {
			const status = raw.status ?? 502;
			if (!isStatus(status)) throw new FaultSpecError('fault.status must be an HTTP status');
			return { type: 'html', status };
		}
		default:
			throw new FaultSpecError('fault.type must be status, delay, reset, malformed or html');
	}
}

function parseMatch(raw: unknown): FaultMatch {
	if (raw === undefined) return {};
	if (!isRecord(raw)) throw new FaultSpecError('match must be an object');
	const match: FaultMatch = {};
	if (raw.method !== undefined) match.method = String(raw.method).toUpperCase();
	if (raw.pathPrefix !== undefined) match.pathPrefix = String(raw.pathPrefix);
	if (raw.pathRegex !== undefined) {
		match.pathRegex = String(raw.pathRegex);
		if (!isValidRegex(match.pathRegex)) throw new FaultSpecError('match.pathRegex is not a valid regular expression');
	}
	if (raw.service !== undefined) {
		if (!SERVICE_NAMES.includes(raw.service as ServiceName)) throw new FaultSpecError(`match.service must be one of ${SERVICE_NAMES.join(', ')}`);
		match.service = raw.service as ServiceName;
	}
	return match;
}

export function parseFaultRule(raw: unknown): FaultRule {
	if (!isRecord(raw)) throw new FaultSpecError('body must be a JSON object');
	const count = raw.count ?? 1;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new FaultSpecError('count must be an integer >= 1');
	return { id: nextFaultId++, match: parseMatch(raw.match), remaining: count, fault: parseSpec(raw.fault) };
}

function matches(rule: FaultRule, service: ServiceName, method: string, path: string): boolean {
	const { match } = rule;
	if (match.service && match.service !== service) return false;
	if (match.method && match.method !== method) return false;
	if (match.pathPrefix && !path.startsWith(match.pathPrefix)) return false;
	if (match.pathRegex && !new RegExp(match.pathRegex).test(path)) return false;
	return true;
}

/** Takes one use of the first rule matching this request; a rule disappears after its last use. */
export function takeFault(rules: FaultRule[], service: ServiceName, method: string, path: string): FaultSpec | undefined {
	const index = rules.findIndex((rule) => matches(rule, service, method, path));
	if (index < 0) return undefined;
	const rule = rules[index];
	rule.remaining -= 1;
	if (rule.remaining <= 0) rules.splice(index, 1);
	return rule.fault;
}

/** NCP API Gateway's own error codes, by the HTTP status it answers with. */
const NCP_GATEWAY_ERRORS: Record<number, [string, string]> = {
	401: ['200', 'Authentication Failed'],
	403: ['210', 'Permission Denied'],
	404: ['300', 'Not Found Exception'],
	413: ['430', 'Request Entity Too Large'],
	429: ['420', 'Rate Limited'],
	503: ['500', 'Endpoint Error'],
	504: ['510', 'Endpoint Timeout'],
};

function defaultErrorBody(service: ServiceName, status: number): unknown {
	if (service === 'ncp') {
		const [errorCode, message] = NCP_GATEWAY_ERRORS[status] ?? ['900', 'Unexpected Error'];
		return { error: { errorCode, message, details: `HTTP ${status} injected by the emulator` } };
	}
	if (service === 'nhn-oauth') return { error: 'server_error', error_description: `HTTP ${status} injected by the emulator` };
	return { header: { isSuccessful: false, resultCode: status * 1000, resultMessage: `HTTP ${status} injected by the emulator` } };
}

const HTML_PAGE = (status: number): string =>
	`<!DOCTYPE html>\n<html><head><title>${status} Error</title></head>` +
	`<body><h1>${status} Error</h1><p>The upstream server returned an error.</p><hr><center>nginx</center></body></html>\n`;

/** Answers with the fault. Returns false for a delay fault: the request then goes on as usual. */
export async function applyFault(
	fault: FaultSpec,
	service: ServiceName,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<boolean> {
	switch (fault.type) {
		case 'delay':
			await delay(fault.ms);
			return false;
		case 'reset':
			req.socket.destroy();
			return true;
		case 'malformed':
			await drain(req);
			sendRaw(res, 200, 'application/json;charset=UTF-8', '{"header":{"isSuccessful":tru');
			return true;
		case 'html':
			await drain(req);
			sendRaw(res, fault.status, 'text/html; charset=utf-8', HTML_PAGE(fault.status));
			return true;
		case 'status': {
			await drain(req);
			const body = fault.body ?? defaultErrorBody(service, fault.status);
			if (typeof body === 'string') sendRaw(res, fault.status, 'text/plain; charset=utf-8', body, fault.headers);
			else sendJson(res, fault.status, body, fault.headers);
			return true;
		}
	}
}
