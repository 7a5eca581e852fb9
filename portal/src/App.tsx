import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { RelayEnvironmentProvider } from 'react-relay';
import type { PreloadedQuery } from 'react-relay';
import type { OperationType } from 'relay-runtime';
import { Router, Link, match, useRouter, type Entry } from './router';
import { clearSession, isAdmin, isManager, loadViewer, type SessionViewer } from './session';
import { createTransport, type Transport } from './relay';
import { ViewerContext } from './viewer';
import { SignIn } from './SignIn';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Loading';
import Catalog from './pages/Catalog';
import ProductPage from './pages/ProductPage';
import MyMetal from './pages/MyMetal';
import LeasePage from './pages/LeasePage';

// Managers' and admins' pages (and the charts) load only when opened: the first page stays small.
const Approvals = lazy(() => import('./pages/manager/Approvals'));
const TeamLeases = lazy(() => import('./pages/manager/TeamLeases'));
const Showback = lazy(() => import('./pages/manager/Showback'));
const Bills = lazy(() => import('./pages/manager/Bills'));
const Inventory = lazy(() => import('./pages/admin/Inventory'));
const ItemPage = lazy(() => import('./pages/admin/ItemPage'));
const Import = lazy(() => import('./pages/admin/Import'));
const Products = lazy(() => import('./pages/admin/Products'));
const ProductEdit = lazy(() => import('./pages/admin/ProductEdit'));
const Jobs = lazy(() => import('./pages/admin/Jobs'));
const Notices = lazy(() => import('./pages/admin/Notices'));
const Profile = lazy(() => import('./pages/Profile'));
// The availability calendar (and booking ahead) too.
const Calendar = lazy(() => import('./pages/Calendar'));

/** What a page gets: the route's params and, for a preloaded page (routeQueries.ts), its query under way. */
export type PageProps = { params: Record<string, string>; query: PreloadedQuery<OperationType> | null };

type Route = { pattern: string; page: ComponentType<PageProps>; title: string; need?: 'manager' | 'admin' };

export const ROUTES: Route[] = [
  { pattern: '/', page: Catalog, title: 'Catalog' },
  { pattern: '/catalog/:sku', page: ProductPage, title: 'Product' },
  { pattern: '/catalog/:sku/calendar', page: Calendar, title: 'Calendar' },
  { pattern: '/metal', page: MyMetal, title: 'My metal' },
  { pattern: '/leases/:id', page: LeasePage, title: 'Lease' },
  { pattern: '/profile', page: Profile, title: 'Profile' },
  { pattern: '/approvals', page: Approvals, title: 'Approvals', need: 'manager' },
  { pattern: '/team', page: TeamLeases, title: 'Team leases', need: 'manager' },
  { pattern: '/showback', page: Showback, title: 'Showback', need: 'manager' },
  { pattern: '/bills', page: Bills, title: 'Bills', need: 'manager' },
  { pattern: '/admin/inventory', page: Inventory, title: 'Inventory', need: 'admin' },
  { pattern: '/admin/items/:id', page: ItemPage, title: 'Item', need: 'admin' },
  { pattern: '/admin/import', page: Import, title: 'Import items', need: 'admin' },
  { pattern: '/admin/catalog', page: Products, title: 'Products', need: 'admin' },
  { pattern: '/admin/catalog/new', page: ProductEdit, title: 'New product', need: 'admin' },
  { pattern: '/admin/catalog/:sku', page: ProductEdit, title: 'Edit product', need: 'admin' },
  { pattern: '/admin/jobs', page: Jobs, title: 'Scheduler jobs', need: 'admin' },
  { pattern: '/admin/notices', page: Notices, title: 'Notices', need: 'admin' },
];

