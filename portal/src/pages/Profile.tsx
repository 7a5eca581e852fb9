import { useId, useState, type FormEvent } from 'react';
import { fetchQuery, graphql, useLazyLoadQuery, useMutation, useRelayEnvironment } from 'react-relay';
import type { ProfileQuery } from '../__generated__/ProfileQuery.graphql';
import type { ProfileUpdateMutation } from '../__generated__/ProfileUpdateMutation.graphql';
import type { ProfileCreateTokenMutation } from '../__generated__/ProfileCreateTokenMutation.graphql';
import type { ProfileRevokeTokenMutation } from '../__generated__/ProfileRevokeTokenMutation.graphql';
import { useSeenViewer } from '../viewer';
import { Time } from '../components/Time';
import { ErrorMessage } from '../components/ErrorMessage';
import { Confirm } from '../components/Confirm';
import { Empty } from '../components/Loading';
import { parseDuration } from '../lib/duration';

const query = graphql`
  query ProfileQuery {
    viewer { id name role email timeZone webhookUrl costCenter { code } }
    tokens { id prefix name createdAt lastUsedAt expiresAt revokedAt active }
  }
`;

const update = graphql`
  mutation ProfileUpdateMutation($input: UpdateProfileInput!) {
    updateProfile(input: $input) { id email timeZone webhookUrl }
  }
`;
const create = graphql`
  mutation ProfileCreateTokenMutation($input: CreateTokenInput!) {
    createToken(input: $input) { token apiToken { id prefix name createdAt expiresAt active } }
  }
`;
const revoke = graphql`
  mutation ProfileRevokeTokenMutation($id: ID!) {
    revokeToken(id: $id) { id revokedAt active }
  }
`;

/** One's own email, time zone and webhook for notices, and one's API tokens. */
export default function Profile() {
  const data = useLazyLoadQuery<ProfileQuery>(query, {}, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  return (
    <section>
      <div className="page-head">
        <h1>Profile</h1>
        <p className="muted">
          {data.viewer.name} · {data.viewer.role.toLowerCase()}
          {data.viewer.costCenter ? ` · ${data.viewer.costCenter.code}` : ''}
        </p>
      </div>
      <div className="grid2">
        <div className="panel">
          <h2>Notices</h2>
          <ProfileForm email={data.viewer.email ?? ''} timeZone={data.viewer.timeZone ?? ''} webhookUrl={data.viewer.webhookUrl ?? ''} />
        </div>
        <div className="panel">
          <h2>API tokens</h2>
          <Tokens tokens={data.tokens} />
        </div>
      </div>
    </section>
  );
}

function validZone(z: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: z });
    return true;
  } catch {
    return false;
  }
}

