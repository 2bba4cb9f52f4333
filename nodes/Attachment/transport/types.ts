import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

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
}

/** Per-request settings taken from the node's options; later work adds retries here. */
export interface RequestPolicy {
	timeoutMs?: number;
}

/** What came back over HTTP, whatever the status. */
export interface HttpAnswer {
	status: number;
	body: unknown;
	headers: IDataObject;
}

/** A provider's transport: sends an `ApiRequest` and returns the parsed success body, or throws a NodeApiError. */
export interface ProviderTransport {
	readonly provider: ProviderId;
	readonly credentialType: string;
	call(ctx: RequestContext, request: ApiRequest, itemIndex: number, policy: RequestPolicy): Promise<IDataObject>;
}