function resolve(path: string): { route: Route; params: Record<string, string> } | null {
  // "/admin/catalog/new" before "/admin/catalog/:sku": the list is in that order.
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

/** The session the page opened with: the tab's token, and the first page's query already sent. */
export type Initial = { transport: Transport; entry: Entry } | null;

export function App({ initial = null }: { initial?: Initial }) {
  const [session, setSession] = useState<{ transport: Transport; viewer: SessionViewer; entry: Entry | null } | null>(() => {
    const viewer = loadViewer();
    return initial && viewer ? { ...initial, viewer } : null;
  });
  const signOut = useCallback((notice?: string) => {
    clearSession(notice);
    setSession(null);
  }, []);
  const transport = session?.transport;
  useEffect(() => {
    if (!transport) return;
    // Leave the render that noticed it before unmounting everything.
    transport.onUnauthenticated(() => setTimeout(() => signOut('Your session ended: the token is unknown or has been revoked. Sign in with a valid token.'), 0));
    return () => transport.close();
  }, [transport, signOut]);
  const setViewer = useCallback((viewer: SessionViewer) => setSession((s) => (s ? { ...s, viewer } : s)), []);

  if (!session) {
    return <SignIn onSignedIn={(t, viewer) => setSession({ transport: createTransport(t), viewer, entry: null })} />;
  }
  return (
    <RelayEnvironmentProvider environment={session.transport.environment}>
      <ViewerContext.Provider value={{ viewer: session.viewer, setViewer, signOut }}>
        <Router key={session.transport.token} environment={session.transport.environment} initial={session.entry}>
          <Shell viewer={session.viewer} signOut={() => signOut()} />
        </Router>
      </ViewerContext.Provider>
    </RelayEnvironmentProvider>
  );
}

function Shell({ viewer, signOut }: { viewer: SessionViewer; signOut: () => void }) {
  const { path, pending, query } = useRouter();
  const found = resolve(path);
  const allowed = !found?.route.need || (found.route.need === 'manager' ? isManager(viewer) : isAdmin(viewer));
  const title = found ? found.route.title : 'Not found';
  useEffect(() => {
    document.title = `${title} · Hardcandy`;
  }, [title]);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After a navigation, move focus to the page so keyboard and screen-reader users start there.
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [path]);
  const Page = found?.route.page;
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      {pending && <div className="route-progress" role="progressbar" aria-label="Loading the page" />}
      <header className="topbar">
        <Link to="/" className="brand">
          Hardcandy
        </Link>
        <nav aria-label="Main" className="nav">
          <ul>
            <li><Link to="/">Catalog</Link></li>
            <li><Link to="/metal">My metal</Link></li>
            {isManager(viewer) && (
              <>
                <li><Link to="/approvals">Approvals</Link></li>
                <li><Link to="/team">Team leases</Link></li>
                <li><Link to="/showback">Showback</Link></li>
                <li><Link to="/bills">Bills</Link></li>
              </>
            )}
          </ul>
          {isAdmin(viewer) && (
            <ul aria-label="Administration" className="admin-nav">
              <li><Link to="/admin/inventory">Inventory</Link></li>
              <li><Link to="/admin/import">Import</Link></li>
              <li><Link to="/admin/catalog">Products</Link></li>
              <li><Link to="/admin/jobs">Jobs</Link></li>
              <li><Link to="/admin/notices">Notices</Link></li>
            </ul>
          )}
        </nav>
        <div className="who">
          <span>
            <Link to="/profile" className="who-name" aria-label={`Profile of ${viewer.name}`}>
              {viewer.name}
            </Link>{' '}
            <span className="muted">
              {viewer.role.toLowerCase()}
              {viewer.costCenter ? ` · ${viewer.costCenter}` : ''}
            </span>
          </span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <ErrorBoundary resetKey={path}>
          <Suspense fallback={<Loading />}>
            {!Page ? (
              <NotFound />
            ) : !allowed ? (
              <div className="error" role="alert">
                <strong>You may not open this page.</strong> It is for {found!.route.need === 'admin' ? 'admins' : 'managers and admins'}.
              </div>
            ) : (
              <Page params={found!.params} query={query} />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page here. Go to the <Link to="/">catalog</Link>.
      </p>
    </section>
  );
}
