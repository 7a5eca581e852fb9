package main

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/bill"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/scheduler"
	"github.com/hardcandy/hardcandy/secret"
	"github.com/hardcandy/hardcandy/viewer"
)

var start = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// clockedApp is a wired app on a database file with a fake clock, as `serve` would run it.
type clockedApp struct {
	app   *app
	clock *clockwork.FakeClock
	sched *scheduler.Scheduler
	at    time.Time // the clock's time when the app was built
}

func startClocked(t *testing.T, db string, at time.Time, load bool) *clockedApp {
	t.Helper()
	return startClockedWith(t, db, at, load, &config.File{})
}

func startClockedWith(t *testing.T, db string, at time.Time, load bool, cfg *config.File) *clockedApp {
	t.Helper()
	ctx := context.Background()
	st, err := database.Open(ctx, db, database.Options{Migrate: true})
	require.NoError(t, err)
	clock := clockwork.NewFakeClockAt(at)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := newApp(st, clock, &serveOptions{maxBody: 1 << 20, reqTimeout: time.Minute}, cfg,
		make([]byte, secret.KeySize), logger)
	require.NoError(t, err)
	if load {
		_, err = demo.Load(ctx, demo.Services{Client: st.Client, Auth: a.svc.auth, Catalog: a.svc.catalog, Inventory: a.svc.inventory})
		require.NoError(t, err)
	}
	ca := &clockedApp{app: a, clock: clock, sched: a.sched, at: at}
	t.Cleanup(ca.stop)
	return ca
}

func (c *clockedApp) stop() {
	if c.sched != nil {
		c.sched.Stop()
		if c.app.elector != nil { // on Postgres: leadership goes with the process, as in serve
			c.app.elector.Stop()
		}
		c.sched = nil
		_ = c.app.store.Close()
	}
}

func (c *clockedApp) as(t *testing.T, name string) context.Context {
	t.Helper()
	u, err := c.app.store.Client.User.Query().Where(user.Name(name)).Only(database.System(context.Background()))
	require.NoError(t, err)
	v := viewer.Viewer{UserID: u.ID, Name: u.Name, Role: viewer.Role(u.Role)}
	if u.CostCenterID != nil {
		v.CostCenterID = *u.CostCenterID
	}
	return viewer.NewContext(context.Background(), v)
}

func (c *clockedApp) vend(t *testing.T, who, sku string, d time.Duration) *ent.Lease {
	t.Helper()
	l, err := c.app.svc.lease.Vend(c.as(t, who), lease.VendInput{SKU: &sku, Duration: duration.Duration(d)})
	require.NoError(t, err)
	return l
}

// advance moves the fake clock in steps small enough for every job to tick, letting each
// step's runs finish.
func (c *clockedApp) advance(t *testing.T, d, step time.Duration) {
	t.Helper()
	for moved := time.Duration(0); moved < d; moved += step {
		step := min(step, d-moved) // the last step is partial: never overshoot
		// gocron keeps its own timers; steps longer than every interval make each job tick per step.
		require.NoError(t, c.clock.BlockUntilContext(t.Context(), 1))
		c.clock.Advance(step)
		c.settle(t)
	}
}

// settle waits until no job is running.
func (c *clockedApp) settle(t *testing.T) {
	t.Helper()
	// Every job has run since this app was built (on Postgres the first runs wait for the
	// leadership, which a process that just stopped may still hold for a moment), and none runs.
	idle := func() bool {
		for _, j := range c.sched.Jobs() {
			if j.Running || j.LastRunCompletedAt == nil || j.LastRunStartedAt == nil || j.LastRunStartedAt.Before(c.at) {
				return false
			}
		}
		return true
	}
	require.Eventually(t, idle, time.Minute, time.Millisecond)
	time.Sleep(5 * time.Millisecond) // runs kicked by the ones that just finished
	require.Eventually(t, idle, time.Minute, time.Millisecond)
}

func (c *clockedApp) leaseStatus(t *testing.T, id int) lease.Status {
	t.Helper()
	l, err := c.app.store.Client.Lease.Get(database.System(context.Background()), id)
	require.NoError(t, err)
	return l.Status
}

func (c *clockedApp) notices(t *testing.T, leaseID int, kind string) []*ent.Notice {
	t.Helper()
	ns, err := c.app.store.Client.Notice.Query().Where(notice.LeaseID(leaseID), notice.Kind(kind)).All(database.System(context.Background()))
	require.NoError(t, err)
	return ns
}

