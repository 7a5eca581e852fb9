package cli_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/cli"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/graph"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/leasefeed"
	"github.com/hardcandy/hardcandy/secret"
	"github.com/hardcandy/hardcandy/viewer"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestVendProgressFromTheServer: the progress line of `hardcandy vend` follows a real server's
// leaseEvents subscription: it learns the lease and shows its items being provisioned.
func TestVendProgressFromTheServer(t *testing.T) {
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "watch.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	authSvc := auth.NewService(st, clock)
	feed := leasefeed.New()
	r := &graph.Resolver{Store: st, Client: st.Client, Auth: authSvc, Catalog: catalog.NewService(st, clock),
		Inventory: inventory.NewService(st, clock), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Clock: clock, Feed: feed}
	users, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: authSvc, Catalog: r.Catalog, Inventory: r.Inventory})
	require.NoError(t, err)
	sim, err := dispenser.New(dispenser.Config{})
	require.NoError(t, err)
	box, err := secret.New(make([]byte, secret.KeySize))
	require.NoError(t, err)
	r.Leasing = lease.NewService(st, clock, sim, box, lease.Config{}, lease.Deps{Feed: feed})
	r.Billing, err = billing.NewService(st, clock, billing.Config{})
	require.NoError(t, err)
	srv := httptest.NewServer(authSvc.Middleware(graph.NewHandler(r, graph.Options{Logger: r.Logger})))
	t.Cleanup(srv.Close)
	var alice demo.User
	for _, u := range users {
		if u.Name == "alice" {
			alice = u
		}
	}

	var w lockedBuffer
	stop := cli.WatchDispense(ctx, srv.URL, alice.Token, &w)
	require.Eventually(t, func() bool { return feed.Subscribers() == 1 }, 20*time.Second, 5*time.Millisecond)
	u, err := st.Client.User.Query().All(database.System(ctx))
	require.NoError(t, err)
	var v viewer.Viewer
	for _, x := range u {
		if x.Name == "alice" {
			v = viewer.Viewer{UserID: x.ID, Name: x.Name, Role: viewer.Role(x.Role), CostCenterID: *x.CostCenterID}
		}
	}
	l, err := r.Leasing.Vend(viewer.NewContext(ctx, v), lease.VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 3}}})
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(w.String(), "3 of 3 items provisioned; activating") }, 20*time.Second, 5*time.Millisecond, w.String())
	id := stop()
	require.NotEmpty(t, id)
	require.Contains(t, w.String(), "reserving the items…")
	require.Contains(t, w.String(), "lease "+id+": provisioning 0 of 3 items…")
	require.Equal(t, l.ID, mustAtoi(t, id))
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		require.True(t, c >= '0' && c <= '9', s)
		n = n*10 + int(c-'0')
	}
	return n
}
