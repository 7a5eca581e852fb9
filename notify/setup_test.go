package notify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/notify"
)

// t0 is the start of every test's clock: a Sunday afternoon, so a lease ending 19h later ends on
// Monday 23 Nov 2026 at 08:00 UTC, 09:00 in Berlin.
var t0 = time.Date(2026, 11, 22, 13, 0, 0, 0, time.UTC)

// bundle is a database with people, a product and items, and a fake clock.
//
// People: alice (USER, cc1, e-mail, Europe/Berlin), bob (USER, cc2, no address), carol (USER,
// cc3, own webhook, no e-mail), manny (MANAGER cc1, e-mail), mo (MANAGER cc1, no address),
// root (ADMIN, e-mail), ops (ADMIN, no address). cc2 and cc3 have no manager.
type bundle struct {
	client  *ent.Client
	store   *database.Store
	clock   *clockwork.FakeClock
	sys     context.Context
	cc      map[string]*ent.CostCenter
	users   map[string]*ent.User
	product *ent.Product
	items   int // items made so far, for names
}

func setup(t *testing.T) *bundle {
	t.Helper()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "x.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	b := &bundle{client: st.Client, store: st, clock: clockwork.NewFakeClockAt(t0), sys: database.System(ctx),
		cc: map[string]*ent.CostCenter{}, users: map[string]*ent.User{}}
	for _, code := range []string{"cc1", "cc2", "cc3"} {
		cc, err := b.client.CostCenter.Create().SetCode(code).SetName("Cost center " + code).Save(b.sys)
		require.NoError(t, err)
		b.cc[code] = cc
	}
	type person struct {
		name, cc, email, zone, webhook string
		role                           user.Role
	}
	for _, p := range []person{
		{name: "alice", cc: "cc1", email: "alice@example.com", zone: "Europe/Berlin", role: user.RoleUser},
		{name: "bob", cc: "cc2", role: user.RoleUser},
		{name: "carol", cc: "cc3", webhook: "http://127.0.0.1:1/carol", role: user.RoleUser},
		{name: "manny", cc: "cc1", email: "manny@example.com", role: user.RoleManager},
		{name: "mo", cc: "cc1", role: user.RoleManager},
		{name: "root", email: "root@example.com", role: user.RoleAdmin},
		{name: "ops", role: user.RoleAdmin},
	} {
		c := b.client.User.Create().SetName(p.name).SetRole(p.role)
		if p.cc != "" {
			c.SetCostCenterID(b.cc[p.cc].ID)
		}
		if p.email != "" {
			c.SetEmail(p.email)
		}
		if p.zone != "" {
			c.SetTimeZone(p.zone)
		}
		if p.webhook != "" {
			c.SetWebhookURL(p.webhook)
		}
		u, err := c.Save(b.sys)
		require.NoError(t, err)
		b.users[p.name] = u
	}
	b.product, err = b.client.Product.Create().SetSku("4D.small").SetTier(4).SetType("D").SetSize("small").
		SetName("Small metal").SetPricePerDay(100).SetCurrency("EUR").Save(b.sys)
	require.NoError(t, err)
	return b
}

// lease creates an ACTIVE lease of owner that ends endsIn after the clock's now, holding n new
// items named 4d-small-01, 4d-small-02, ... in creation order.
func (b *bundle) lease(t *testing.T, owner string, endsIn time.Duration, n int) *ent.Lease {
	t.Helper()
	now := b.clock.Now()
	u := b.users[owner]
	l, err := b.client.Lease.Create().SetOwnerID(u.ID).SetNillableCostCenterID(u.CostCenterID).
		SetStatus(entlease.StatusACTIVE).SetStartsAt(now.Add(-30 * 24 * time.Hour)).SetEndsAt(now.Add(endsIn)).
		SetDuration(duration.Duration(endsIn + time.Hour)).
		SetRequest([]schematype.LeaseLine{{SKU: b.product.Sku, Quantity: n}}).Save(b.sys)
	require.NoError(t, err)
	for range n {
		b.items++
		it, err := b.client.InventoryItem.Create().SetName(fmt.Sprintf("4d-small-%02d", b.items)).
			SetProductID(b.product.ID).SetStatus(inventoryitem.StatusLEASED).Save(b.sys)
		require.NoError(t, err)
		require.NoError(t, b.client.Allocation.Create().SetLeaseID(l.ID).SetItemID(it.ID).SetOwnerID(l.OwnerID).SetVendedAt(now).Exec(b.sys))
	}
	return l
}

// enqueue writes ev through outbox in a transaction at the clock's now.
func (b *bundle) enqueue(t *testing.T, o *notify.Outbox, ev notify.Event) {
	t.Helper()
	require.NoError(t, b.store.Write(b.sys, func(tx *database.Tx) error {
		return o.Enqueue(b.sys, tx, b.clock.Now(), ev)
	}))
}

// notices returns every notice, in id order.
func (b *bundle) notices(t *testing.T) []*ent.Notice {
	t.Helper()
	ns, err := b.client.Notice.Query().Order(ent.Asc(notice.FieldID)).All(b.sys)
	require.NoError(t, err)
	return ns
}

// notice reloads one notice.
func (b *bundle) notice(t *testing.T, id int) *ent.Notice {
	t.Helper()
	n, err := b.client.Notice.Get(b.sys, id)
	require.NoError(t, err)
	return n
}

// payload decodes a notice's payload.
func payload(t *testing.T, n *ent.Notice) notify.Payload {
	t.Helper()
	var p notify.Payload
	require.NoError(t, json.Unmarshal(n.Payload, &p))
	return p
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// logBuffer is a concurrency-safe buffer for a JSON slog handler.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// newLogger returns a logger writing JSON lines to a buffer.
func newLogger() (*slog.Logger, *logBuffer) {
	buf := &logBuffer{}
	return slog.New(slog.NewJSONHandler(buf, nil)), buf
}

// mustDurations parses durations such as "1d".
func mustDurations(t *testing.T, ss ...string) []duration.Duration {
	t.Helper()
	out := make([]duration.Duration, len(ss))
	for i, s := range ss {
		d, err := duration.Parse(s)
		require.NoError(t, err)
		out[i] = d
	}
	return out
}