// TestSchedulerExpiresReclaimsAndNotifies drives the real jobs through gocron on a fake clock:
// a lease is warned at 24h and 1h before its end (once each), expires when its end passes, its
// item is wiped and back on the shelf, and every notice is delivered once.
func TestSchedulerExpiresReclaimsAndNotifies(t *testing.T) {
	t.Parallel()
	c := startClocked(t, dbtest.DSN(t, "sched.db"), start, true)
	l := c.vend(t, "alice", "4D.small", 30*time.Hour)
	require.NoError(t, c.sched.Start(t.Context()))
	c.settle(t)
	require.Len(t, c.notices(t, l.ID, "vended"), 1)

	c.advance(t, 7*time.Hour, 30*time.Minute) // 23h left: the 24h warning
	exp := c.notices(t, l.ID, "expiring")
	require.Len(t, exp, 1)
	require.Equal(t, lease.Active, c.leaseStatus(t, l.ID))

	c.advance(t, 22*time.Hour+30*time.Minute, 30*time.Minute) // 30m left: the 1h warning
	require.Len(t, c.notices(t, l.ID, "expiring"), 2)

	c.advance(t, time.Hour, 30*time.Minute) // the end has passed
	require.Equal(t, lease.Expired, c.leaseStatus(t, l.ID))
	expired := c.notices(t, l.ID, "expired")
	require.Len(t, expired, 1)
	for _, want := range []string{`"owner":"alice"`, `"name":"4d-small-01"`, `"sku":"4D.small"`, `"status":"EXPIRED"`} {
		require.Contains(t, string(expired[0].Payload), want)
	}
	items, err := c.app.store.Client.InventoryItem.Query().Where(inventoryitem.Name("4d-small-01")).Only(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, inventory.Available, items.Status, "wiped and back on the shelf")

	c.advance(t, 2*time.Hour, 30*time.Minute) // nothing more happens
	require.Len(t, c.notices(t, l.ID, "expiring"), 2)
	require.Len(t, c.notices(t, l.ID, "expired"), 1)
	all, err := c.app.store.Client.Notice.Query().Where(notice.LeaseID(l.ID)).All(database.System(context.Background()))
	require.NoError(t, err)
	for _, n := range all {
		require.NotNil(t, n.DeliveredAt, "notice %s delivered", n.Kind)
		require.Equal(t, 1, n.Attempts)
	}
	v, err := lease.Violations(context.Background(), c.app.store.Client)
	require.NoError(t, err)
	require.Empty(t, v)
}

// TestDowntime: the server stops at t and starts again at t+3 days. At start every job runs
// once: exactly the leases whose end passed expire, and each lease still running gets one
// notice (the nearest threshold), not a burst of stale ones.
func TestDowntime(t *testing.T) {
	t.Parallel()
	db := dbtest.DSN(t, "down.db")
	before := startClocked(t, db, start, true)
	short := before.vend(t, "alice", "4D.small", 2*24*time.Hour)           // ends during the downtime
	long := before.vend(t, "bob", "4D.small", 3*24*time.Hour+10*time.Hour) // 10h left after
	later := before.vend(t, "alice", "4E.small", 10*24*time.Hour)          // far from its end
	require.NoError(t, before.sched.Start(t.Context()))
	before.settle(t)
	before.stop()

	after := startClocked(t, db, start.Add(3*24*time.Hour), false)
	require.NoError(t, after.sched.Start(t.Context()))
	after.settle(t)
	require.Equal(t, lease.Expired, after.leaseStatus(t, short.ID))
	require.Equal(t, lease.Active, after.leaseStatus(t, long.ID))
	require.Equal(t, lease.Active, after.leaseStatus(t, later.ID))
	require.Len(t, after.notices(t, short.ID, "expired"), 1)
	require.Empty(t, after.notices(t, short.ID, "expiring"), "an expired lease is not warned after the fact")
	warned := after.notices(t, long.ID, "expiring")
	require.Len(t, warned, 1, "one notice: the nearest threshold (24h), not 72h and 24h")
	require.Contains(t, string(warned[0].Payload), `"threshold":"24h"`)
	require.Empty(t, after.notices(t, later.ID, "expiring"))

	n, err := after.app.store.Client.Lease.Query().Where(entlease.StatusEQ(lease.Expired)).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, 1, n)
}

// TestMonthEndAcrossDST: with bills in Berlin time, the close-bills job run by gocron on a fake
// clock writes October's definitive bill once October has ended in Berlin (23:00 UTC on the 31st,
// after the clocks went back on the 25th), not an hour earlier, and never twice.
func TestMonthEndAcrossDST(t *testing.T) {
	t.Parallel()
	cfg := &config.File{Billing: billing.Config{TimeZone: "Europe/Berlin"}}
	c := startClockedWith(t, dbtest.DSN(t, "dst.db"), time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC), true, cfg)
	c.vend(t, "alice", "4D.small", 14*24*time.Hour)
	require.NoError(t, c.sched.Start(t.Context()))
	c.settle(t)
	definitive := func() int {
		n, err := c.app.store.Client.Bill.Query().Where(bill.Month("2026-10"), bill.Definitive(true)).
			Count(database.System(context.Background()))
		require.NoError(t, err)
		return n
	}
	// Through the DST change to 22:30 UTC on the 31st: 23:30 in Berlin, still October.
	c.advance(t, 7*24*time.Hour+10*time.Hour+30*time.Minute, time.Hour)
	require.Zero(t, definitive(), "October is not over in Berlin yet")
	c.advance(t, time.Hour, 15*time.Minute) // 00:30 on 1 November in Berlin
	require.Equal(t, 1, definitive())
	c.advance(t, 3*time.Hour, 30*time.Minute)
	require.Equal(t, 1, definitive(), "closed once")
	bills, err := c.app.svc.billing.Bills(c.as(t, "manny"), nil, ptrTo("2026-10"))
	require.NoError(t, err)
	require.True(t, bills[0].Definitive)
	// 24 Oct 12:00 UTC to 31 Oct 23:00 UTC: 179 hours of a 336-hour order of 14 × 6000.
	require.Equal(t, (2*84000*179+336)/(2*336), bills[0].Total)
}

func ptrTo[T any](v T) *T { return &v }
