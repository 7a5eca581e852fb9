package lease

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/booking"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/order"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/reclaim"
	"github.com/hardcandy/hardcandy/secret"
)

// bookable adds a product of n items for booking tests: 1 day by default, up to 30, with the
// given cleaning buffer.
func (b *bundle) bookable(t testing.TB, sku string, n int, buffer time.Duration) *ent.Product {
	t.Helper()
	d, maxD, buf := days(1), days(30), duration.Duration(buffer)
	p, err := catalog.NewService(b.store, b.clock).Create(b.as["admin"], catalog.CreateInput{SKU: sku, Name: "bookable " + sku,
		PricePerDay: 2400, Currency: "USD", DefaultDuration: &d, MaxDuration: &maxD, CleaningBuffer: &buf})
	require.NoError(t, err)
	items := make([]*inventory.NewItem, n)
	for i := range items {
		items[i] = &inventory.NewItem{SKU: sku, Name: fmt.Sprintf("%s-%03d", sku, i)}
	}
	_, err = inventory.NewService(b.store, b.clock).Add(b.as["admin"], items)
	require.NoError(t, err)
	return p
}

func at(t time.Time) *time.Time { return &t }

func lines(sku string, n int) []*schematype.LeaseLine {
	return []*schematype.LeaseLine{{SKU: sku, Quantity: n}}
}

func requireCode(t *testing.T, err error, code apperr.Code, contains ...string) {
	t.Helper()
	require.Error(t, err)
	e, ok := apperr.As(err)
	require.True(t, ok, "%v", err)
	require.Equal(t, code, e.Code, "%v", err)
	for _, c := range contains {
		require.Contains(t, e.Message, c)
	}
}

