// Times in the viewer's time zone for reading, the UTC instant for a tooltip.

const full = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** "1 Dec 2026, 21:11 CET" in the viewer's zone. */
export function localTime(iso: string, fmt: Intl.DateTimeFormat = full): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return fmt.format(d);
}

/** "2026-12-01 20:11:26 UTC": the instant, unambiguous. */
export function utcTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

/** Seconds from now until iso (negative when past). */
export function secondsUntil(iso: string, now: number): number {
  return (new Date(iso).getTime() - now) / 1000;
}

/** The first instant of a month "2026-11" in UTC, as the API wants it. */
export function monthStart(month: string): string {
  return `${month}-01T00:00:00Z`;
}

/** The month n months after "2026-11" ("2027-01" for n = 2). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** The current month in UTC, "2026-12". */
export function currentMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}
