const LABELS: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  QUEUED: 'Queued',
  PENDING: 'Pending',
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  RETURNED: 'Returned',
  REJECTED: 'Rejected',
  AVAILABLE: 'Available',
  RESERVING: 'Reserving',
  LEASED: 'Leased',
  REBUILDING: 'Rebuilding',
  MAINTENANCE: 'Maintenance',
  ARCHIVING: 'Archiving',
  ARCHIVED: 'Archived',
};

/** A status as a labelled badge (colour is never the only signal: the word is there). */
export function Status({ value, awaiting }: { value: string; awaiting?: boolean }) {
  const label = awaiting && value === 'PENDING' ? 'Awaiting approval' : (LABELS[value] ?? value);
  return <span className={`badge badge-${value.toLowerCase()}${awaiting ? ' badge-awaiting' : ''}`}>{label}</span>;
}