// TestReservations: booking ahead end to end in the service: SCHEDULED leases hold no item and
// book capacity per product over their interval with the cleaning buffer; a booking that does not
// fit is OUT_OF_STOCK naming the window and the latest end that fits; vends now and extensions
// respect later bookings; the calendar and earliestStart see the bookings; a cancel frees them and
// a reschedule is checked again.
func TestReservations(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.svc.cfg.MaxItemsPerUser = 100
	b.bookable(t, "4B.booked", 10, time.Hour)
	now := b.clock.Now()
	t1 := now.Add(24 * time.Hour)

	alice := b.vend(t, "alice", VendInput{Lines: lines("4B.booked", 6), StartsAt: at(t1), Duration: days(1)})
	require.Equal(t, Scheduled, alice.Status)
	require.True(t, alice.StartsAt.Equal(t1))
	require.True(t, alice.EndsAt.Equal(t1.Add(24*time.Hour)))
	require.Empty(t, b.items(t, alice.ID), "a SCHEDULED lease holds no item")

	_, err := b.svc.Vend(b.as["bob"], VendInput{Lines: lines("4B.booked", 5), StartsAt: at(t1.Add(12 * time.Hour)), Duration: days(1)})
	requireCode(t, err, apperr.OutOfStock, "4B.booked: 5 requested, 4 of 10 bookable from "+t1.Add(12*time.Hour).Format(time.RFC3339)+
		" to "+t1.Add(25*time.Hour).Format(time.RFC3339), "nothing fits from")
	_, err = b.svc.Vend(b.as["bob"], VendInput{Lines: lines("4B.booked", 5), StartsAt: at(now.Add(2 * time.Hour)), Duration: days(1)})
	requireCode(t, err, apperr.OutOfStock, "the latest end that fits is "+t1.Add(-time.Hour).Format(time.RFC3339))
	bob := b.vend(t, "bob", VendInput{Lines: lines("4B.booked", 4), StartsAt: at(t1.Add(12 * time.Hour)), Duration: days(1)})
	require.Equal(t, Scheduled, bob.Status)

	// A vend now that would run into the bookings is refused; one that ends in time (with its
	// cleaning buffer) is vended.
	_, err = b.svc.Vend(b.as["bob"], VendInput{Lines: lines("4B.booked", 1), Duration: days(3)})
	requireCode(t, err, apperr.OutOfStock, "0 of 10 bookable from "+t1.Add(12*time.Hour).Format(time.RFC3339),
		"the latest end that fits is "+t1.Add(11*time.Hour).Format(time.RFC3339))
	now1 := b.vend(t, "bob", VendInput{Lines: lines("4B.booked", 1), Duration: duration.Duration(20 * time.Hour)})
	require.Equal(t, Active, now1.Status)
	// Extending it past the bookings is a POLICY_VIOLATION naming the window.
	_, err = b.svc.Extend(b.as["bob"], now1.ID, days(2))
	requireCode(t, err, apperr.PolicyViolation, "would leave a booking short", "the latest end that fits is "+t1.Add(11*time.Hour).Format(time.RFC3339))
	l, err := b.svc.Extend(b.as["bob"], now1.ID, duration.Duration(10*time.Hour))
	require.NoError(t, err)
	require.True(t, l.EndsAt.Equal(now.Add(30*time.Hour)))
	b.invariants(t)

	// The calendar: hourly for three days.
	slots, err := b.svc.Calendar(b.as["alice"], "4B.booked", now, now.Add(72*time.Hour), duration.Duration(time.Hour))
	require.NoError(t, err)
	require.Len(t, slots, 72)
	free := func(h int) int { return slots[h].Bookable }
	require.Equal(t, 10, slots[0].Capacity)
	require.Equal(t, 9, free(0)) // now1 runs, then its buffer
	require.Equal(t, 3, free(24), "alice's 6 and now1")
	require.Equal(t, 0, free(36), "alice's 6 and bob's 4")
	require.Equal(t, 6, free(49), "bob's 4 until 12:00 the day after, with the buffer")
	require.Equal(t, 10, free(61))

	// The earliest start of 5 for a day: once alice's booking and its buffer are over.
	first, err := b.svc.EarliestStart(b.as["bob"], EarliestQuery{Lines: lines("4B.booked", 5), Duration: days(1)})
	require.NoError(t, err)
	require.True(t, first.Equal(t1.Add(25*time.Hour)), "got %s", first)
	first, err = b.svc.EarliestStart(b.as["bob"], EarliestQuery{SKU: sku("4B.booked"), Duration: duration.Duration(2 * time.Hour)})
	require.NoError(t, err)
	require.True(t, first.Equal(now), "one fits now; got %s", first)
	_, err = b.svc.EarliestStart(b.as["bob"], EarliestQuery{Lines: lines("4B.booked", 11), Duration: days(1)})
	requireCode(t, err, apperr.OutOfStock, "only 10 items can serve")

	// Cancel: nothing charged, the capacity freed.
	c, err := b.svc.Return(b.as["bob"], bob.ID)
	require.NoError(t, err)
	require.Equal(t, Rejected, c.Status)
	require.Contains(t, *c.StatusMessage, "cancelled by bob")
	require.Empty(t, b.orderKinds(t, bob.ID))
	n, err := b.client.Booking.Query().Where(booking.LeaseID(bob.ID)).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Zero(t, n)
	b.vend(t, "bob", VendInput{Lines: lines("4B.booked", 3), StartsAt: at(t1.Add(12 * time.Hour)), Duration: days(1)})
	b.vend(t, "manny", VendInput{Lines: lines("4B.booked", 5), StartsAt: at(t1.Add(50 * time.Hour)), Duration: days(1)})

	// Reschedule: checked again, atomically; a refusal keeps the old interval.
	_, err = b.svc.Reschedule(b.as["alice"], alice.ID, t1.Add(48*time.Hour), t1.Add(72*time.Hour))
	requireCode(t, err, apperr.OutOfStock, "4B.booked: 6 requested, 5 of 10 bookable from "+t1.Add(50*time.Hour).Format(time.RFC3339))
	same := b.lease(t, alice.ID)
	require.True(t, same.StartsAt.Equal(t1))
	moved, err := b.svc.Reschedule(b.as["alice"], alice.ID, t1.Add(80*time.Hour), t1.Add(100*time.Hour))
	require.NoError(t, err)
	require.Equal(t, Scheduled, moved.Status)
	require.True(t, moved.EndsAt.Equal(t1.Add(100*time.Hour)))
	_, err = b.svc.Reschedule(b.as["bob"], alice.ID, t1, t1.Add(time.Hour))
	requireCode(t, err, apperr.NotFound)

	// The horizon: 90 days by default.
	_, err = b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4B.booked"), StartsAt: at(now.Add(91 * 24 * time.Hour))})
	requireCode(t, err, apperr.PolicyViolation, "can be booked at most 90d ahead")
	_, err = b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4B.booked"), StartsAt: at(now.Add(-time.Hour))})
	requireCode(t, err, apperr.InvalidArgument, "startsAt")
	b.invariants(t)
}

