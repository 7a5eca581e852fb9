import { humanDuration } from '../lib/duration';
import { secondsUntil, utcTime } from '../lib/time';
import { useNow } from './useNow';

/** Time left until an instant, ticking; "ended" once past. */
export function Countdown({ until }: { until: string | null | undefined }) {
  const now = useNow();
  if (!until) return <span>—</span>;
  const s = secondsUntil(until, now);
  const soon = s < 3600;
  return (
    <span className={`countdown${soon ? ' soon' : ''}`} title={`Ends ${utcTime(until)}`}>
      {s <= 0 ? 'ended' : `${humanDuration(s)} left`}
    </span>
  );
}
