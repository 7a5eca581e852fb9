package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/notify"
)

// thresholds returns the thresholds of the expiring notices written per lease, in the order
// they were written.
func (b *bundle) thresholds(t *testing.T) map[int][]string {
	t.Helper()
	out := map[int][]string{}
	ns, err := b.client.Notice.Query().Where(notice.Kind(notify.KindExpiring)).Order(ent.Asc(notice.FieldID)).All(b.sys)
	require.NoError(t, err)
	for _, n := range ns {
		out[*n.LeaseID] = append(out[*n.LeaseID], payload(t, n).Threshold)
	}
	return out
}

func newExpiring(b *bundle, cfg notify.Config) *notify.Expiring {
	return notify.NewExpiring(b.store, notify.NewOutbox(cfg), cfg)
}

// TestExpiringThresholds checks which thresholds fire, that a second run fires nothing, and that
// time passing fires the next threshold.
func TestExpiringThresholds(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ids := map[string]int{}
	for _, c := range []struct {
		name string
		in   time.Duration
	}{{"80h", 80 * time.Hour}, {"70h", 70 * time.Hour}, {"20h", 20 * time.Hour}, {"30m", 30 * time.Minute}, {"5d", 120 * time.Hour}} {
		ids[c.name] = b.lease(t, "alice", c.in, 1).ID
	}
	// Leases that are not ACTIVE, or already past their end, get nothing.
	pending := b.lease(t, "bob", 2*time.Hour, 0)
	b.client.Lease.UpdateOneID(pending.ID).SetStatus(entlease.StatusPENDING).ExecX(b.sys)
	b.lease(t, "bob", -time.Minute, 0)

	e := newExpiring(b, notify.Config{}) // default thresholds 72h, 24h, 1h
	n, err := e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 3, n)
	require.Equal(t, map[int][]string{ids["70h"]: {"72h"}, ids["20h"]: {"24h"}, ids["30m"]: {"1h"}}, b.thresholds(t))

	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "a second run fires nothing")

	// 50 hours on, the 70h lease has 20h left: its 24h notice is due. The 80h and 5d leases
	// (30h and 70h left) reach 72h; the 20h and 30m leases have ended.
	b.clock.Advance(50 * time.Hour)
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 3, n)
	require.Equal(t, map[int][]string{
		ids["70h"]: {"72h", "24h"}, ids["20h"]: {"24h"}, ids["30m"]: {"1h"},
		ids["80h"]: {"72h"}, ids["5d"]: {"72h"},
	}, b.thresholds(t))
}

// TestExpiringAfterDowntime checks a lease seen at 80h before three days of downtime and at 8h
// after gets exactly one notice: the smallest threshold it has passed (24h, as 8h > 1h), and
// still gets the 1h notice later.
func TestExpiringAfterDowntime(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 80*time.Hour, 1)
	e := newExpiring(b, notify.Config{})
	n, err := e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n)

	b.clock.Advance(72 * time.Hour) // 8h left
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, map[int][]string{l.ID: {"24h"}}, b.thresholds(t))

	// Nothing between 8h and 1h left: the 24h notice covers it, and the 72h one is stale.
	for range 3 {
		b.clock.Advance(2 * time.Hour)
		n, err = e.Run(b.sys, b.clock.Now())
		require.NoError(t, err)
		require.Zero(t, n)
	}

	b.clock.Advance(90 * time.Minute) // 30m left
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, map[int][]string{l.ID: {"24h", "1h"}}, b.thresholds(t))

	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n)
}

// TestExpiringBatches checks a run stops after Batch leases, the next run continues, pages of
// leases warned already are skipped, and every channel of the owner is written.
func TestExpiringBatches(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var want []int
	for i := range 7 {
		want = append(want, b.lease(t, "alice", time.Duration(10+i)*time.Hour, 0).ID)
	}
	cfg := notify.Config{Batch: 3, SMTP: smtpOn, Webhook: notify.WebhookConfig{URL: "http://127.0.0.1:1/hook"},
		Thresholds: nil}
	e := newExpiring(b, cfg)
	var runs []int
	for range 4 {
		n, err := e.Run(b.sys, b.clock.Now())
		require.NoError(t, err)
		runs = append(runs, n)
	}
	require.Equal(t, []int{3, 3, 1, 0}, runs)
	got := b.thresholds(t)
	var leases []int
	for id, ts := range got {
		require.Equal(t, []string{"24h", "24h"}, ts, "one notice per channel: e-mail and webhook")
		leases = append(leases, id)
	}
	sort.Ints(leases)
	require.Equal(t, want, leases)
}

