// Journeys for booking ahead: from the calendar, then moving and cancelling it (run by run.mjs).
import { gql, signIn } from './lib.mjs';

const BOUND = 30000; // generous bound for anything awaited: a journey waits on what it sees, never on a clock

function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** The instant (ISO) of local hour h, `days` days from today, in the page's time zone. */
function localHour(page, days, h) {
  return page.evaluate(
    ([days, h]) => {
      const d = new Date();
      d.setDate(d.getDate() + days);
      d.setHours(h, 0, 0, 0);
      return d.toISOString().replace('.000Z', 'Z'); // as the API writes times
    },
    [days, h],
  );
}

/** The value of a datetime-local input for an instant, in the page's time zone. */
function localInput(page, iso) {
  return page.evaluate((iso) => {
    const d = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, iso);
}

export const bookingJourneys = {
  async 'a user books ahead from the calendar: picks a slot, sees it taken, is refused an overlap, and moves it in My metal'({ browser, server }) {
    // In Berlin time, whatever the machine's zone: the calendar and the form speak the viewer's.
    const ctx = await browser.newContext({ timezoneId: 'Europe/Berlin' });
    const page = await ctx.newPage();
    await signIn(page, server, 'alice');
    await page.goto(server.url + '/catalog/4D.small');
    await page.getByRole('link', { name: 'See the calendar and book ahead' }).click();
    await page.getByRole('heading', { name: /4D\.small.*calendar/ }).waitFor({ timeout: BOUND });
    const slot = await localHour(page, 2, 9);
    const cell = page.locator(`button[data-slot="${slot}"]`);
    await cell.waitFor({ timeout: BOUND });
    expect((await cell.getAttribute('data-bookable')) === '14', 'all 14 bookable before');
    await cell.click();
    const start = page.getByLabel('Start');
    expect(/T09:00$/.test(await start.inputValue()), `the picked slot is the start, at 09:00 local: ${await start.inputValue()}`);
    await page.getByLabel('Duration').fill('1d');
    await page.getByLabel('Quantity').fill('6');
    await page.locator('[data-fit="fits"]').waitFor();
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    const result = page.locator('.result[data-lease]');
    await result.getByRole('heading', { name: /Booked/ }).waitFor({ timeout: BOUND });
    await result.getByText('Scheduled').waitFor();
    const lease = await result.getAttribute('data-lease');
    // The calendar refreshes: the hours booked show 8 of 14.
    await page.locator(`button[data-slot="${slot}"][data-bookable="8"]`).waitFor({ timeout: BOUND });
    const d = await gql(server, server.tokens.alice, 'query($id: ID!) { lease(id: $id) { status startsAt endsAt } }', { id: lease });
    expect(d.lease.status === 'SCHEDULED', `the lease is SCHEDULED: ${d.lease.status}`);
    expect(new Date(d.lease.startsAt).getTime() === new Date(slot).getTime(), `it starts at the slot picked: ${d.lease.startsAt}`);

    // The form's hint reads the calendar on screen: ten more over the same hours are short.
    await page.getByLabel('Quantity').fill('10');
    await page.locator('[data-fit="short"]').waitFor();
    // Someone else takes the other eight meanwhile: one more still looks free here, and the
    // server's refusal shows in words.
    await gql(server, server.tokens.bob, 'mutation($i: VendInput!) { vend(input: $i) { id } }', { i: { lines: [{ sku: '4D.small', quantity: 8 }], duration: '1d', startsAt: slot } });
    await page.getByLabel('Quantity').fill('1');
    await page.locator('[data-fit="fits"]').waitFor();
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.locator('[role="alert"][data-code="OUT_OF_STOCK"]').getByText('Not enough free items').waitFor({ timeout: BOUND });
    // After the refusal the calendar shows what is left: none.
    await page.locator(`button[data-slot="${slot}"][data-bookable="0"]`).waitFor({ timeout: BOUND });

    // My metal lists it with its start; move it a day later.
    await page.getByRole('link', { name: 'My metal' }).first().click();
    const card = page.locator(`[data-lease="${lease}"][data-status="SCHEDULED"]`);
    await card.waitFor({ timeout: BOUND });
    await card.getByText('starts').waitFor();
    await card.getByRole('button', { name: 'Reschedule' }).click();
    const later = await localHour(page, 3, 9);
    await card.getByLabel('Start').fill(await localInput(page, later));
    await card.getByRole('button', { name: 'Move' }).click();
    await card.getByText(/^Moved:/).waitFor({ timeout: BOUND });
    const moved = await gql(server, server.tokens.alice, 'query($id: ID!) { lease(id: $id) { startsAt endsAt } }', { id: lease });
    expect(new Date(moved.lease.startsAt).getTime() === new Date(later).getTime(), `moved to the new start: ${moved.lease.startsAt}`);
    expect(new Date(moved.lease.endsAt).getTime() - new Date(moved.lease.startsAt).getTime() === 86400000, 'the same length');
    await ctx.close();
  },

  async 'a user cancels a reservation: nothing is charged and the capacity is back'({ browser, server }) {
    const startsAt = new Date(Date.now() + 3 * 86400000);
    startsAt.setUTCMinutes(0, 0, 0);
    const v = await gql(server, server.tokens.alice, 'mutation($i: VendInput!) { vend(input: $i) { id status } }', {
      i: { lines: [{ sku: '4D.small', quantity: 10 }], duration: '1d', startsAt: startsAt.toISOString(), note: 'to cancel' },
    });
    expect(v.vend.status === 'SCHEDULED', `booked: ${v.vend.status}`);
    // Ten of fourteen are taken for that hour until it is cancelled.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, server, 'alice');
    await page.getByRole('link', { name: 'My metal' }).first().click();
    const card = page.locator(`li[data-lease="${v.vend.id}"]`);
    await card.waitFor({ timeout: BOUND });
    await card.getByRole('button', { name: 'Cancel reservation' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.locator(`li[data-lease="${v.vend.id}"][data-status="SCHEDULED"]`).waitFor({ state: 'detached', timeout: BOUND });
    const d = await gql(server, server.tokens.alice, 'query($id: ID!) { lease(id: $id) { status orders { id } } }', { id: v.vend.id });
    expect(d.lease.status !== 'SCHEDULED', `no longer scheduled: ${d.lease.status}`);
    expect(d.lease.orders.length === 0, 'nothing charged');
    // The calendar has all 14 again for that hour.
    await page.goto(`${server.url}/catalog/4D.small/calendar`);
    await page.locator(`button[data-slot="${startsAt.toISOString().replace('.000Z', 'Z')}"][data-bookable="14"]`).waitFor({ timeout: BOUND });
    await ctx.close();
  },
};
