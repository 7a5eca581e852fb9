package main

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/lease"
)

// TestSchedulerStartsReservations drives the start-bookings job through gocron on a fake clock,
// as serve runs it: a reservation is reminded before its start, vended a lead time before it
// (ACTIVE at its start, the owner told it is ready), and expires at its end; one whose start
// passed while the server was down is started at once when it comes back, billed from then.
func TestSchedulerStartsReservations(t *testing.T) {
	t.Parallel()
	db := dbtest.DSN(t, "book.db")
	c := startClocked(t, db, start, true)
	s := "4D.small"
	at := start.Add(26 * time.Hour)
	l, err := c.app.svc.lease.Vend(c.as(t, "alice"), lease.VendInput{SKU: &s, StartsAt: &at, Duration: duration.Duration(10 * time.Hour)})
	require.NoError(t, err)
	require.Equal(t, lease.Scheduled, l.Status)
	missed := start.Add(50 * time.Hour)
	m, err := c.app.svc.lease.Vend(c.as(t, "bob"), lease.VendInput{SKU: &s, StartsAt: &missed, Duration: duration.Duration(24 * time.Hour)})
	require.NoError(t, err)
	require.NoError(t, c.sched.Start(t.Context()))
	c.settle(t)
	require.Equal(t, lease.Scheduled, c.leaseStatus(t, l.ID))

	c.advance(t, 25*time.Hour, 30*time.Minute) // an hour before the start: the 1h reminder
	require.NotEmpty(t, c.notices(t, l.ID, "starting"))
	require.Equal(t, lease.Scheduled, c.leaseStatus(t, l.ID))
	c.advance(t, 55*time.Minute, 5*time.Minute) // within the lead time
	require.Equal(t, lease.Active, c.leaseStatus(t, l.ID))
	require.Len(t, c.notices(t, l.ID, "vended"), 1)
	got, err := c.app.store.Client.Lease.Get(database.System(context.Background()), l.ID)
	require.NoError(t, err)
	require.True(t, got.StartsAt.Equal(at), "ACTIVE from its booked start")
	c.advance(t, 11*time.Hour, 30*time.Minute)
	require.Equal(t, lease.Expired, c.leaseStatus(t, l.ID))
	c.stop()

	// Down over bob's start; back two hours after it.
	after := startClocked(t, db, missed.Add(2*time.Hour), false)
	require.NoError(t, after.sched.Start(t.Context()))
	after.settle(t)
	require.Equal(t, lease.Active, after.leaseStatus(t, m.ID))
	started, err := after.app.store.Client.Lease.Get(database.System(context.Background()), m.ID)
	require.NoError(t, err)
	require.True(t, started.StartsAt.Equal(missed.Add(2*time.Hour)), "billed from the actual start")
	require.True(t, started.EndsAt.Equal(missed.Add(24*time.Hour)), "keeps its booked end")
	v, err := lease.Violations(context.Background(), after.app.store.Client)
	require.NoError(t, err)
	require.Empty(t, v)
}
