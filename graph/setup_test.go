package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/custom"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/graph"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/leasefeed"
	"github.com/hardcandy/hardcandy/secret"
)

// bundle is a server over a fresh SQLite file loaded with the demo data.
type bundle struct {
	store   *database.Store
	counter *database.CountingDriver
	clock   *clockwork.FakeClock
	srv     *httptest.Server
	tokens  map[string]string // by demo user name: admin, manny, alice, bob
	client  *ent.Client
}

func setup(t testing.TB) *bundle {
	return setupWith(t, func(r *graph.Resolver) {})
}

func setupWith(t testing.TB, tweak func(*graph.Resolver)) *bundle {
	t.Helper()
	ctx := context.Background()
	var counter *database.CountingDriver
	st, err := database.Open(ctx, dbtest.DSN(t, "test.db"), database.Options{
		Migrate:    true,
		WrapDriver: func(d dialect.Driver) dialect.Driver { counter = database.NewCountingDriver(d); return counter },
	})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	authSvc := auth.NewService(st, clock)
	r := &graph.Resolver{
		Store:     st,
		Client:    st.Client,
		Auth:      authSvc,
		Catalog:   catalog.NewService(st, clock),
		Inventory: inventory.NewService(st, clock),
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	users, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: r.Auth, Catalog: r.Catalog, Inventory: r.Inventory})
	require.NoError(t, err)
	sim, err := dispenser.New(dispenser.Config{})
	require.NoError(t, err)
	box, err := secret.New(make([]byte, secret.KeySize))
	require.NoError(t, err)
	// Every setup has a live feed: the lease service publishes to it, subscriptions read it.
	r.Feed = leasefeed.New()
	r.Leasing = lease.NewService(st, clock, sim, box, lease.Config{}, lease.Deps{Feed: r.Feed})
	r.Billing, err = billing.NewService(st, clock, billing.Config{})
	require.NoError(t, err)
	r.Clock = clock
	r.Custom = custom.NewService(st, clock, r.Catalog, r.Inventory)
	tweak(r)
	srv := httptest.NewServer(authSvc.Middleware(graph.NewHandler(r, graph.Options{Logger: r.Logger})))
	t.Cleanup(srv.Close)
	b := &bundle{store: st, counter: counter, clock: clock, srv: srv, tokens: map[string]string{}, client: st.Client}
	for _, u := range users {
		b.tokens[u.Name] = u.Token
	}
	return b
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// code is the first error's code, or "" when there is none.
func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// do posts a GraphQL request as the named demo user ("" for no token) over real HTTP.
func (b *bundle) do(t *testing.T, as, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, b.srv.URL, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if as != "" {
		req.Header.Set("Authorization", "Bearer "+b.tokens[as])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var out response
	require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
	return out
}

// ok requires no errors and decodes data into v.
func (b *bundle) ok(t *testing.T, as, query string, vars map[string]any, v any) {
	t.Helper()
	r := b.do(t, as, query, vars)
	require.Empty(t, r.Errors, "errors: %+v", r.Errors)
	if v != nil {
		require.NoError(t, json.Unmarshal(r.Data, v))
	}
}

// snapshot captures what a refused operation must leave unchanged.
type snapshot struct {
	Products, Retired, Items, Events, Stacks int
	Names                                    []string
	Statuses                                 map[string]int
	Stock                                    map[string]int
}

func (b *bundle) snapshot(t *testing.T) snapshot {
	t.Helper()
	ctx := database.System(context.Background())
	c := b.client
	var s snapshot
	var err error
	s.Products, err = c.Product.Query().Count(ctx)
	require.NoError(t, err)
	s.Retired, err = c.Product.Query().Where(product.RetiredAtNotNil()).Count(ctx)
	require.NoError(t, err)
	s.Names, err = c.Product.Query().Order(ent.Asc(product.FieldSku)).Select(product.FieldName).Strings(ctx)
	require.NoError(t, err)
	s.Items, err = c.InventoryItem.Query().Count(ctx)
	require.NoError(t, err)
	s.Events, err = c.Event.Query().Count(ctx)
	require.NoError(t, err)
	s.Stacks, err = c.Stack.Query().Count(ctx)
	require.NoError(t, err)
	var rows []struct {
		Status string `json:"status"`
		Count  int    `json:"count"`
	}
	require.NoError(t, c.InventoryItem.Query().GroupBy(inventoryitem.FieldStatus).Aggregate(ent.Count()).Scan(ctx, &rows))
	s.Statuses = map[string]int{}
	for _, r := range rows {
		s.Statuses[r.Status] = r.Count
	}
	stock, err := c.StockCount.Query().All(ctx)
	require.NoError(t, err)
	s.Stock = map[string]int{}
	for _, st := range stock {
		if st.Count != 0 {
			s.Stock[string(st.Status)] += st.Count
		}
	}
	return s
}
