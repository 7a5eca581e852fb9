import { Environment, Network, Observable, RecordSource, Store, type FetchFunction, type SubscribeFunction } from 'relay-runtime';
import type { Client } from 'graphql-ws';
import { ApiError, type ApiErrorShape } from './lib/errors';
import { requestKey, send } from './routeQueries';

export type Transport = {
  token: string;
  environment: Environment;
  close: () => void;
  /** Runs (once, or at once if it already happened) when the server no longer accepts the token. */
  onUnauthenticated: (f: () => void) => void;
};

/** Posts one operation with the token; an answer with errors becomes an ApiError. */
export async function post(token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  return read(await send(token, query, variables));
}

/** The early script's request for this operation, if it sent it with this token; taken once. */
function early(token: string, name: string, variables: Record<string, unknown>): Promise<Response> | null {
  const e = window.__hardcandyEarly;
  if (!e || e.token !== token || e.key !== requestKey(name, variables)) return null;
  window.__hardcandyEarly = undefined;
  return e.response;
}

/** A response's data; errors become an ApiError. */
async function read(res: Response): Promise<Record<string, unknown>> {
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
export function createTransport(token: string): Transport {
  let ended = false;
  let handler: (() => void) | null = null;
  const onUnauthenticated = () => {
    if (ended) return;
    ended = true;
    handler?.();
  };
  const fetchFn: FetchFunction = async (params, variables) => {
    try {
      const res = await (early(token, params.name, variables) ?? send(token, params.text ?? '', variables));
      return (await read(res)) as never;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') onUnauthenticated();
      throw e;
    }
  };

  // The websocket client loads with the first subscription: the catalog never needs it.
  let ws: Promise<Client> | null = null;
  let closed = false;
  const wsClient = () => {
    if (!ws) {
      ws = import('graphql-ws').then(({ createClient }) => {
        const url = new URL('/graphql', window.location.href);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        const c = createClient({
          url: url.href,
          lazy: true,
          connectionParams: { Authorization: `Bearer ${token}` },
          retryAttempts: 20,
          shouldRetry: () => true,
          on: {
            closed: (ev) => {
              const code = (ev as CloseEvent | undefined)?.code;
              // 4401 (the token was revoked while the socket was open) or 4403 (refused in
              // connection_init): the same as an unknown token over HTTP.
              if (code === 4401 || code === 4403) onUnauthenticated();
            },
          },
        });
        if (closed) c.dispose();
        return c;
      });
    }
    return ws;
  };

  const subscribeFn: SubscribeFunction = (params, variables) =>
    Observable.create((sink) => {
      let stop: (() => void) | null = null;
      let stopped = false;
      wsClient().then(
        (client) => {
          if (stopped) return;
          stop = client.subscribe(
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
          );
        },
        () => sink.error(new ApiError('NETWORK', 'The live connection could not start.')),
      );
      return () => {
        stopped = true;
        stop?.();
      };
    });

  const environment = new Environment({
    network: Network.create(fetchFn, subscribeFn),
    store: new Store(new RecordSource(), { gcReleaseBufferSize: 20 }),
  });
  return {
    token,
    environment,
    close: () => {
      closed = true;
      void ws?.then((c) => c.dispose());
    },
    onUnauthenticated: (f) => {
      handler = f;
      if (ended) f();
    },
  };
}
