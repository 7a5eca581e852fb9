// Durations as the API speaks them: "14d", "36h", "90m", "45s" and combinations such as "1d12h",
// units largest first, each at most once (the same rules as the server's duration package).

const UNITS: [string, number][] = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

export type Parsed = { ok: true; seconds: number; text: string } | { ok: false; error: string };

/** Parses a duration a person typed; the error says what to type instead. */
export function parseDuration(input: string): Parsed {
  const s = input.trim().toLowerCase().replace(/\s+/g, '');
  if (s === '') return { ok: false, error: 'Enter a duration such as 7d, 36h or 1d12h.' };
  let rest = s;
  let next = 0;
  let total = 0;
  while (rest.length > 0) {
    const m = /^(\d+)([a-z]?)/.exec(rest);
    if (!m) return { ok: false, error: `Expected a number before "${rest}".` };
    const [whole, digits, unit] = m;
    if (unit === '') return { ok: false, error: `"${digits}" has no unit: use d, h, m or s.` };
    const j = UNITS.findIndex(([u], i) => i >= next && u === unit);
    if (j < 0) return { ok: false, error: `Unit "${unit}" is unknown or out of order: use d, h, m, s, largest first.` };
    total += Number(digits) * UNITS[j][1];
    next = j + 1;
    rest = rest.slice(whole.length);
  }
  if (!Number.isFinite(total) || total > 100 * 365 * 86400) return { ok: false, error: 'That is too long.' };
  if (total <= 0) return { ok: false, error: 'The duration must be more than zero.' };
  return { ok: true, seconds: total, text: toAPI(total) };
}

/** Seconds in the API's form, e.g. 129600 → "1d12h". */
export function toAPI(seconds: number): string {
  let v = Math.floor(seconds);
  if (v <= 0) return '0s';
  let out = '';
  for (const [u, size] of UNITS) {
    const n = Math.floor(v / size);
    if (n > 0) {
      out += `${n}${u}`;
      v -= n * size;
    }
  }
  return out;
}

// The API's durations are few and repeat (every product's "7d"): parse each once.
const parsed = new Map<string, number>();

/** Seconds of a duration from the API ("23h59m59s"); NaN when it is not one. */
export function seconds(api: string | null | undefined): number {
  if (!api) return NaN;
  let v = parsed.get(api);
  if (v === undefined) {
    const p = parseDuration(api);
    v = p.ok ? p.seconds : NaN;
    if (parsed.size < 1000) parsed.set(api, v);
  }
  return v;
}

/** A duration for reading, at most two units: "6d 23h", "4h 05m", "59s". */
export function humanDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return '—';
  const v = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(v / 86400);
  const h = Math.floor((v % 86400) / 3600);
  const m = Math.floor((v % 3600) / 60);
  const s = v % 60;
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