function ProfileForm(props: { email: string; timeZone: string; webhookUrl: string }) {
  const [commit, saving] = useMutation<ProfileUpdateMutation>(update);
  const [email, setEmail] = useState(props.email);
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [webhookUrl, setWebhookUrl] = useState(props.webhookUrl);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (email.trim() && !/^[^\s@]+@[^\s@]+$/.test(email.trim())) errs.email = 'Enter an address such as ana@example.com, or leave it empty.';
    if (timeZone.trim() && !validZone(timeZone.trim())) errs.timeZone = 'Enter an IANA zone such as Europe/Berlin, or leave it empty.';
    if (webhookUrl.trim() && !/^https?:\/\/\S+$/.test(webhookUrl.trim())) errs.webhookUrl = 'Enter an https:// URL, or leave it empty.';
    setErrors(errs);
    setSaved(false);
    if (Object.keys(errs).length > 0) return;
    setError(null);
    commit({
      variables: { input: { email: email.trim(), timeZone: timeZone.trim(), webhookUrl: webhookUrl.trim() } },
      onCompleted: () => setSaved(true),
      onError: setError,
    });
  };
  const field = (name: string, label: string, value: string, set: (v: string) => void, help: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${id}-${name}-msg`}
        spellCheck={false}
      />
      <span id={`${id}-${name}-msg`} className={errors[name] ? 'field-error' : 'help'}>
        {errors[name] ?? help}
      </span>
    </div>
  );
  return (
    <form className="form" onSubmit={submit} noValidate>
      {field('email', 'Email', email, setEmail, 'Where notices are mailed.', 'email')}
      {field('timeZone', 'Time zone', timeZone, setTimeZone, `For times in notices, e.g. ${Intl.DateTimeFormat().resolvedOptions().timeZone}.`)}
      {field('webhookUrl', 'Webhook URL', webhookUrl, setWebhookUrl, 'Notices are POSTed there, signed; https.', 'url')}
      <div className="buttons">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
      <ErrorMessage error={error} />
      {saved && (
        <p className="ok" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}

type Token = ProfileQuery['response']['tokens'][number];

function Tokens({ tokens }: { tokens: readonly Token[] }) {
  const env = useRelayEnvironment();
  const [commitCreate, creating] = useMutation<ProfileCreateTokenMutation>(create);
  const [commitRevoke, revoking] = useMutation<ProfileRevokeTokenMutation>(revoke);
  const [name, setName] = useState('');
  const [expiresIn, setExpiresIn] = useState('90d');
  const [expiresError, setExpiresError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [revokeId, setRevokeId] = useState<string | null>(null);
  const id = useId();
  const refresh = () => fetchQuery(env, query, {}, { fetchPolicy: 'network-only' }).subscribe({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let by: string | null = null;
    if (expiresIn.trim()) {
      const d = parseDuration(expiresIn);
      if (!d.ok) {
        setExpiresError(d.error);
        return;
      }
      by = d.text;
    }
    setExpiresError(null);
    setError(null);
    setCopied(false);
    commitCreate({
      variables: { input: { name: name.trim() || null, expiresIn: by } },
      onCompleted: (r) => {
        setCreated(r.createToken.token);
        setName('');
        refresh();
      },
      onError: setError,
    });
  };
  return (
    <>
      {tokens.length === 0 ? (
        <Empty>No tokens.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} data-token={t.prefix}>
                  <td>
                    <span className="mono">{t.prefix}…</span> {t.name}
                  </td>
                  <td>
                    <Time value={t.createdAt} />
                  </td>
                  <td>
                    <Time value={t.lastUsedAt} fallback="never" />
                  </td>
                  <td>
                    <Time value={t.expiresAt} fallback="never" />
                  </td>
                  <td>
                    {t.active ? (
                      <button type="button" className="danger-outline" onClick={() => setRevokeId(t.id)} aria-label={`Revoke token ${t.prefix}`}>
                        Revoke
                      </button>
                    ) : (
                      <span className="muted">{t.revokedAt ? 'revoked' : 'expired'}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form inline" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} size={14} placeholder="e.g. laptop" />
        <label htmlFor={`${id}-exp`}>Expires in</label>
        <input id={`${id}-exp`} value={expiresIn} onChange={(e) => setExpiresIn(e.target.value)} size={6} aria-invalid={expiresError ? true : undefined} aria-describedby={`${id}-exp-msg`} />
        <button type="submit" className="primary" disabled={creating}>
          {creating ? 'Creating…' : 'Create token'}
        </button>
        <span id={`${id}-exp-msg`} className={expiresError ? 'field-error' : 'help'}>
          {expiresError ?? 'Empty: until revoked.'}
        </span>
      </form>
      <ErrorMessage error={error} />
      {created && (
        <div className="notice" role="status">
          <p>
            <strong>Your new token, shown only now:</strong> <code className="mono" data-new-token>{created}</code>
          </p>
          <button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(created);
                setCopied(true);
              } catch {
                setCopied(false);
              }
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>{' '}
          <button type="button" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      {revokeId && (
        <Confirm
          open
          title="Revoke this token?"
          confirmLabel="Revoke"
          danger
          busy={revoking}
          onCancel={() => setRevokeId(null)}
          onConfirm={() =>
            commitRevoke({
              variables: { id: revokeId },
              onCompleted: () => setRevokeId(null),
              onError: (e) => {
                setRevokeId(null);
                setError(e);
              },
            })
          }
        >
          <p>Anything using it stops working at once. Revoking the token you signed in with signs you out.</p>
        </Confirm>
      )}
    </>
  );
}
