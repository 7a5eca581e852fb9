// Helpers for the end-to-end journeys and the benchmark: a real `hardcandy serve --demo` on a
// fresh database, and headless Chromium driven by playwright-core (Debian's chromium package).
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const repo = path.resolve(import.meta.dirname, '../..');

/** The Chromium to drive: $CHROMIUM, or Debian's. */
export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Starts the server with demo data on a fresh SQLite file (or, with pg set, a fresh Postgres
 * database created by the caller). Resolves with its URL and the demo users' tokens.
 */
export async function startServer({ bin = path.join(repo, 'bin/hardcandy'), db, extraArgs = [], env = {} } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hardcandy-e2e-'));
  const port = await freePort();
  const args = ['serve', '--demo', '--addr', `127.0.0.1:${port}`, ...extraArgs];
  const childEnv = { ...process.env, ...env, HARDCANDY_DB: db ?? `file:${path.join(dir, 'hardcandy.db')}` };
  if (db && db.startsWith('postgres')) childEnv.HARDCANDY_SECRET_KEY ??= Buffer.alloc(32, 7).toString('base64');
  const child = spawn(bin, args, { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hardcandy exited ${child.exitCode}:\n${err}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok && /Demo users/.test(out)) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`hardcandy did not become ready:\n${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const tokens = {};
  for (const line of out.split('\n')) {
    const m = /^\s+(\w+)\s+(ADMIN|MANAGER|USER)\s+\S+\s+(hc_\S+)/.exec(line);
    if (m) tokens[m[1]] = m[3];
  }
  return {
    url,
    tokens,
    dir,
    bin,
    db: childEnv.HARDCANDY_DB,
    logs: () => err,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with a fresh profile and nothing reaching outside this machine. */
export async function launch() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium: install Debian’s chromium package or set $CHROMIUM');
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu', '--disable-dev-shm-usage'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launch({ executablePath, headless: true, args });
}

/** Runs a GraphQL operation as a user, outside the browser (to set a scene or check it). */
export async function gql(server, token, query, variables = {}) {
  const r = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const j = await r.json();
  if (j.errors?.length) throw new Error(`${j.errors[0].extensions?.code}: ${j.errors[0].message}`);
  return j.data;
}

/** Signs in through the page, as a person would. */
export async function signIn(page, server, user) {
  await page.goto(server.url + '/');
  await page.getByLabel('API token').fill(server.tokens[user]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
