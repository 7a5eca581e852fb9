// The query each preloaded page shows, with its variables from the URL. The page's query starts
// when its route is matched, before its code or React runs: the early script (preload.ts) sends
// the first page's before the bundle is evaluated, and a navigation sends the next page's while
// its code loads. Kept free of React so the early script stays a few kilobytes.
import type { ConcreteRequest } from 'relay-runtime';
import CatalogQuery from './__generated__/CatalogQuery.graphql';
import MyMetalQuery from './__generated__/MyMetalQuery.graphql';
import ProductPageQuery from './__generated__/ProductPageQuery.graphql';
import LeasePageQuery from './__generated__/LeasePageQuery.graphql';
import { match } from './lib/match';

export type RouteQuery = { query: ConcreteRequest; variables: Record<string, unknown> };

const QUERIES: [string, ConcreteRequest, (p: Record<string, string>) => Record<string, unknown>][] = [
  ['/', CatalogQuery, () => ({})],
  ['/metal', MyMetalQuery, () => ({})],
  ['/catalog/:sku', ProductPageQuery, (p) => ({ sku: p.sku })],
  ['/leases/:id', LeasePageQuery, (p) => ({ id: p.id })],
];

/** The query of the page at path, or null when its page loads its own data. */
export function routeQuery(path: string): RouteQuery | null {
  for (const [pattern, query, vars] of QUERIES) {
    const params = match(pattern, path);
    if (params) return { query, variables: vars(params) };
  }
  return null;
}

/** The key under which an early request is found again: the operation and its variables. */
export function requestKey(name: string, variables: Record<string, unknown>): string {
  return `${name} ${JSON.stringify(variables)}`;
}

/** The request the early script sent for the first page, taken once by the Relay network. */
export type EarlyRequest = { token: string; key: string; response: Promise<Response> };

declare global {
  interface Window {
    __hardcandyEarly?: EarlyRequest;
  }
}

/** Posts one operation with the token; the raw response. */
export function send(token: string, query: string, variables: Record<string, unknown>): Promise<Response> {
  return fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
}