// TestReservationLimitsOverTime: the per-user limit counts what the user holds and has booked at
// every instant of the interval asked for.
func TestReservationLimitsOverTime(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.svc.cfg.MaxItemsPerUser = 5
	b.bookable(t, "4B.booked", 10, 0)
	t1 := b.clock.Now().Add(48 * time.Hour)
	b.vend(t, "alice", VendInput{Lines: lines("4B.booked", 4), StartsAt: at(t1), Duration: days(1)})
	_, err := b.svc.Vend(b.as["alice"], VendInput{Lines: lines("4B.booked", 2), Duration: days(3)})
	requireCode(t, err, apperr.PolicyViolation, "per-user limit", "holds or has booked 4 items")
	b.vend(t, "alice", VendInput{Lines: lines("4B.booked", 2), Duration: days(1)})
	b.vend(t, "alice", VendInput{Lines: lines("4B.booked", 1), StartsAt: at(t1.Add(12 * time.Hour)), Duration: days(1)})

	// The cost center's entitlement, likewise.
	b.entitle(t, "FIELD", "4B.booked", 2)
	b.vend(t, "bob", VendInput{Lines: lines("4B.booked", 2), StartsAt: at(t1), Duration: days(1)})
	_, err = b.svc.Vend(b.as["bob"], VendInput{Lines: lines("4B.booked", 1), Duration: days(3)})
	requireCode(t, err, apperr.PolicyViolation, "entitlement: cost center FIELD may hold 2 of 4B.booked and holds or has booked 2")
	b.vend(t, "bob", VendInput{Lines: lines("4B.booked", 1), StartsAt: at(t1.Add(24 * time.Hour)), Duration: days(1)})
	b.invariants(t)
}

