// The product form's rules, checked before anything is sent (the server checks them again and
// has the last word).
import { parseDuration } from './duration';
import { parsePrice } from './money';

export type ComponentLine = { sku: string; quantity: string };

export type ProductValues = {
  sku: string;
  name: string;
  description: string;
  price: string;
  currency: string;
  defaultDuration: string;
  minDuration: string;
  maxDuration: string;
  maxLifetime: string;
  requiresApproval: boolean;
  extensionRequiresApproval: boolean;
  attributes: string;
  components: ComponentLine[];
};

export type ProductErrors = Partial<Record<keyof ProductValues, string>>;

export const emptyProduct: ProductValues = {
  sku: '',
  name: '',
  description: '',
  price: '',
  currency: 'USD',
  defaultDuration: '7d',
  minDuration: '',
  maxDuration: '30d',
  maxLifetime: '90d',
  requiresApproval: false,
  extensionRequiresApproval: false,
  attributes: '',
  components: [],
};

/** Says what is wrong with a SKU ("[tier][type].[size]", e.g. 2C.small), or null. */
export function skuProblem(sku: string): string | null {
  if (!/^[1-4]/.test(sku)) return 'A SKU is [tier][type].[size], e.g. 2C.small: the tier is 1 to 4.';
  if (!/^[1-4][A-E]/.test(sku)) return 'The type (second character) is one of A to E.';
  if (sku[2] !== '.') return 'A “.” follows tier and type, e.g. 2C.small.';
  if (!/^[1-4][A-E]\.[a-z][a-z0-9]{0,31}$/.test(sku)) return 'The size is a lower-case word (a-z, 0-9) of at most 32 characters.';
  return null;
}

/** Parses "key=value" lines into attributes; errors name the line. */
export function parseAttributes(text: string): { attributes: { key: string; value: string }[]; error?: string } {
  const out: { key: string; value: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (!l) continue;
    const eq = l.indexOf('=');
    if (eq <= 0) return { attributes: out, error: `Line ${i + 1}: write key=value, e.g. ram_gb=256.` };
    out.push({ key: l.slice(0, eq).trim(), value: l.slice(eq + 1).trim() });
  }
  return { attributes: out };
}

export type ProductInput = {
  sku?: string;
  name: string;
  description: string | null;
  attributes: { key: string; value: string }[];
  pricePerDay: number;
  currency?: string;
  defaultDuration: string | null;
  minDuration: string | null;
  maxDuration: string | null;
  maxLifetime: string | null;
  requiresApproval: boolean;
  extensionRequiresApproval: boolean;
  components?: { sku: string; quantity: number }[] | null;
};

/** Validates the form; creating checks the SKU, currency and components too (they cannot change later). */
export function validateProduct(v: ProductValues, creating: boolean): { errors: ProductErrors; input?: ProductInput } {
  const errors: ProductErrors = {};
  if (creating) {
    const p = skuProblem(v.sku.trim());
    if (p) errors.sku = p;
    if (!/^[A-Z]{3}$/.test(v.currency.trim())) errors.currency = 'Three capital letters (ISO 4217), e.g. USD or EUR.';
  }
  if (!v.name.trim()) errors.name = 'A product needs a name.';
  const price = parsePrice(v.price);
  if (price === null) errors.price = 'A price per day such as 45 or 45.50.';
  const dur: Record<string, string | null> = {};
  for (const k of ['defaultDuration', 'minDuration', 'maxDuration', 'maxLifetime'] as const) {
    if (!v[k].trim()) {
      dur[k] = null;
      continue;
    }
    const d = parseDuration(v[k]);
    if (!d.ok) errors[k] = d.error;
    else dur[k] = d.text;
  }
  const secs = (k: string) => (dur[k] ? (parseDuration(dur[k]!) as { seconds: number }).seconds : null);
  const [def, min, max, life] = [secs('defaultDuration'), secs('minDuration'), secs('maxDuration'), secs('maxLifetime')];
  if (!errors.maxDuration && max !== null && def !== null && def > max) errors.defaultDuration = 'The default is longer than the longest lease.';
  if (!errors.minDuration && min !== null && max !== null && min > max) errors.minDuration = 'The shortest lease is longer than the longest.';
  if (!errors.maxLifetime && life !== null && max !== null && life < max) errors.maxLifetime = 'The lifetime with extensions is shorter than one lease.';
  const attrs = parseAttributes(v.attributes);
  if (attrs.error) errors.attributes = attrs.error;
  let components: { sku: string; quantity: number }[] | null = null;
  if (creating && v.components.length > 0) {
    components = [];
    for (const [i, c] of v.components.entries()) {
      const q = Number(c.quantity);
      if (skuProblem(c.sku.trim())) {
        errors.components = `Component ${i + 1}: ${skuProblem(c.sku.trim())}`;
        break;
      }
      if (!/^\d+$/.test(c.quantity.trim()) || q < 1) {
        errors.components = `Component ${i + 1}: the quantity is a whole number, at least 1.`;
        break;
      }
      components.push({ sku: c.sku.trim(), quantity: q });
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  const input: ProductInput = {
    name: v.name.trim(),
    description: v.description.trim() || null,
    attributes: attrs.attributes,
    pricePerDay: price!,
    defaultDuration: dur.defaultDuration,
    minDuration: dur.minDuration,
    maxDuration: dur.maxDuration,
    maxLifetime: dur.maxLifetime,
    requiresApproval: v.requiresApproval,
    extensionRequiresApproval: v.extensionRequiresApproval,
  };
  if (creating) {
    input.sku = v.sku.trim();
    input.currency = v.currency.trim();
    input.components = components;
  }
  return { errors, input };
}
