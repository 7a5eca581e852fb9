// One formatter per currency: making one costs far more than using it, and a page shows hundreds.
const formats = new Map<string, Intl.NumberFormat | null>();

/** Minor units in a currency for reading: 4500 USD → "$45.00". */
export function money(minor: number, currency: string): string {
  let f = formats.get(currency);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      f = null; // not a currency Intl knows
    }
    formats.set(currency, f);
  }
  return f ? f.format(minor / 100) : `${(minor / 100).toFixed(2)} ${currency}`;
}

/** Parses a price a person typed ("45", "45.5", "45.50") into minor units; null when it is not one. */
export function parsePrice(input: string): number | null {
  const s = input.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}
