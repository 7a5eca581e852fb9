// Shapes the usage rows of a period and its months for the charts and the table.

export type UsageRow = { readonly key: string; readonly itemHours: number; readonly cost: number; readonly currency: string };

/** Per key (user, product, cost center), its cost in each month, in minor units; keys by total cost, largest first. */
export function monthlySeries(perMonth: readonly (readonly UsageRow[])[]): { key: string; values: number[] }[] {
  const byKey = new Map<string, number[]>();
  perMonth.forEach((rows, i) => {
    for (const r of rows) {
      const v = byKey.get(r.key) ?? new Array(perMonth.length).fill(0);
      v[i] += r.cost;
      byKey.set(r.key, v);
    }
  });
  return [...byKey.entries()]
    .map(([key, values]) => ({ key, values, total: values.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
    .map(({ key, values }) => ({ key, values }));
}

/** The period's rows with each one's share of the cost, largest first. */
export function totals(rows: readonly UsageRow[]): (UsageRow & { share: number })[] {
  const sum = rows.reduce((a, r) => a + r.cost, 0);
  return [...rows]
    .sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key))
    .map((r) => ({ ...r, share: sum > 0 ? (100 * r.cost) / sum : 0 }));
}
