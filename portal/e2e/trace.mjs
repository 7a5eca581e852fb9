// A Chromium performance trace of one cold page load, summed by what the main thread did:
//   node e2e/trace.mjs [path] [user]   (a scene as the benchmark's, with fewer items)
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launch, gql } from './lib.mjs';

const pagePath = process.argv[2] ?? '/';
const user = process.argv[3] ?? 'alice';
const cfg = path.join(mkdtempSync(path.join(tmpdir(), 'hardcandy-trace-')), 'hardcandy.yaml');
writeFileSync(cfg, 'leasing:\n  max_items_per_user: 1000\n');
const server = await startServer({ extraArgs: ['--config', cfg], ...(process.env.HARDCANDY_BIN ? { bin: process.env.HARDCANDY_BIN } : {}) });
const browser = await launch();
try {
  const admin = server.tokens.admin;
  const existing = (await gql(server, admin, '{ products(includeRetired: true) { totalCount } }')).products.totalCount;
  for (let i = existing; i < 100; i++) {
    await gql(server, admin, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
      i: { sku: `3A.bench${String(i).padStart(3, '0')}`, name: `Benchmark project ${i}`, description: 'A product for the benchmark.', pricePerDay: 1000 + i, currency: 'USD', defaultDuration: '7d', maxDuration: '30d' },
    });
  }
  await gql(server, admin, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', { i: { sku: '4D.bench', name: 'Benchmark metal', pricePerDay: 5000, currency: 'USD', defaultDuration: '7d', maxDuration: '30d' } });
  const rows = Array.from({ length: 60 }, (_, i) => `4D.bench,bench-${i},rack-1,bench`);
  await gql(server, admin, 'mutation($c: String!) { importInventoryItems(csv: $c) { id } }', { c: `sku,name,pool,labels\n${rows.join('\n')}\n` });
  for (let i = 0; i < 50; i++) await gql(server, server.tokens.alice, 'mutation($i: VendInput!) { vend(input: $i) { id } }', { i: { lines: [{ sku: '4D.bench', quantity: 1 }], duration: '7d', note: `bench ${i}` } });
  const v = (await gql(server, server.tokens[user], '{ viewer { id name role costCenter { code } } }')).viewer;
  for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(([t, v]) => { sessionStorage.setItem('hardcandy.token', t); sessionStorage.setItem('hardcandy.viewer', v); }, [server.tokens[user], JSON.stringify({ id: v.id, name: v.name, role: v.role, costCenter: v.costCenter?.code ?? null })]);
    const page = await ctx.newPage();
    const file = `/tmp/ptrace/trace-${run}.json`;
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] });
    await page.goto(server.url + pagePath);
    await page.waitForFunction(() => performance.getEntriesByName('hardcandy:page-ready').length > 0, null, { timeout: 60000 });
    await page.waitForTimeout(300);
    await browser.stopTracing();
    const { profile } = await cdp.send('Profiler.stop');
    const self = {};
    const dt = {};
    for (let i = 0; i < profile.samples.length; i++) dt[profile.samples[i]] = (dt[profile.samples[i]] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
    for (const n of profile.nodes) {
      const f = n.callFrame;
      const k = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;
      self[k] = (self[k] ?? 0) + (dt[n.id] ?? 0);
    }
    console.log('  self time (ms):\n    ' + Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25)).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n    '));
    const marks = await page.evaluate(() => performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'navigation' || e.entryType === 'resource').map((e) => `${e.entryType} ${e.name.replace(/^http:\/\/[^/]+/, '')} ${e.startTime.toFixed(0)}${e.responseEnd ? '–' + e.responseEnd.toFixed(0) : ''}`));
    console.log(`run ${run}:\n  ` + marks.join('\n  '));
    const ev = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
    const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart') ?? ev.find((e) => e.name === 'TracingStartedInBrowser');
    const t0 = nav?.ts ?? 0;
    const sum = {};
    const main = ev.filter((e) => e.ph === 'X' && e.dur && ['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'Layout', 'UpdateLayoutTree', 'Paint', 'ParseHTML', 'TimerFire', 'RunMicrotasks', 'v8.parseOnBackground', 'ParseAuthorStyleSheet', 'Commit', 'PrePaint', 'Layerize', 'EventDispatch', 'FireAnimationFrame', 'v8.run', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'].includes(e.name));
    for (const e of main) sum[e.name] = (sum[e.name] ?? 0) + e.dur / 1000;
    console.log('  main-thread ms by event:', Object.entries(sum).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
    const long = ev.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur > 30000).map((e) => `${((e.ts - t0) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(0)}`);
    console.log('  long tasks (start+ms from nav):', long.join(' '));
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
