// The portal's figures: initial JavaScript (gzipped), time until a page is interactive in
// headless Chromium against `hardcandy serve` on SQLite, and GraphQL requests per page view.
// Scene: 100 products in the catalog, a user with 50 active leases, 100,000 inventory items.
//   node e2e/bench.mjs          (make bench runs it; needs a Chromium and bin/hardcandy)
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { startServer, launch, gql, chromiumPath, repo } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100000);

function bundle() {
  const dist = path.join(repo, 'portal/dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))];
  let raw = 0;
  let gz = 0;
  for (const f of initial) {
    const b = readFileSync(path.join(dist, f));
    raw += b.length;
    gz += gzipSync(b).length;
  }
  return { files: initial.length, raw, gz, names: initial };
}

async function scene(server) {
  const admin = server.tokens.admin;
  const existing = (await gql(server, admin, '{ products(includeRetired: true) { totalCount } }')).products.totalCount;
  for (let i = existing; i < 100; i++) {
    await gql(server, admin, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
      i: { sku: `3A.bench${String(i).padStart(3, '0')}`, name: `Benchmark project ${i}`, description: 'A product for the benchmark.', pricePerDay: 1000 + i, currency: 'USD', defaultDuration: '7d', maxDuration: '30d' },
    });
  }
  // 50 items of a metal product for alice's 50 leases, then the rest of the 100,000 in batches.
  await gql(server, admin, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
    i: { sku: '4D.bench', name: 'Benchmark metal', pricePerDay: 5000, currency: 'USD', defaultDuration: '7d', maxDuration: '30d' },
  });
  const demoItems = (await gql(server, admin, '{ inventoryItems { totalCount } }')).inventoryItems.totalCount;
  let made = demoItems;
  for (let batch = 0; made < ITEMS; batch++) {
    const n = Math.min(10000, ITEMS - made);
    const rows = Array.from({ length: n }, (_, i) => `4D.bench,bench-${String(made + i).padStart(6, '0')},rack-${(made + i) % 20},bench`);
    await gql(server, admin, 'mutation($c: String!) { importInventoryItems(csv: $c) { id } }', { c: `sku,name,pool,labels\n${rows.join('\n')}\n` });
    made += n;
  }
  for (let i = 0; i < 50; i++) {
    await gql(server, server.tokens.alice, 'mutation($i: VendInput!) { vend(input: $i) { id } }', { i: { lines: [{ sku: '4D.bench', quantity: 1 }], duration: '7d', note: `bench ${i}` } });
  }
}

/** Opens path signed in (the token put in the tab's sessionStorage first) and waits until ready() holds. */
async function measure(browser, server, user, role, pagePath, ready) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (user) await signedIn(ctx, server, user, role);
  const page = await ctx.newPage();
  let requests = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST') requests++;
  });
  await page.goto(server.url + pagePath);
  await page.waitForFunction(ready, null, { timeout: 60000, polling: 'raf' });
  // The page marks when its data is on screen; the sign-in page (no data) is timed by the poll.
  const ms = await page.evaluate(() => performance.getEntriesByName('hardcandy:page-ready')[0]?.startTime ?? performance.now());
  // Where the time went: the page's JavaScript loaded, the app started, its query asked and answered.
  const parts = await page.evaluate((initial) => {
    const res = performance.getEntriesByType('resource');
    const js = res.filter((r) => initial.some((f) => r.name.endsWith('/' + f)));
    const q = res.find((r) => r.name.endsWith('/graphql'));
    return {
      js: Math.max(0, ...js.map((r) => r.responseEnd)),
      start: performance.getEntriesByName('hardcandy:start')[0]?.startTime ?? NaN,
      qStart: q?.startTime ?? NaN,
      qEnd: q?.responseEnd ?? NaN,
    };
  }, bundle().names);
  // Let anything that would follow (a waterfall) show itself before counting.
  await page.waitForLoadState('networkidle');
  await ctx.close();
  return { ms, requests, ...parts };
}

