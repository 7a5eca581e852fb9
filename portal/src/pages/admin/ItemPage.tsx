import { useId, useState, type FormEvent } from 'react';
import { graphql, useLazyLoadQuery, useMutation } from 'react-relay';
import type { ItemPageQuery } from '../../__generated__/ItemPageQuery.graphql';
import type { ItemPageMaintenanceMutation } from '../../__generated__/ItemPageMaintenanceMutation.graphql';
import type { ItemPageReleaseMutation } from '../../__generated__/ItemPageReleaseMutation.graphql';
import type { ItemPageArchiveMutation } from '../../__generated__/ItemPageArchiveMutation.graphql';
import { useSeenViewer } from '../../viewer';
import { Link } from '../../router';
import { Status } from '../../components/Status';
import { Time } from '../../components/Time';
import { Countdown } from '../../components/Countdown';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Confirm } from '../../components/Confirm';
import { Empty } from '../../components/Loading';

const query = graphql`
  query ItemPageQuery($id: ID!) {
    viewer { id name role costCenter { code } }
    node(id: $id) {
      __typename
      ... on InventoryItem {
        id name pool labels status statusChangedAt lastError createdAt
        product { id sku name }
        events { id at actor kind from to message }
        currentLease { id status endsAt owner { id name } }
      }
    }
  }
`;

const fields = graphql`
  fragment ItemPage_item on InventoryItem {
    id status statusChangedAt lastError
    events { id at actor kind from to message }
    currentLease { id status endsAt owner { id name } }
  }
`;
void fields;

const maintenance = graphql`
  mutation ItemPageMaintenanceMutation($id: ID!, $reason: String!) {
    setItemMaintenance(id: $id, reason: $reason) { id ...ItemPage_item }
  }
`;
const release = graphql`
  mutation ItemPageReleaseMutation($id: ID!) {
    releaseItemFromMaintenance(id: $id) { id ...ItemPage_item }
  }
`;
const archive = graphql`
  mutation ItemPageArchiveMutation($id: ID!) {
    archiveItem(id: $id) { id ...ItemPage_item }
  }
`;

