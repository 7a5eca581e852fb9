// End-to-end journeys in headless Chromium against a real `hardcandy serve --demo`:
//   node e2e/run.mjs                 on a fresh SQLite file
//   HARDCANDY_E2E_POSTGRES=postgres://…/postgres node e2e/run.mjs   also on a fresh Postgres database
// A failed journey leaves a screenshot (and the page's HTML) in portal/test-results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, signIn, gql, chromiumPath, repo } from './lib.mjs';
import { bookingJourneys } from './booking.mjs';

const results = path.join(repo, 'portal/test-results');
const BOUND = 30000; // generous bound for anything awaited: a journey waits on what it sees, never on a clock

function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** Counts items by name through the API, to check what was (not) written. */
async function itemCount(server, names) {
  const d = await gql(server, server.tokens.admin, 'query($w: InventoryItemWhereInput) { inventoryItems(where: $w) { totalCount } }', { w: { nameIn: names } });
  return d.inventoryItems.totalCount;
}

const journeys = {
  async 'a user vends with parameters from the generated form; secrets stay hidden from others'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'alice');
    await page.goto(server.url + '/catalog/3A.small');
    await page.getByRole('heading', { name: /OpenStack project, small/ }).waitFor();
    const size = page.getByLabel('size_gb');
    expect((await size.inputValue()) === '250', 'the declared default is prefilled');
    expect((await page.getByLabel('admin_password').getAttribute('type')) === 'password', 'a secret is a password field');
    // Client-side hint first.
    await size.fill('5000');
    await page.getByRole('button', { name: 'Vend', exact: true }).click();
    await page.getByText('Between 100 and 1000.').waitFor();
    await size.fill('500');
    await page.getByLabel('admin_password').fill('hunter2-e2e');
    await page.screenshot({ path: path.join(results, 'parameters-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Vend', exact: true }).click();
    await page.getByRole('heading', { name: /Your metal is ready/ }).waitFor({ timeout: BOUND });

    // The server's validation is authoritative: a key the hint lets through is refused, named.
    await page.goto(server.url + '/catalog/4D.small');
    expect((await page.getByLabel('image').inputValue()) === 'ubuntu-24.04', 'an enum is a select with its default');
    await page.getByLabel('ssh_key').fill('ssh-ed25519 AAAAnot-a-key alice@lab');
    await page.getByRole('button', { name: 'Vend', exact: true }).click();
    await page.getByText(/ssh_key: must be one SSH public key/).waitFor({ timeout: BOUND });

    // The lease shows its parameters; the owner may reveal the secret.
    const d = await gql(server, server.tokens.alice, '{ viewer { leases(first: 5, where: {statusIn: [ACTIVE]}) { edges { node { id } } } } }');
    const id = d.viewer.leases.edges[0].node.id;
    await page.goto(server.url + '/leases/' + id);
    const table = page.getByRole('table', { name: 'Parameters' });
    await table.getByText('size_gb').waitFor({ timeout: BOUND });
    await table.getByText('500').waitFor();
    expect(!(await table.innerText()).includes('hunter2-e2e'), 'the secret is hidden until asked for');
    await table.getByRole('button', { name: /show/ }).click();
    await table.getByText('hunter2-e2e').waitFor();
    await page.screenshot({ path: path.join(results, 'parameters-lease.png'), fullPage: true });

    // A manager of the cost center sees the lease, not the secret.
    const manny = await (await browser.newContext()).newPage();
    await signIn(manny, server, 'manny');
    await manny.goto(server.url + '/leases/' + id);
    const mt = manny.getByRole('table', { name: 'Parameters' });
    await mt.getByText('(hidden)').waitFor({ timeout: BOUND });
    expect(!(await manny.content()).includes('hunter2-e2e'), 'the manager never receives the secret');
    await ctx.close();
  },

  async 'an admin declares a product’s parameters; a bad declaration is refused with the rule'({ browser, server }) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server, 'admin');
    await page.goto(server.url + '/admin/catalog/1A.org');
    const params = page.getByLabel('Parameters');
    await params.waitFor({ timeout: BOUND });
    await params.fill('[{"name": "quota_gb", "type": "INTEGER", "min": 10, "max": 5}]');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/parameters\[0\]: min \(10\) exceeds max \(5\)/).waitFor({ timeout: BOUND });
    await params.fill('[{"name": "quota_gb", "type": "INTEGER", "min": 16, "max": 256, "default": "64", "description": "memory quota of the org"}]');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor({ timeout: BOUND });
    await page.goto(server.url + '/catalog/1A.org');
    const quota = page.getByLabel('quota_gb');
    await quota.waitFor({ timeout: BOUND });
    expect((await quota.inputValue()) === '64', 'the vend form follows the new declaration');
  },

  async 'a user vends, reveals credentials, extends and returns'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'alice');
    await page.getByRole('link', { name: /4D\.small/ }).first().click();
    await page.getByRole('heading', { name: /Bare-metal server, small/ }).waitFor();
    const duration = page.getByLabel('Duration');
    expect((await duration.inputValue()) === '7d', 'the product’s default duration is prefilled');
    await duration.fill('3x');
    await page.getByRole('button', { name: 'Vend', exact: true }).click();
    await page.getByText(/Unit "x" is unknown/).waitFor();
    await duration.fill('2d');
    await page.getByLabel('Note (optional)').fill('e2e');
    await page.getByRole('button', { name: 'Vend', exact: true }).click();
    await page.getByRole('heading', { name: /Your metal is ready/ }).waitFor({ timeout: BOUND });
    await page.getByRole('button', { name: /Reveal credentials/ }).click();
    await page.locator('[data-credential="ipmi_password"]').waitFor();
    expect((await page.locator('[data-credential="ipmi_password"]').innerText()).length > 6, 'a password is shown');
    // The token is never in a URL or in storage that outlives the tab.
    expect(!page.url().includes(server.tokens.alice), 'token not in the URL');
    expect((await page.evaluate(() => JSON.stringify(localStorage))).indexOf('hc_') < 0, 'token not in localStorage');

    await page.getByRole('link', { name: 'My metal' }).first().click();
    const card = page.locator('[data-status="ACTIVE"]').first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Extend' }).click();
    await card.getByLabel('Extend by').fill('1d');
    await card.getByRole('button', { name: 'Extend' }).last().click();
    await card.getByText('Extended by 1d.').waitFor({ timeout: BOUND });
    await card.getByText(/2d 23h left|3d left/).waitFor();
    // Beyond the policy it becomes a request awaiting a manager's approval; the lease keeps its end.
    await card.getByRole('button', { name: 'Extend' }).first().click();
    await card.getByLabel('Extend by').fill('120d');
    await card.getByRole('button', { name: 'Extend' }).last().click();
    await card.getByText('Asked to extend by 120d: awaiting approval.').waitFor({ timeout: BOUND });
    await card.locator('[data-extension-request]', { hasText: 'awaiting approval' }).waitFor();
    await card.getByText(/2d 23h left|3d left/).waitFor();
    await card.getByRole('button', { name: 'Return' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Return now' }).click();
    // Live: the lease leaves the current list and shows in the history as returned.
    await page.getByText('You hold nothing right now.').waitFor({ timeout: BOUND });
    await page.locator('table tr', { hasText: 'Returned' }).first().waitFor({ timeout: BOUND });
    await ctx.close();
  },

  async 'a manager approves a pending lease (the requester sees it live) and reads the showback chart'({ browser, server }) {
    const alice = await (await browser.newContext()).newPage();
    await signIn(alice, server, 'alice');
    await alice.goto(server.url + '/catalog/4D.large');
    await alice.getByRole('button', { name: 'Vend', exact: true }).click();
    await alice.getByRole('heading', { name: /Awaiting approval/ }).waitFor({ timeout: BOUND });

    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'manny');
    await page.getByRole('link', { name: 'Approvals' }).click();
    const row = page.locator('li', { hasText: '1 × 4D.large' }).first();
    await row.waitFor({ timeout: BOUND });
    await row.getByRole('button', { name: 'Approve' }).click();
    await row.getByText(/Approved/).waitFor({ timeout: BOUND });
    // The requester's page turns without a reload.
    await alice.getByRole('heading', { name: /Your metal is ready/ }).waitFor({ timeout: BOUND });

    await page.getByRole('link', { name: 'Showback' }).click();
    await page.locator('canvas[data-chart="monthly"]').waitFor({ timeout: BOUND });
    const label = await page.locator('canvas[data-chart="monthly"]').getAttribute('aria-label');
    expect(/alice/.test(label ?? ''), `the monthly chart names alice: ${label}`);
    await page.locator('table tr', { hasText: 'alice' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(/usage-.*\.csv$/.test(download.suggestedFilename()), 'a CSV file is downloaded');
    await ctx.close();
    await alice.context().close();
  },

  async 'an extension beyond policy awaits approval; a manager approves one and rejects another with a reason, the owner sees both live'({ browser, server }) {
    const lease = (await gql(server, server.tokens.alice, 'mutation($i: VendInput!) { vend(input: $i) { id } }', { i: { lines: [{ sku: '4D.small', quantity: 1 }], duration: '2d' } })).vend.id;
    const alice = await (await browser.newContext()).newPage();
    await signIn(alice, server, 'alice');
    await alice.goto(`${server.url}/leases/${lease}`);
    const ask = async (by) => {
      await alice.getByRole('button', { name: 'Extend' }).first().click();
      await alice.getByLabel('Extend by').fill(by);
      await alice.getByRole('button', { name: 'Extend' }).last().click();
      await alice.getByText(`Asked to extend by ${by}: awaiting approval.`).waitFor({ timeout: BOUND });
      await alice.locator('[data-extension-request]').waitFor();
    };
    await ask('120d');

    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'manny');
    await page.getByRole('link', { name: 'Approvals' }).click();
    const row = page.locator('li[data-extension-request]', { hasText: `Extend lease ${lease}` }).first();
    await row.waitFor({ timeout: BOUND });
    expect(/by 120d/.test(await row.innerText()), 'the row says how much longer');
    await row.getByRole('button', { name: 'Approve' }).click();
    await row.getByText('Approved: the lease runs longer.').waitFor({ timeout: BOUND });
    // The owner's page turns without a reload: no request open, the timeline says extended.
    await alice.locator('[data-extension-request]').waitFor({ state: 'detached', timeout: BOUND });
    await alice.getByText(/12[12]d( \d+h)? left/).first().waitFor({ timeout: BOUND });

    // A second ask appears in the queue live and is rejected with a reason the owner reads.
    await ask('100d');
    const again = page.locator('li[data-extension-request]', { hasText: 'by 100d' }).first();
    await again.waitFor({ timeout: BOUND });
    await again.getByRole('button', { name: 'Reject…' }).click();
    await again.getByRole('button', { name: 'Reject', exact: true }).click();
    await again.getByText(/Say why/).waitFor();
    await again.getByLabel('Reason').fill('over the quarter budget');
    await again.getByRole('button', { name: 'Reject', exact: true }).click();
    await again.getByText('Rejected: over the quarter budget').waitFor({ timeout: BOUND });
    await alice.locator('[data-extension-request]').waitFor({ state: 'detached', timeout: BOUND });
    await alice.locator('.timeline', { hasText: 'over the quarter budget' }).waitFor({ timeout: BOUND });
    await ctx.close();
    await alice.context().close();
  },

  async 'a user sets their profile, creates a token (shown once) and revokes it'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'bob');
    await page.getByRole('link', { name: 'Profile of bob' }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Enter an IANA zone/).waitFor();
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByLabel('Webhook URL').fill('https://hooks.example.com/bob');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor({ timeout: BOUND });
    const me = await gql(server, server.tokens.bob, '{ viewer { timeZone webhookUrl } }');
    expect(me.viewer.timeZone === 'Europe/Berlin' && me.viewer.webhookUrl === 'https://hooks.example.com/bob', `profile saved: ${JSON.stringify(me)}`);

    await page.getByLabel('Name').fill('e2e laptop');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('[data-new-token]').innerText({ timeout: BOUND });
    expect(secret.startsWith('hc_'), 'the new token is shown');
    expect((await gql(server, secret, '{ viewer { name } }')).viewer.name === 'bob', 'the new token works');
    const row = page.locator('tr', { hasText: 'e2e laptop' });
    await row.waitFor({ timeout: BOUND });
    await row.getByRole('button', { name: /Revoke token/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked').waitFor({ timeout: BOUND });
    const refused = await gql(server, secret, '{ viewer { name } }').then(() => false, (e) => /UNAUTHENTICATED/.test(e.message));
    expect(refused, 'the revoked token is refused');
    await ctx.close();
  },

  async 'an admin imports a CSV with a bad row (nothing written), fixes it, and puts an item into maintenance'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'admin');
    await page.getByRole('link', { name: 'Import' }).first().click();
    const bad = 'sku,name,pool,labels\n4D.small,e2e-01,rack-e,gpu\n4Q.small,e2e-02,rack-e,\n';
    await page.getByLabel('CSV').fill(bad);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('tr[data-row="3"]', { hasText: 'no product "4Q.small"' }).waitFor({ timeout: BOUND });
    await page.getByText(/1 of 2 rows have problems. Nothing was written/).waitFor();
    expect(await page.getByRole('button', { name: /^Import/ }).isDisabled(), 'import is refused while a row is bad');
    expect((await itemCount(server, ['e2e-01', 'e2e-02'])) === 0, 'nothing was written');

    await page.getByLabel('CSV').fill(bad.replace('4Q.small', '4D.small'));
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('All 2 rows are fine.').waitFor({ timeout: BOUND });
    await page.getByRole('button', { name: 'Import 2 items' }).click();
    await page.getByText('Imported 2 items.').waitFor({ timeout: BOUND });
    expect((await itemCount(server, ['e2e-01', 'e2e-02'])) === 2, 'both rows were written');

    await page.getByRole('link', { name: 'Inventory' }).first().click();
    await page.getByLabel('Pool').fill('rack-e');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('2 items match').waitFor({ timeout: BOUND });
    await page.getByRole('link', { name: 'e2e-01' }).click();
    await page.getByRole('button', { name: 'Put into maintenance' }).click();
    await page.getByLabel('Reason').fill('fan noise');
    await page.getByRole('button', { name: 'Put into maintenance' }).last().click();
    await page.getByText('The item is in maintenance.').waitFor({ timeout: BOUND });
    await page.locator('.timeline', { hasText: 'fan noise' }).waitFor({ timeout: BOUND });
    const d = await gql(server, server.tokens.admin, '{ inventoryItems(where: {name: "e2e-01"}) { edges { node { status } } } }');
    expect(d.inventoryItems.edges[0].node.status === 'MAINTENANCE', 'the item is in maintenance');
    await ctx.close();
  },

  async 'a revoked token is signed out'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'bob');
    execFileSync(server.bin, ['token', 'revoke', server.tokens.bob, '--db', server.db], { cwd: server.dir, env: { ...process.env, HARDCANDY_DB: server.db } });
    // Another replica may remember a token for two seconds: keep using the portal until it notices.
    const deadline = Date.now() + BOUND;
    const notice = page.getByText(/token is unknown or has been revoked/);
    for (let i = 0; !(await notice.isVisible()); i++) {
      expect(Date.now() < deadline, 'signed out within the bound');
      await page.getByRole('link', { name: i % 2 ? 'Catalog' : 'My metal' }).first().click().catch(() => {});
      await notice.waitFor({ timeout: 1000 }).catch(() => {});
    }
    await page.getByLabel('API token').waitFor();
    expect((await page.evaluate(() => sessionStorage.getItem('hardcandy.token'))) === null, 'the token is forgotten');
    // A token that never existed is refused with a clear message.
    await page.getByLabel('API token').fill('hc_not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/That token is unknown or has been revoked/).waitFor();
    await ctx.close();
  },

  async 'a token revoked while a live page is open is signed out by the websocket (4401)'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'bob');
    // Listen from the socket's first frame: the acknowledgement may come before any later listener.
    let closed;
    const acked = new Promise((resolve) =>
      page.on('websocket', (ws) => {
        closed = new Promise((r) => ws.on('close', r));
        ws.on('framereceived', (f) => String(f.payload).includes('connection_ack') && resolve());
      }),
    );
    await page.getByRole('link', { name: 'My metal' }).first().click();
    await page.getByRole('heading', { name: 'My metal' }).waitFor();
    // The subscription is running once the server has acknowledged connection_init.
    await Promise.race([acked, new Promise((_, reject) => setTimeout(() => reject(new Error('no connection_ack on the websocket')), BOUND))]);
    let posts = 0;
    page.on('request', (r) => r.url().endsWith('/graphql') && r.method() === 'POST' && posts++);
    execFileSync(server.bin, ['token', 'revoke', server.tokens.bob, '--db', server.db], { cwd: server.dir, env: { ...process.env, HARDCANDY_DB: server.db } });
    // Nothing is clicked: the server closes the socket (4401) and the portal signs out on that alone.
    await closed;
    await page.getByText(/Your session ended: the token is unknown or has been revoked/).waitFor({ timeout: BOUND });
    await page.getByLabel('API token').waitFor();
    expect(posts === 0, `signed out by the socket, not by an HTTP answer (${posts} requests)`);
    expect((await page.evaluate(() => sessionStorage.getItem('hardcandy.token'))) === null, 'the token is forgotten');
    await ctx.close();
  },

  async 'a user narrows a vend to a pool and labels, previews it, then vends it'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'alice');
    await page.goto(server.url + '/catalog/4D.small');
    await page.getByRole('heading', { name: /Bare-metal server, small/ }).waitFor();
    // In the demo, 4D.small-11..14 are in pool lab1 and the even ones carry gpu.
    await page.getByLabel('Pool').fill('lab1');
    await page.getByLabel('With labels').fill('gpu');
    await page.getByLabel('Without labels').fill('broken');
    await page.getByLabel('Duration').fill('2d');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('vend-preview');
    await preview.waitFor({ timeout: BOUND });
    await preview.getByText('Preview: nothing was vended').waitFor();
    expect((await preview.locator('[data-matching]').getAttribute('data-matching')) === '2', 'two items match');
    expect(/\$120\.00|120\.00/.test(await page.getByTestId('preview-total').innerText()), 'the price for 2 days');
    await preview.getByText('Vendable now.').waitFor();
    const leases = await gql(server, server.tokens.alice, '{ viewer { leases { totalCount } } }');
    expect(leases.viewer.leases.totalCount === 0, 'a preview vends nothing');
    await page.screenshot({ path: path.join(results, 'vend-preview.png'), fullPage: true });

    // Three such items do not exist: the preview says so, naming the constraints.
    await page.getByLabel('Quantity').fill('3');
    await page.getByRole('button', { name: 'Preview' }).click();
    await preview.getByText(/3 requested, 2 match; 14 free without these constraints/).waitFor({ timeout: BOUND });

    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Vend', exact: true }).click();
    await page.getByRole('heading', { name: /Your metal is ready/ }).waitFor({ timeout: BOUND });
    const d = await gql(server, server.tokens.alice, '{ viewer { leases { edges { node { requested { sku pool labels notLabels } allocations { item { name pool labels } } } } } } }');
    const l = d.viewer.leases.edges[0].node;
    expect(l.requested[0].pool === 'lab1' && l.requested[0].labels[0] === 'gpu', 'the lease keeps the constraints');
    const it = l.allocations[0].item;
    expect(it.pool === 'lab1' && it.labels.includes('gpu'), `the item matches: ${JSON.stringify(it)}`);
    await ctx.close();
  },
  ...bookingJourneys,

  async 'GraphiQL works under the Content-Security-Policy'({ browser, server }) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const violations = [];
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    const res = await page.goto(server.url + '/graphiql');
    expect(/default-src 'self'/.test(res.headers()['content-security-policy'] ?? ''), 'the page carries the policy');
    await page.locator('.graphiql-container').waitFor({ timeout: BOUND });
    await page.locator('.graphiql-query-editor, .graphiql-editor').first().waitFor({ timeout: BOUND });
    expect(violations.length === 0, `no CSP violations: ${violations.join('; ')}`);
    await ctx.close();
  },
};

