// Screenshots of the main pages, for looking at what the portal shows: node e2e/shot.mjs OUTDIR
import { startServer, launch, signIn, gql } from './lib.mjs';
import { mkdirSync } from 'node:fs';
const out = process.argv[2] ?? 'shots';
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
// Some leases to look at: active ones, a bundle, one awaiting approval, one returned.
const vend = (who, sku, d, note) => gql(server, server.tokens[who], 'mutation($i: VendInput!) { vend(input: $i) { id } }', { i: { lines: [{ sku, quantity: 1 }], duration: d, note } });
await vend('alice', '4D.small', '7d', 'perf tests');
await vend('alice', '4E.lab3', '3d', 'juju lab');
await vend('alice', '4D.large', '2d', 'big build');
await vend('admin', '3A.small', '14d');
const r = await vend('bob', '2C.small', '1d');
await gql(server, server.tokens.bob, 'mutation($id: ID!) { returnLease(id: $id) { id } }', { id: r.vend.id });
try {
  const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(server.url + '/');
  await page.screenshot({ path: `${out}/signin.png` });
  await signIn(page, server, process.env.AS ?? 'admin');
  for (const p of (process.env.PAGES ?? '/').split(',')) {
    await page.goto(server.url + p);
    await page.waitForTimeout(Number(process.env.WAIT ?? 800));
    const name = p.replace(/\//g, '_') || '_';
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  }
} finally {
  await browser.close();
  await server.stop();
}