// TestStartBookings: the job starts a reservation a lead time before its start (ACTIVE at its
// start, billed from it), reminds its owner before, waits when items are short (owner and admins
// told once) and serves it when they return, fails one short past the grace, and after downtime
// starts what is due at once, billed from the actual start.
func TestStartBookings(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	b.svc.cfg.MaxItemsPerUser = 100
	b.bookable(t, "4B.booked", 7, 0) // the first lease keeps 3 (it is not expired here)
	ctx := context.Background()
	now := b.clock.Now()
	t1 := now.Add(48 * time.Hour)
	l := b.vend(t, "alice", VendInput{Lines: lines("4B.booked", 3), StartsAt: at(t1), Duration: days(1)})

	run := func() int {
		t.Helper()
		n, err := b.svc.StartBookings(ctx, b.clock.Now())
		require.NoError(t, err)
		return n
	}
	require.Zero(t, run())
	b.clock.Advance(47*time.Hour + 30*time.Minute)
	require.Equal(t, 1, run(), "the 1h reminder")
	require.Zero(t, run(), "reminded once")
	require.Contains(t, b.noticeKinds(t, l.ID), notify.KindStarting)
	b.clock.Advance(25 * time.Minute) // 5 minutes before the start: within the lead time
	require.Equal(t, 1, run())
	got := b.lease(t, l.ID)
	require.Equal(t, Active, got.Status)
	require.True(t, got.StartsAt.Equal(t1), "ACTIVE at its booked start")
	require.True(t, got.EndsAt.Equal(t1.Add(24*time.Hour)))
	require.Len(t, b.items(t, l.ID), 3)
	require.Contains(t, b.noticeKinds(t, l.ID), notify.KindVended)
	o, err := b.client.Order.Query().Where(order.LeaseID(l.ID)).Only(database.System(ctx))
	require.NoError(t, err)
	require.Equal(t, "VEND", o.Kind)
	require.True(t, o.PeriodStart.Equal(t1), "billed from the start, not from the lead time")
	require.Zero(t, run(), "idempotent")
	b.invariants(t)

	// Short at the start: an item broke. The owner and the admins are told once; it is served
	// when the item is back.
	t2 := t1.Add(48 * time.Hour)
	l2 := b.vend(t, "bob", VendInput{Lines: lines("4B.booked", 4), StartsAt: at(t2), Duration: days(1)})
	inv := inventory.NewService(b.store, b.clock)
	broken, err := b.client.InventoryItem.Query().Where().All(database.System(ctx))
	require.NoError(t, err)
	var spare *ent.InventoryItem
	for _, it := range broken {
		if it.ProductID == b.productID(t, "4B.booked") && it.Status == inventory.Available {
			spare = it
			break
		}
	}
	require.NotNil(t, spare)
	_, err = inv.SetMaintenance(b.as["admin"], spare.ID, "fan broke")
	require.NoError(t, err)
	b.clock.Advance(t2.Sub(b.clock.Now()))
	require.Zero(t, run())
	short := b.lease(t, l2.ID)
	require.Equal(t, Scheduled, short.Status)
	require.Contains(t, *short.StatusMessage, "waiting for items")
	names, _ := b.noticesTo(t, l2.ID, notify.KindBookingShort)
	require.ElementsMatch(t, []string{"bob", "admin"}, names)
	run()
	names, _ = b.noticesTo(t, l2.ID, notify.KindBookingShort)
	require.Len(t, names, 2, "told once")
	_, err = inv.ReleaseFromMaintenance(b.as["admin"], spare.ID)
	require.NoError(t, err)
	_, err = reclaim.NewService(b.store, b.clock, b.disp, reclaim.Config{}, reclaim.Deps{}).Run(ctx, b.clock.Now()) // wiped, AVAILABLE
	require.NoError(t, err)
	b.clock.Advance(time.Hour)
	require.Equal(t, 1, run())
	served := b.lease(t, l2.ID)
	require.Equal(t, Active, served.Status)
	require.True(t, served.StartsAt.Equal(b.clock.Now()), "started late, billed from then")
	require.True(t, served.EndsAt.Equal(t2.Add(24*time.Hour)), "keeps its booked end")
	b.invariants(t)

	// Past the grace without items: it fails, nothing charged.
	t3 := t2.Add(72 * time.Hour)
	l3 := b.vend(t, "alice", VendInput{Lines: lines("4B.booked", 1), StartsAt: at(t3), Duration: days(1)})
	all, err := b.client.InventoryItem.Query().Where().All(database.System(ctx))
	require.NoError(t, err)
	for _, it := range all {
		if it.ProductID == b.productID(t, "4B.booked") && it.Status == inventory.Available {
			_, err = inv.SetMaintenance(b.as["admin"], it.ID, "rack power")
			require.NoError(t, err)
		}
	}
	b.clock.Advance(t3.Sub(b.clock.Now()))
	run()
	require.Equal(t, Scheduled, b.leaseStatus(t, l3.ID))
	b.clock.Advance(4 * time.Hour)
	run()
	failed := b.lease(t, l3.ID)
	require.Equal(t, Rejected, failed.Status)
	require.Contains(t, *failed.StatusMessage, "no items came free within 4h")
	require.Empty(t, b.orderKinds(t, l3.ID))
	b.invariants(t)
}

// TestStartBookingsCatchesUp: reservations whose start passed while the server was down start at
// the first run after, billed from then; one whose whole interval passed fails.
func TestStartBookingsCatchesUp(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.svc.cfg.MaxItemsPerUser = 100
	b.bookable(t, "4B.booked", 4, 0)
	now := b.clock.Now()
	missed := b.vend(t, "alice", VendInput{Lines: lines("4B.booked", 2), StartsAt: at(now.Add(2 * time.Hour)), Duration: days(1)})
	gone := b.vend(t, "bob", VendInput{Lines: lines("4B.booked", 2), StartsAt: at(now.Add(3 * time.Hour)), Duration: duration.Duration(time.Hour)})
	b.clock.Advance(5 * time.Hour) // down meanwhile: no run
	n, err := b.svc.StartBookings(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 2, n)
	l := b.lease(t, missed.ID)
	require.Equal(t, Active, l.Status)
	require.True(t, l.StartsAt.Equal(b.clock.Now()))
	g := b.lease(t, gone.ID)
	require.Equal(t, Rejected, g.Status)
	require.Contains(t, *g.StatusMessage, "whole interval passed")
	b.invariants(t)
}

