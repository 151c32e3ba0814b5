/**
 * A minimal GraphQL-over-HTTP client for the app's own /graphql endpoint. It tells apart the
 * three things the page must show differently: the service could not be reached (network error,
 * timeout, 5xx or a response that is not GraphQL), the service refused the request (GraphQL
 * errors, e.g. BAD_USER_INPUT for malformed search syntax), and a request the page cancelled itself.
 */

export class ServiceUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceUnreachableError';
  }
}

export interface GraphqlErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphqlRequestError extends Error {
  constructor(readonly errors: GraphqlErrorEntry[]) {
    super(errors.map((error) => error.message).join('; ') || 'The request was refused');
    this.name = 'GraphqlRequestError';
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export class GraphqlClient {
  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs = 15000,
    /** Sent with every request (the workspace's X-Requested-With, which lets its session cookie authenticate a change). */
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { ...this.headers, 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) throw new ServiceUnreachableError('The search service did not answer in time.');
      if (isAbort(error) || signal?.aborted) throw error;
      throw new ServiceUnreachableError('The search service cannot be reached.');
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    let body: { data?: T | null; errors?: GraphqlErrorEntry[] };
    try {
      body = await response.json();
    } catch {
      throw new ServiceUnreachableError(`The search service answered with an unexpected response (HTTP ${response.status}).`);
    }
    if (body.errors?.length) {
      if (response.status >= 500 && !body.data) throw new ServiceUnreachableError('The search service had an internal error.');
      throw new GraphqlRequestError(body.errors);
    }
    if (!body.data) throw new ServiceUnreachableError(`The search service answered with an unexpected response (HTTP ${response.status}).`);
    return body.data;
  }
}
