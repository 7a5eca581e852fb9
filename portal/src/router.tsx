// A small router over the History API: the portal's routes are few and flat, and this keeps
// them out of the initial bundle's weight. Links are real <a href> elements (keyboard, middle click).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useTransition, type AnchorHTMLAttributes, type ReactNode } from 'react';

type Location = { path: string; search: URLSearchParams };
type RouterValue = Location & { navigate: (to: string, opts?: { replace?: boolean }) => void; pending: boolean };

const RouterContext = createContext<RouterValue | null>(null);

function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

export function Router({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState(current);
  // The page on screen stays until the next one has its data; `pending` shows meanwhile.
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const on = () => startTransition(() => setLoc(current()));
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    if (opts?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    startTransition(() => setLoc(current()));
    window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ ...loc, navigate, pending }), [loc, navigate, pending]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const r = useContext(RouterContext);
  if (!r) throw new Error('useRouter outside <Router>');
  return r;
}

/** Matches "/leases/:id" against a path; the params, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) out[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return out;
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