// TestConcurrentReservations: 100 reservations at once for overlapping windows on a product of 10
// items, spread over three replicas on Postgres: at no instant are more than 10 booked (a sweep of
// the stored intervals), and every refusal is OUT_OF_STOCK naming the window.
func TestConcurrentReservations(t *testing.T) {
	t.Parallel()
	dsn := dbtest.DSN(t, "lease.db")
	b := setupAt(t, dsn)
	b.bookable(t, "4B.booked", 10, 30*time.Minute)
	svcs := []*Service{b.svc}
	if database.IsPostgres(dsn) {
		for range 2 {
			st, err := database.Open(context.Background(), dsn, database.Options{})
			require.NoError(t, err)
			t.Cleanup(func() { _ = st.Close() })
			box, err := secret.New(make([]byte, secret.KeySize))
			require.NoError(t, err)
			svcs = append(svcs, NewService(st, clockwork.NewFakeClockAt(b.clock.Now()), b.disp, box, Config{}, Deps{}))
		}
	}
	for _, s := range svcs {
		s.cfg.MaxItemsPerUser = 1000
	}
	base := b.clock.Now().Add(24 * time.Hour)
	rng := rand.New(rand.NewPCG(17, 17))
	type ask struct {
		who   string
		start time.Time
		qty   int
		d     duration.Duration
	}
	asks := make([]ask, 100)
	for i := range asks {
		asks[i] = ask{who: []string{"alice", "bob", "manny"}[i%3], start: base.Add(time.Duration(rng.IntN(48)) * time.Hour),
			qty: 1 + rng.IntN(3), d: duration.Duration(time.Duration(2+rng.IntN(24)) * time.Hour)}
	}
	codes := storm(t, svcs, len(asks), func(i int, s *Service) error {
		a := asks[i]
		_, err := s.Vend(b.as[a.who], VendInput{Lines: lines("4B.booked", a.qty), StartsAt: at(a.start), Duration: a.d})
		if err != nil {
			if e, ok := apperr.As(err); ok && e.Code == apperr.OutOfStock {
				require.Contains(t, e.Message, "bookable from")
			}
		}
		return err
	})
	require.Equal(t, 100, codes[""]+codes[string(apperr.OutOfStock)], "%v", codes)
	require.NotZero(t, codes[string(apperr.OutOfStock)], "the windows overlap past capacity")
	require.NotZero(t, codes[""])

	// The sweep over what was stored: reservations and their buffers.
	rows, err := b.client.Booking.Query().All(database.System(context.Background()))
	require.NoError(t, err)
	booked := map[int]bool{}
	var spans []span
	for _, r := range rows {
		booked[r.LeaseID] = true
		spans = append(spans, span{from: r.StartsAt, to: r.FreeAt, qty: r.Quantity})
	}
	require.Len(t, booked, codes[""])
	prof := profile(spans, base, base.Add(96*time.Hour))
	for _, s := range prof {
		require.LessOrEqual(t, s.level, 10, "at %s", s.at)
	}
	scheduled, err := b.client.Lease.Query().Where(entlease.StatusEQ(Scheduled)).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, codes[""], scheduled)
	held, err := b.client.Allocation.Query().Where(allocation.ReleasedAtIsNil()).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Zero(t, held)
	b.invariants(t)
}

// TestReservationApproval: a reservation of a product that needs approval is SCHEDULED and
// awaiting it, its capacity held; approved it stays SCHEDULED and starts on time; rejected, its
// capacity is freed; still undecided at its start, it fails.
func TestReservationApproval(t *testing.T) {
	t.Parallel()
	b := setup(t)
	now := b.clock.Now()
	t1 := now.Add(48 * time.Hour)
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), StartsAt: at(t1), Duration: days(2)})
	require.Equal(t, Scheduled, l.Status)
	require.True(t, l.AwaitingApproval)
	ok, err := b.svc.Approve(b.as["manny"], l.ID)
	require.NoError(t, err)
	require.Equal(t, Scheduled, ok.Status)
	require.False(t, ok.AwaitingApproval)

	r := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), StartsAt: at(t1), Duration: days(2)})
	no, err := b.svc.Reject(b.as["manny"], r.ID, "not this week")
	require.NoError(t, err)
	require.Equal(t, Rejected, no.Status)
	n, err := b.client.Booking.Query().Where(booking.LeaseID(r.ID)).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Zero(t, n, "capacity freed")

	late := b.vend(t, "alice", VendInput{SKU: sku("4D.large"), StartsAt: at(t1), Duration: days(2)})
	b.clock.Advance(48 * time.Hour)
	_, err = b.svc.StartBookings(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, Active, b.leaseStatus(t, l.ID))
	failed := b.lease(t, late.ID)
	require.Equal(t, Rejected, failed.Status)
	require.Contains(t, *failed.StatusMessage, "still awaiting approval at its start")
	b.invariants(t)
}

