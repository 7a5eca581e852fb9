import { describeError } from '../lib/errors';

/** An error in words: a headline from the code, then the server's rule. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const d = describeError(error);
  return (
    <div className="error" role="alert" data-code={d.code}>
      <strong>{d.headline}.</strong> {d.detail}
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
