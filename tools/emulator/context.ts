/* eslint-disable @n8n/community-nodes/no-restricted-imports -- emulator tooling: runs outside n8n and is never published */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorState } from './state';

export interface RequestContext {
	req: IncomingMessage;
	res: ServerResponse;
	state: EmulatorState;
	method: string;
	/** Raw path as received, still percent-encoded. */
	pathname: string;
	query: URLSearchParams;
	/** `http://127.0.0.1:PORT`, for absolute URLs the emulator hands out. */
	baseUrl: string;
}

export type Handler = (ctx: RequestContext) => Promise<void>;

/** Route table entry: `segments` may hold `:name` placeholders; handlers per method. */
export interface Route {
	segments: string[];
	methods: Record<string, (ctx: RequestContext, params: Record<string, string>) => Promise<void>>;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'no-path' }
	| { kind: 'no-method'; route: Route };

/**
 * Finds the route for raw path segments (literal routes first, as listed); placeholders get the
 * segment percent-decoded once. A path that fits only routes lacking the method is `no-method`.
 */
export function matchRoute(routes: Route[], segments: string[], method: string, decode: (s: string) => string): RouteMatch {
	let pathOnly: Route | undefined;
	for (const route of routes) {
		if (route.segments.length !== segments.length) continue;
		const params: Record<string, string> = {};
		const fits = route.segments.every((pattern, i) => {
			if (pattern.startsWith(':')) {
				params[pattern.slice(1)] = decode(segments[i]);
				return true;
			}
			return pattern === segments[i];
		});
		if (!fits) continue;
		if (route.methods[method]) return { kind: 'found', route, params };
		pathOnly ??= route;
	}
	return pathOnly ? { kind: 'no-method', route: pathOnly } : { kind: 'no-path' };
}
