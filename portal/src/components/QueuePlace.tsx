import { Time } from './Time';

/** A QUEUED lease's place in its product's waiting list, and when its wait lapses. */
export function QueuePlace({ position, until }: { position: number | null | undefined; until: string | null | undefined }) {
  return (
    <span data-queue-position={position ?? undefined}>
      {position != null ? <strong>#{position} in the queue</strong> : 'In the queue'}
      {until != null && (
        <>
          {' '}
          · lapses <Time value={until} />
        </>
      )}
    </span>
  );
}
