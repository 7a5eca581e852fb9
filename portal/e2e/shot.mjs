// Screenshots of the main pages, for looking at what the portal shows: node e2e/shot.mjs OUTDIR
import { startServer, launch, signIn } from './lib.mjs';
import { mkdirSync } from 'node:fs';
const out = process.argv[2] ?? 'shots';
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
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
