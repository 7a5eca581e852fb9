import { useState } from 'react';

/** Parses the dispenser's credentials JSON into fields to show; raw text when it is not JSON. */
export function credentialFields(raw: string): [string, string][] {
  try {
    const v = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]);
  } catch {
    /* not JSON */
  }
  return [['credentials', raw]];
}

/** Credentials hidden until revealed; each value can be copied. */
export function Credentials({ raw, itemName }: { raw: string | null | undefined; itemName: string }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  if (!raw) return <span className="muted">No credentials visible to you.</span>;
  const fields = credentialFields(raw);
  const copy = async (k: string, v: string) => {
    try {
      await navigator.clipboard.writeText(v);
      setCopied(k);
    } catch {
      setCopied(null);
    }
  };
  return (
    <div className="credentials">
      <button type="button" onClick={() => setShown((s) => !s)} aria-expanded={shown} aria-label={`${shown ? 'Hide' : 'Reveal'} credentials of ${itemName}`}>
        {shown ? 'Hide credentials' : 'Reveal credentials'}
      </button>
      {shown && (
        <dl className="kv">
          {fields.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                <code data-credential={k}>{v}</code>
                <button type="button" className="small" onClick={() => copy(k, v)} aria-label={`Copy ${k}`}>
                  {copied === k ? 'Copied' : 'Copy'}
                </button>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
