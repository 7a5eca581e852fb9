import { Environment, Network, Observable, RecordSource, Store, type FetchFunction, type SubscribeFunction } from 'relay-runtime';
import { createClient, type Client } from 'graphql-ws';
import { ApiError, type ApiErrorShape } from './lib/errors';

export type Transport = { environment: Environment; close: () => void };

/** Posts one operation with the token; an answer with errors becomes an ApiError. */
export async function post(token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  let json: { data?: Record<string, unknown> | null; errors?: ApiErrorShape[] };
  try {
    json = await res.json();
  } catch {
    throw new ApiError(res.status === 413 ? 'INVALID_ARGUMENT' : 'INTERNAL', res.status === 413 ? 'That is too large to send.' : `The server answered ${res.status}.`);
  }
  if (json.errors && json.errors.length > 0) throw ApiError.from(json.errors[0]);
  return json as Record<string, unknown>;
}

/**
 * A Relay environment speaking to this server: queries and mutations over HTTP, subscriptions
 * over one lazily opened websocket that carries the token in connection_init.
 * onUnauthenticated runs when the server no longer accepts the token.
 */
export function createTransport(token: string, onUnauthenticated: () => void): Transport {
  const fetchFn: FetchFunction = async (params, variables) => {
    try {
      return (await post(token, params.text ?? '', variables)) as never;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') onUnauthenticated();
      throw e;
    }
  };

  let ws: Client | null = null;
  const wsClient = () => {
    if (!ws) {
      const url = new URL('/graphql', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      ws = createClient({
        url: url.href,
        lazy: true,
        connectionParams: { Authorization: `Bearer ${token}` },
        retryAttempts: 20,
        shouldRetry: () => true,
        on: {
          closed: (ev) => {
            const code = (ev as CloseEvent | undefined)?.code;
            // 4403/4401: the server refused the token in connection_init.
            if (code === 4401 || code === 4403) onUnauthenticated();
          },
        },
      });
    }
    return ws;
  };

  const subscribeFn: SubscribeFunction = (params, variables) =>
    Observable.create((sink) =>
      wsClient().subscribe(
        { query: params.text ?? '', variables, operationName: params.name },
        {
          next: (v) => {
            if (v.errors?.length) {
              const err = ApiError.from(v.errors[0] as ApiErrorShape);
              if (err.code === 'UNAUTHENTICATED') onUnauthenticated();
              sink.error(err);
              return;
            }
            sink.next(v as never);
          },
          error: (e) => sink.error(e instanceof Error ? e : new ApiError('NETWORK', 'The live connection failed.')),
          complete: () => sink.complete(),
        },
      ),
    );

  const environment = new Environment({
    network: Network.create(fetchFn, subscribeFn),
    store: new Store(new RecordSource(), { gcReleaseBufferSize: 20 }),
  });
  return { environment, close: () => ws?.dispose() };
}
