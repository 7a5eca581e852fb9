import { useId, useState, type FormEvent } from 'react';
import { post } from './relay';
import { describeError, findApiError } from './lib/errors';
import { saveSession, takeNotice, type Role, type SessionViewer } from './session';

const VIEWER_QUERY = 'query SignIn { viewer { id name role costCenter { code } } }';

/** Sign in by pasting an API token; the server checks it before the portal keeps it. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string, v: SessionViewer) => void }) {
  const [notice] = useState(takeNotice);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim().replace(/^Bearer\s+/i, '');
    if (!t) {
      setError('Paste your API token.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = (await post(t, VIEWER_QUERY, {})) as { data: { viewer: { id: string; name: string; role: Role; costCenter: { code: string } | null } } };
      const v = res.data.viewer;
      const sv: SessionViewer = { id: v.id, name: v.name, role: v.role, costCenter: v.costCenter?.code ?? null };
      saveSession(t, sv);
      onSignedIn(t, sv);
    } catch (err) {
      const api = findApiError(err);
      if (api?.code === 'UNAUTHENTICATED') setError('That token is unknown or has been revoked. Check that you pasted all of it, or ask an admin for a new one.');
      else {
        const d = describeError(err);
        setError(`${d.headline}. ${d.detail}`);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin" id="main">
      <form onSubmit={submit} className="card" noValidate>
        <h1>Sign in to Hardcandy</h1>
        <p>Paste your API token. It stays in this browser tab only and is forgotten when the tab closes.</p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <label htmlFor={id}>API token</label>
        <input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : `${id}-help`}
          placeholder="hc_…"
          autoFocus
        />
        <p id={`${id}-help`} className="help">
          An admin issues tokens with <code>hardcandy token issue --user NAME</code>; the demo prints its users' tokens at start.
        </p>
        {error && (
          <p id={`${id}-err`} className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
