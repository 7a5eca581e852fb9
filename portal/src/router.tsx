// A small router over the History API: the portal's routes are few and flat, and this keeps
// them out of the initial bundle's weight. Links are real <a href> elements (keyboard, middle click).
// A navigation starts the next page's query at once (render-as-you-fetch): its data and its code
// load together, and the page on screen stays until the next one has both.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useTransition, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { loadQuery, type PreloadedQuery } from 'react-relay';
import type { Environment, OperationType } from 'relay-runtime';
import { routeQuery } from './routeQueries';

export { match } from './lib/match';

type Location = { path: string; search: URLSearchParams };

/** Where the router is: the location and, for a page that is preloaded, its query under way. */
export type Entry = Location & { query: PreloadedQuery<OperationType> | null };

type RouterValue = Entry & { navigate: (to: string, opts?: { replace?: boolean }) => void; pending: boolean };

const RouterContext = createContext<RouterValue | null>(null);

export function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

/** The entry for a location: its page's query is sent now (one request, also refreshing the store). */
export function prepare(environment: Environment, loc: Location): Entry {
  const q = routeQuery(loc.path);
  return { ...loc, query: q ? loadQuery(environment, q.query, q.variables, { fetchPolicy: 'store-and-network' }) : null };
}

export function Router({ environment, initial, children }: { environment: Environment; initial?: Entry | null; children: ReactNode }) {
  const [entry, setEntry] = useState<Entry>(() => (initial && initial.path === window.location.pathname ? initial : prepare(environment, current())));
  // The page on screen stays until the next one has its data; `pending` shows meanwhile.
  const [pending, startTransition] = useTransition();
  const go = useCallback(() => {
    const next = prepare(environment, current());
    startTransition(() => setEntry(next));
  }, [environment]);
  useEffect(() => {
    window.addEventListener('popstate', go);
    return () => window.removeEventListener('popstate', go);
  }, [go]);
  // A query is released once its page has left the screen.
  const shown = useRef(entry);
  useEffect(() => {
    if (shown.current !== entry) {
      shown.current.query?.dispose();
      shown.current = entry;
    }
  }, [entry]);
  useEffect(() => () => shown.current.query?.dispose(), []);
  const navigate = useCallback(
    (to: string, opts?: { replace?: boolean }) => {
      if (opts?.replace) window.history.replaceState(null, '', to);
      else window.history.pushState(null, '', to);
      go();
      window.scrollTo(0, 0);
    },
    [go],
  );
  const value = useMemo(() => ({ ...entry, navigate, pending }), [entry, navigate, pending]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const r = useContext(RouterContext);
  if (!r) throw new Error('useRouter outside <Router>');
  return r;
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate, path } = useRouter();
  const active = path === to || (to !== '/' && path.startsWith(to + '/'));
  return (
    <a
      href={to}
      aria-current={active ? 'page' : undefined}
      {...rest}
      onClick={(e) => {
        rest.onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