async function signedIn(ctx, server, user, role) {
  const viewer = (await gql(server, server.tokens[user], '{ viewer { id name role costCenter { code } } }')).viewer;
  await ctx.addInitScript(
    ([t, v]) => {
      sessionStorage.setItem('hardcandy.token', t);
      sessionStorage.setItem('hardcandy.viewer', v);
    },
    [server.tokens[user], JSON.stringify({ id: viewer.id, name: viewer.name, role, costCenter: viewer.costCenter?.code ?? null })],
  );
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const b = bundle();
  const rows = [['initial JavaScript (gzip)', `${(b.gz / 1024).toFixed(1)} KB`, `${b.files} files, ${(b.raw / 1024).toFixed(0)} KB raw; limit 250 KB`]];
  if (!chromiumPath()) {
    console.log('portal bench: no Chromium: only the bundle is measured');
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'hardcandy-bench-'));
    const cfg = path.join(dir, 'hardcandy.yaml');
    writeFileSync(cfg, 'leasing:\n  max_items_per_user: 1000\n');
    const server = await startServer({ extraArgs: ['--config', cfg], ...(process.env.HARDCANDY_BIN ? { bin: process.env.HARDCANDY_BIN } : {}) });
    const browser = await launch();
    try {
      const t0 = Date.now();
      await scene(server);
      console.log(`portal bench: scene ready in ${((Date.now() - t0) / 1000).toFixed(0)}s (100 products, 50 leases, ${ITEMS.toLocaleString()} items)`);
      const pages = [
        // The floor this machine sets: the sign-in page runs the same JavaScript and asks for no data.
        ['baseline: sign-in page, no data', null, null, '/', () => !!document.querySelector('form.card'), false],
        ['catalog, 100 products', 'alice', 'USER', '/', () => document.querySelectorAll('[data-product-card]').length >= 100, true],
        ['My metal, 50 leases', 'alice', 'USER', '/metal', () => document.querySelectorAll('.lease-card').length >= 50, true],
        ['product page', 'alice', 'USER', '/catalog/4D.small', () => !!document.querySelector('.vend-form'), false],
        ['approvals', 'manny', 'MANAGER', '/approvals', () => !!document.querySelector('h1') && document.querySelector('h1').textContent === 'Approvals', false],
        ['showback (6 months)', 'manny', 'MANAGER', '/showback', () => !!document.querySelector('canvas[data-chart="monthly"], .empty'), false],
        ['inventory, 100,000 items', 'admin', 'ADMIN', '/admin/inventory', () => document.querySelectorAll('tr[data-item]').length >= 50, false],
        ['inventory filtered', 'admin', 'ADMIN', '/admin/inventory?sku=4D.bench&status=AVAILABLE&pool=rack-3', () => document.querySelectorAll('tr[data-item]').length >= 1, false],
        ['scheduler jobs', 'admin', 'ADMIN', '/admin/jobs', () => document.querySelectorAll('tr[data-job]').length >= 1, false],
      ];
      const only = process.env.BENCH_ONLY;
      for (const [name, user, role, p, ready, limited] of pages) {
        if (only && !only.split(',').some((o) => name.includes(o))) continue;
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server, user, role, p, ready));
        console.error(`portal bench: ${name}: ${runs.map((r) => r.ms.toFixed(0)).join(' ')} ms`);
        const spread = `${Math.min(...runs.map((r) => r.ms)).toFixed(0)}–${Math.max(...runs.map((r) => r.ms)).toFixed(0)}`;
        const ms = median(runs.map((r) => r.ms));
        const req = Math.max(...runs.map((r) => r.requests));
        rows.push([`${name}: interactive`, `${ms.toFixed(0)} ms`, `median of ${RUNS} cold loads (${spread})${limited ? '; limit 1000 ms' : ''}`]);
        if (user) {
          const m = (k) => median(runs.map((r) => r[k])).toFixed(0);
          rows.push([`${name}: where`, '', `scripts loaded ${m('js')}, app started ${m('start')}, query ${m('qStart')}–${m('qEnd')} ms (medians)`]);
        }
        if (user) rows.push([`${name}: GraphQL requests`, String(req), 'per page view (most seen)']);
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  }
  const [l1, l5] = loadavg();
  rows.push(['machine load while measuring', `${l1.toFixed(1)}`, `1-minute load average (5-minute ${l5.toFixed(1)}) on ${cpus().length} cores: times grow with it`]);
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  console.log('\nportal');
  console.log(`${'measure'.padEnd(w[0])}  ${'value'.padStart(w[1])}  note`);
  for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2]}`);
}

await main();
