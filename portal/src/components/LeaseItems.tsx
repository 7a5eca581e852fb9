import { graphql, useFragment } from 'react-relay';
import type { LeaseItems_lease$key } from '../__generated__/LeaseItems_lease.graphql';
import { Credentials } from './Credentials';
import { Time } from './Time';

/** A lease's items with their credentials (revealed on demand). */
export function LeaseItems({ lease, withCredentials = true }: { lease: LeaseItems_lease$key; withCredentials?: boolean }) {
  const l = useFragment(
    graphql`
      fragment LeaseItems_lease on Lease {
        allocations {
          id
          vendedAt
          releasedAt
          credentials
          item { id name pool product { sku } }
        }
      }
    `,
    lease,
  );
  if (l.allocations.length === 0) return <p className="muted">No items yet.</p>;
  return (
    <ul className="items">
      {l.allocations.map((a) => (
        <li key={a.id} className="item">
          <div>
            <strong className="mono">{a.item.name}</strong> <span className="sku">{a.item.product.sku}</span>
            {a.item.pool && <span className="muted"> · {a.item.pool}</span>}
            {a.releasedAt && (
              <span className="muted">
                {' '}
                · released <Time value={a.releasedAt} />
              </span>
            )}
          </div>
          {withCredentials && !a.releasedAt && <Credentials raw={a.credentials} itemName={a.item.name} />}
        </li>
      ))}
    </ul>
  );
}