async function main() {
  if (!chromiumPath()) {
    console.log('e2e: skipped: no Chromium (install Debian’s chromium package or set $CHROMIUM)');
    return 0;
  }
  const only = process.env.E2E_ONLY;
  const targets = [{ name: 'sqlite', db: undefined }];
  if (process.env.HARDCANDY_E2E_POSTGRES) targets.push({ name: 'postgres', db: 'postgres' });
  mkdirSync(results, { recursive: true });
  let passed = 0;
  let failed = 0;
  const browser = await launch();
  try {
    for (const t of targets) {
      for (const [name, run] of Object.entries(journeys)) {
        if (only && !name.includes(only)) continue;
        let db = t.db;
        let dropDb = null;
        if (t.name === 'postgres') {
          // A fresh database per journey, so the demo loads anew.
          const base = process.env.HARDCANDY_E2E_POSTGRES;
          const dbName = `portal_e2e_${process.pid}_${passed + failed}`;
          execFileSync('psql', [base, '-q', '-c', `CREATE DATABASE ${dbName}`]);
          const u = new URL(base);
          u.pathname = `/${dbName}`;
          db = u.toString();
          dropDb = () => execFileSync('psql', [base, '-q', '-c', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
        }
        const server = await startServer({ db });
        const started = Date.now();
        try {
          await run({ browser, server });
          passed++;
          console.log(`ok   [${t.name}] ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
        } catch (e) {
          failed++;
          console.log(`FAIL [${t.name}] ${name}: ${e.message}`);
          const slug = `${t.name}-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
          for (const c of browser.contexts()) {
            for (const [i, p] of c.pages().entries()) {
              await p.screenshot({ path: path.join(results, `${slug}-${i}.png`), fullPage: true }).catch(() => {});
              writeFileSync(path.join(results, `${slug}-${i}.html`), await p.content().catch(() => ''));
            }
          }
          writeFileSync(path.join(results, `${slug}-server.log`), server.logs());
          console.log(`     screenshots in ${path.relative(process.cwd(), results)}/${slug}-*.png`);
        } finally {
          for (const c of browser.contexts()) await c.close().catch(() => {});
          await server.stop();
          dropDb?.();
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exit(await main());
