import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

import type { RetrySettings } from './retry';

/** Where requests are made from: an execution, or the editor loading a list of options. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export type ProviderId = 'ncp' | 'nhn';

/** One API call, described independently of how a provider authenticates or reports errors. */
export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Relative to the credential's base URL; path segments already encoded with `pathOf`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | FormData;
	/** Safe to repeat even if a first attempt may have been applied; GET requests always are. */
	idempotent?: boolean;
}

/** Per-request settings taken from the node's options. */
export interface RequestPolicy {
	timeoutMs?: number;
	retry?: RetrySettings;
}

/** What came back over HTTP, whatever the status. */
export interface HttpAnswer {
	status: number;
	body: unknown;
	headers: IDataObject;
	/** How many attempts it took (1 without retries). */
	attempts?: number;
	/** The failure would have been retried had the request been safe to repeat: it may have been applied. */
	notRetriedWrite?: boolean;
}

/** A provider's transport: sends an `ApiRequest` and returns the parsed success body, or throws a NodeApiError. */
export interface ProviderTransport {
	readonly provider: ProviderId;
	readonly credentialType: string;
	call(ctx: RequestContext, request: ApiRequest, itemIndex: number, policy: RequestPolicy): Promise<IDataObject>;
}
