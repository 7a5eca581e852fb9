// The signed-in token lives in sessionStorage: for this browser tab only, gone when it closes,
// never in a URL, a cookie or a log.

const TOKEN = 'hardcandy.token';
const VIEWER = 'hardcandy.viewer';
const NOTICE = 'hardcandy.signin-notice';

export type Role = 'USER' | 'MANAGER' | 'ADMIN';
export type SessionViewer = { id: string; name: string; role: Role; costCenter: string | null };

export function loadToken(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function loadViewer(): SessionViewer | null {
  try {
    const v = sessionStorage.getItem(VIEWER);
    return v ? (JSON.parse(v) as SessionViewer) : null;
  } catch {
    return null;
  }
}

export function saveSession(token: string, viewer: SessionViewer): void {
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(VIEWER, JSON.stringify(viewer));
}

export function saveViewer(viewer: SessionViewer): void {
  sessionStorage.setItem(VIEWER, JSON.stringify(viewer));
}

/** Forgets the token; notice is shown on the sign-in page (e.g. why the session ended). */
export function clearSession(notice?: string): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(VIEWER);
  if (notice) sessionStorage.setItem(NOTICE, notice);
}

export function takeNotice(): string | null {
  const n = sessionStorage.getItem(NOTICE);
  sessionStorage.removeItem(NOTICE);
  return n;
}

export function isManager(v: SessionViewer | null): boolean {
  return v?.role === 'MANAGER' || v?.role === 'ADMIN';
}

export function isAdmin(v: SessionViewer | null): boolean {
  return v?.role === 'ADMIN';
}