export default function ItemPage({ params }: { params: Record<string, string> }) {
  const data = useLazyLoadQuery<ItemPageQuery>(query, { id: params.id }, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const [setMaint, settingMaint] = useMutation<ItemPageMaintenanceMutation>(maintenance);
  const [doRelease, releasing] = useMutation<ItemPageReleaseMutation>(release);
  const [doArchive, archiving] = useMutation<ItemPageArchiveMutation>(archive);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [open, setOpen] = useState<null | 'maintenance' | 'archive'>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const it = data.node?.__typename === 'InventoryItem' ? data.node : null;
  if (!it || !it.id) {
    return (
      <section>
        <h1>No item {params.id}</h1>
        <p><Link to="/admin/inventory">Inventory</Link></p>
      </section>
    );
  }
  const ok = (msg: string) => () => {
    setOpen(null);
    setError(null);
    setDone(msg);
  };
  const fail = (e: Error) => {
    setOpen(null);
    setDone(null);
    setError(e);
  };
  const submitMaint = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError('Say why, in a few words: it is kept in the item’s history.');
      return;
    }
    setReasonError(null);
    setMaint({ variables: { id: it.id!, reason: reason.trim() }, onCompleted: ok('The item is in maintenance.'), onError: fail });
  };
  const events = [...(it.events ?? [])].sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
  return (
    <section>
      <p className="crumbs">
        <Link to="/admin/inventory">Inventory</Link> › {it.name}
      </p>
      <div className="page-head">
        <h1 className="mono">{it.name}</h1>
        <Status value={it.status!} />
        <span className="sku">{it.product?.sku}</span>
      </div>
      <div className="grid2">
        <div className="panel">
          <h2>Item</h2>
          <dl className="kv">
            <div><dt>Product</dt><dd>{it.product?.sku} · {it.product?.name}</dd></div>
            <div><dt>Pool</dt><dd>{it.pool ?? '—'}</dd></div>
            <div><dt>Labels</dt><dd>{it.labels?.join(', ') || '—'}</dd></div>
            <div><dt>Status since</dt><dd><Time value={it.statusChangedAt} /></dd></div>
            <div><dt>Added</dt><dd><Time value={it.createdAt} /></dd></div>
            {it.lastError && <div><dt>Last error</dt><dd className="error">{it.lastError}</dd></div>}
          </dl>
          <div className="buttons" style={{ marginTop: '0.8rem' }}>
            {it.status === 'AVAILABLE' && (
              <button type="button" onClick={() => { setDone(null); setOpen(open === 'maintenance' ? null : 'maintenance'); }} aria-expanded={open === 'maintenance'}>
                Put into maintenance
              </button>
            )}
            {it.status === 'MAINTENANCE' && (
              <button type="button" className="primary" disabled={releasing} onClick={() => doRelease({ variables: { id: it.id! }, onCompleted: ok('Released: the item is available.'), onError: fail })}>
                {releasing ? 'Releasing…' : 'Release from maintenance'}
              </button>
            )}
            {(it.status === 'AVAILABLE' || it.status === 'MAINTENANCE') && (
              <button type="button" className="danger-outline" onClick={() => setOpen('archive')}>
                Archive
              </button>
            )}
          </div>
          {open === 'maintenance' && (
            <form className="form inline" onSubmit={submitMaint} noValidate>
              <label htmlFor={`${id}-reason`}>Reason</label>
              <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} size={30} aria-invalid={reasonError ? true : undefined} aria-describedby={`${id}-reason-msg`} autoFocus />
              <button type="submit" className="primary" disabled={settingMaint}>
                {settingMaint ? 'Saving…' : 'Put into maintenance'}
              </button>
              <span id={`${id}-reason-msg`} className={reasonError ? 'field-error' : 'help'}>
                {reasonError ?? 'Kept in the item’s history.'}
              </span>
            </form>
          )}
          <ErrorMessage error={error} />
          {done && <p className="ok" role="status">{done}</p>}
          <Confirm
            open={open === 'archive'}
            title={`Archive ${it.name}?`}
            confirmLabel="Archive"
            danger
            busy={archiving}
            onCancel={() => setOpen(null)}
            onConfirm={() => doArchive({ variables: { id: it.id! }, onCompleted: ok('Archived: decommissioned and kept for history.'), onError: fail })}
          >
            <p>It is decommissioned: it can no longer be leased, and stays in the history.</p>
          </Confirm>
        </div>
        <div className="panel">
          <h2>Current lease</h2>
          {it.currentLease ? (
            <dl className="kv">
              <div><dt>Lease</dt><dd><Link to={`/leases/${it.currentLease.id}`}>{it.currentLease.id}</Link> <Status value={it.currentLease.status} /></dd></div>
              <div><dt>Held by</dt><dd>{it.currentLease.owner.name}</dd></div>
              <div><dt>Ends</dt><dd><Time value={it.currentLease.endsAt} /> · <Countdown until={it.currentLease.endsAt} /></dd></div>
            </dl>
          ) : (
            <Empty>Not leased.</Empty>
          )}
        </div>
      </div>
      <div className="panel" style={{ marginTop: '1rem' }}>
        <h2>History</h2>
        {events.length === 0 ? (
          <Empty>No events.</Empty>
        ) : (
          <ol className="timeline">
            {events.map((e) => (
              <li key={e.id}>
                <Time value={e.at} /> <strong>{e.kind}</strong>
                {(e.from || e.to) && <span className="muted"> {e.from ?? '—'} → {e.to ?? '—'}</span>}
                {e.actor && <span className="muted"> · {e.actor}</span>}
                {e.message && <div className="msg">{e.message}</div>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