// TestExpiringConcurrentRuns checks runs racing on one lease write its notice once.
func TestExpiringConcurrentRuns(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 20*time.Hour, 1)
	cfg := notify.Config{}
	var wg sync.WaitGroup
	total := make([]int, 4)
	errs := make([]error, 4)
	for i := range total {
		// Separate jobs, as on two replicas: only the transaction keeps them apart.
		e := newExpiring(b, cfg)
		wg.Go(func() { total[i], errs[i] = e.Run(database.System(context.Background()), b.clock.Now()) })
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	require.Equal(t, 1, total[0]+total[1]+total[2]+total[3])
	require.Equal(t, map[int][]string{l.ID: {"24h"}}, b.thresholds(t))
}

// TestExpiringCustomThresholds checks configured thresholds, given in any order and unit.
func TestExpiringCustomThresholds(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 100*time.Minute, 0)
	cfg := notify.Config{Thresholds: mustDurations(t, "2h", "1d", "30m")}
	e := newExpiring(b, cfg)
	n, err := e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	b.clock.Advance(75 * time.Minute) // 25m left
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, map[int][]string{l.ID: {"2h", "30m"}}, b.thresholds(t))
}

// TestExpiringSkipsThresholdsNeverCrossed: a lease shorter than a threshold from the start is not
// warned at that threshold (a 30h lease gets its 24h and 1h warnings, not a "72h" one at once).
func TestExpiringSkipsThresholdsNeverCrossed(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 30*time.Hour, 1)
	require.NoError(t, b.client.Lease.UpdateOneID(l.ID).SetStartsAt(b.clock.Now()).Exec(b.sys))
	e := notify.NewExpiring(b.store, notify.NewOutbox(notify.Config{}), notify.Config{})
	n, err := e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "30h left of a 30h lease: no threshold crossed yet")
	n, err = e.Run(b.sys, b.clock.Now().Add(7*time.Hour))
	require.NoError(t, err)
	require.Equal(t, 1, n, "23h left: the 24h warning")
}

// TestExpiringAgainAfterAnExtension: every end gets its warnings once. A lease warned at 24h and
// then extended is warned again before its new end, and the notice says the time actually left
// (20h), not the threshold it crossed.
func TestExpiringAgainAfterAnExtension(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 20*time.Hour, 1)
	e := newExpiring(b, notify.Config{})
	n, err := e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)

	b.clock.Advance(10 * time.Hour) // 10h left: the 24h notice covers it
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n)

	newEnd := l.EndsAt.Add(3 * 24 * time.Hour)
	b.client.Lease.UpdateOneID(l.ID).SetEndsAt(newEnd).ExecX(b.sys) // extended by 3d: 82h left
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "82h left: no threshold crossed yet")

	b.clock.Advance(62 * time.Hour) // 20h before the new end
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n, "the new end gets its 24h warning")
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "once")

	ns, err := b.client.Notice.Query().Where(notice.Kind(notify.KindExpiring)).Order(ent.Asc(notice.FieldID)).All(b.sys)
	require.NoError(t, err)
	require.Len(t, ns, 2)
	for _, no := range ns {
		p := payload(t, no)
		require.Equal(t, "24h", p.Threshold)
		require.Contains(t, notify.Subject(p), "ends in 20h (", "the time left, not the threshold")
	}
	require.True(t, payload(t, ns[1]).EndsAt.Equal(newEnd))
}

// TestExpiringKeysWrittenBeforeTheEnd: notices written before keys named the end still count for
// the end their payload names, and only for it.
func TestExpiringKeysWrittenBeforeTheEnd(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 20*time.Hour, 1)
	legacy := func(end time.Time) {
		body, err := json.Marshal(notify.Payload{Kind: notify.KindExpiring, LeaseID: &l.ID, Threshold: "24h", EndsAt: &end, At: b.clock.Now()})
		require.NoError(t, err)
		key := fmt.Sprintf("expiring:%d:24h:%d:log", l.ID, b.users["alice"].ID)
		b.client.Notice.Create().SetKind(notify.KindExpiring).SetChannel(notify.ChannelLog).SetRecipient("alice").
			SetUserID(b.users["alice"].ID).SetLeaseID(l.ID).SetPayload(body).SetDedupeKey(key).
			SetCreatedAt(b.clock.Now()).SetDeliverAfter(b.clock.Now()).ExecX(b.sys)
	}
	legacy(*l.EndsAt)
	e := newExpiring(b, notify.Config{})
	n, err := e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Zero(t, n, "warned already, for this end")

	b.client.Lease.UpdateOneID(l.ID).SetEndsAt(l.EndsAt.Add(time.Hour)).ExecX(b.sys)
	n, err = e.Run(b.sys, b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n, "a new end")
}