// TestFitsAtStartAgreesWithTheWindow holds the count at a window's start (readAtStart) to the
// window read day by day, on random ledgers of bookings, some cut short with their buffer: it
// never lets through what the window refuses, and decides exactly when no booking begins within
// the window, for a product's capacity (buffers counted) and an owner's limit (not).
func TestFitsAtStartAgreesWithTheWindow(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := database.System(context.Background())
	rng := rand.New(rand.NewPCG(13, 2026))
	base := b.clock.Now()
	hours := func(lo, hi int) time.Duration { return time.Duration(lo+rng.IntN(hi-lo)) * time.Hour }
	decided := 0
	for round := range 60 {
		pid, owner := 1_000+round, 5_000+round
		opens := map[int]time.Time{} // each lease's first row
		var creates []*ent.BookingCreate
		var ids []int
		for i := range 1 + rng.IntN(12) {
			id := 100_000 + round*100 + i
			from := base.Add(hours(-48, 48))
			buf := duration.Duration(hours(0, 3) * 2)
			opens[id] = from
			ids = append(ids, id)
			creates = append(creates, segments(b.client.Booking, id, pid, owner, nil, 1+rng.IntN(3), buf, from, from.Add(hours(1, 400)), true)...)
		}
		require.NoError(t, b.client.Booking.CreateBulk(creates...).Exec(ctx))
		// Some end early, keeping their buffer.
		require.NoError(t, b.store.Write(ctx, func(tx *database.Tx) error {
			return trimBookings(ctx, tx, base.Add(hours(-24, 24)), ids[:rng.IntN(len(ids)+1)])
		}))
		for range 40 {
			from := base.Add(hours(-60, 60))
			end := from.Add(hours(1, 240))
			limit, qty := rng.IntN(12), 1+rng.IntN(3)
			except := 0
			if rng.IntN(3) == 0 {
				except = ids[rng.IntN(len(ids))]
			}
			ahead := false
			for id, at := range opens {
				rows, err := b.client.Booking.Query().Where(booking.LeaseID(id), booking.StartsAt(at)).Count(ctx)
				require.NoError(t, err)
				ahead = ahead || (id != except && rows > 0 && at.After(from) && at.Before(end))
			}
			// A product's capacity over [from, end).
			at, err := readAtStart(ctx, b.client, b.st.Dialect, startQuery{scope: []predicate.Booking{booking.ProductID(pid)}, product: pid, from: from, end: end, except: except})
			require.NoError(t, err)
			fast := at.fits(limit, qty)
			spans, err := committed(ctx, b.client, pid, from, end, except)
			require.NoError(t, err)
			_, full := fit(profile(spans, from, end), end, limit, qty)
			if fast {
				require.True(t, full, "round %d: capacity %d, %d more from %s to %s", round, limit, qty, from, end)
			}
			if !ahead {
				require.Equal(t, full, fast, "round %d: capacity %d, %d more from %s to %s", round, limit, qty, from, end)
				decided++
			}
			// An owner's holding over [from, end), as the per-user limit counts it.
			at, err = readAtStart(ctx, b.client, b.st.Dialect, startQuery{scope: []predicate.Booking{booking.OwnerID(owner)}, from: from, end: end, except: except})
			require.NoError(t, err)
			fast = at.fits(limit, qty)
			rows, err := b.client.Booking.Query().Where(booking.OwnerID(owner), booking.EndsAtGT(from), booking.StartsAtLT(end),
				booking.LeaseIDNEQ(except)).All(ctx)
			require.NoError(t, err)
			held := make([]span, len(rows))
			for i, r := range rows {
				held[i] = span{from: r.StartsAt.UTC(), to: r.EndsAt.UTC(), qty: r.Quantity}
			}
			_, full = fit(profile(held, from, end), end, limit, qty)
			if fast {
				require.True(t, full, "round %d: owner limit %d, %d more from %s to %s", round, limit, qty, from, end)
			}
			if !ahead {
				require.Equal(t, full, fast, "round %d: owner limit %d, %d more from %s to %s", round, limit, qty, from, end)
			}
		}
	}
	require.Greater(t, decided, 500, "most windows are decided at their start")
}
