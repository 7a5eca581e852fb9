import { localTime, utcTime } from '../lib/time';

/** A time in the viewer's zone; the UTC instant on hover and for assistive technology. */
export function Time({ value, fallback = '—' }: { value: string | null | undefined; fallback?: string }) {
  if (!value) return <span>{fallback}</span>;
  const utc = utcTime(value);
  return (
    <time dateTime={value} title={utc} className="time">
      {localTime(value)}
    </time>
  );
}
