package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/secret"
	"github.com/hardcandy/hardcandy/viewer"
)

// leasingServer is a real HTTP server over a SQLite file, with the demo data, extra 4D.small
// items, and a per-user limit high enough that only stock limits a storm.
type leasingServer struct {
	url    string
	tokens map[string]string
	client *ent.Client
	store  *database.Store
	app    *app
}

func startLeasing(t *testing.T, extraSmall int) *leasingServer {
	t.Helper()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "leasing.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	cfg := &config.File{Leasing: lease.Config{MaxItemsPerUser: 10_000}}
	a, err := newApp(st, clockwork.NewRealClock(), &serveOptions{maxBody: 1 << 20, reqTimeout: time.Minute}, cfg,
		make([]byte, secret.KeySize), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	users, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: a.svc.auth, Catalog: a.svc.catalog, Inventory: a.svc.inventory})
	require.NoError(t, err)
	if extraSmall > 0 {
		var items []*inventory.NewItem
		for i := range extraSmall {
			items = append(items, &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("extra-%03d", i)})
		}
		_, err = a.svc.inventory.Add(viewer.NewContext(ctx, viewer.Viewer{UserID: 1, Name: "setup", Role: viewer.RoleAdmin}), items)
		require.NoError(t, err)
	}
	if a.elector != nil {
		t.Cleanup(a.elector.Stop) // after the scheduler's
	}
	require.NoError(t, a.sched.Start(ctx))
	t.Cleanup(a.sched.Stop)
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	ls := &leasingServer{url: srv.URL, tokens: map[string]string{}, client: st.Client, store: st, app: a}
	for _, u := range users {
		ls.tokens[u.Name] = u.Token
	}
	return ls
}

type gqlResult struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r gqlResult) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

var httpClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: time.Minute}

func (ls *leasingServer) gql(t testing.TB, as, query string, vars map[string]any) gqlResult {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, ls.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+ls.tokens[as])
	res, err := httpClient.Do(req)
	if err != nil {
		t.Errorf("request: %v", err)
		return gqlResult{}
	}
	defer res.Body.Close()
	var out gqlResult
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Errorf("decode: %v", err)
	}
	return out
}

func (ls *leasingServer) invariants(t *testing.T) {
	t.Helper()
	v, err := lease.Violations(context.Background(), ls.client)
	require.NoError(t, err)
	require.Empty(t, v)
}

const vendMutation = `mutation($in: VendInput!) { vend(input: $in) { id status } }`

// TestConcurrentVendsOfOneSKU: 200 vends at once for 50 available items make exactly 50 leases
// and 150 OUT_OF_STOCK, with no item in two active allocations.
func TestConcurrentVendsOfOneSKU(t *testing.T) {
	t.Parallel()
	ls := startLeasing(t, 36) // 14 demo + 36 = 50
	users := []string{"alice", "bob", "manny", "admin"}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		codes  = map[string]int{}
		leases = map[string]bool{}
	)
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := ls.gql(t, users[i%len(users)], vendMutation, map[string]any{"in": map[string]any{"sku": "4D.small", "duration": "1d"}})
			mu.Lock()
			defer mu.Unlock()
			codes[r.code()]++
			if r.code() == "" {
				var v struct{ ID, Status string }
				_ = json.Unmarshal(r.Data["vend"], &v)
				require.Equal(t, "ACTIVE", v.Status)
				leases[v.ID] = true
			}
		}()
	}
	wg.Wait()
	require.Equal(t, map[string]int{"": 50, "OUT_OF_STOCK": 150}, codes)
	require.Len(t, leases, 50)
	n, err := ls.client.Lease.Query().Where(entlease.StatusEQ(lease.Active)).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, 50, n)
	ls.invariants(t)
}

// TestMixedStorm: 32 clients vend, return, extend and expand until each kind has succeeded often
// enough (an event, not a number of seconds, so a loaded machine only makes it slower); afterwards
// every invariant holds and every lease is in a final or active state.
func TestMixedStorm(t *testing.T) {
	if testing.Short() {
		t.Skip("a ten-second storm")
	}
	t.Parallel()
	ls := startLeasing(t, 100)
	users := []string{"alice", "bob", "manny", "admin"}
	skus := []string{"4D.small", "4D.small", "4E.small", "3A.small", "1A.org", "2C.small"}
	deadline := time.Now().Add(3 * time.Minute) // a safety net only
	var wg sync.WaitGroup
	var mu sync.Mutex
	ops := map[string]int{}
	enough := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return ops["vend:"] > 50 && ops["return:"] > 10 && ops["expand:"] > 10 && ops["extend:"] > 10
	}
	for c := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 42))
			as := users[c%len(users)]
			var mine []string
			for time.Now().Before(deadline) && !enough() {
				op := "vend"
				if len(mine) > 0 {
					op = []string{"vend", "return", "extend", "expand"}[rng.IntN(4)]
				}
				var r gqlResult
				switch op {
				case "vend":
					r = ls.gql(t, as, vendMutation, map[string]any{"in": map[string]any{
						"lines": []map[string]any{{"sku": skus[rng.IntN(len(skus))], "quantity": 1 + rng.IntN(2)}}, "duration": "2d"}})
					if r.code() == "" {
						var v struct{ ID string }
						_ = json.Unmarshal(r.Data["vend"], &v)
						mine = append(mine, v.ID)
					}
				case "return":
					i := rng.IntN(len(mine))
					r = ls.gql(t, as, `mutation($id: ID!) { returnLease(id: $id) { id } }`, map[string]any{"id": mine[i]})
					mine = append(mine[:i], mine[i+1:]...)
				case "extend":
					r = ls.gql(t, as, `mutation($id: ID!) { extendLease(id: $id, by: "1d") { id } }`, map[string]any{"id": mine[rng.IntN(len(mine))]})
				case "expand":
					r = ls.gql(t, as, `mutation($id: ID!, $l: [LeaseLineInput!]!) { expandLease(id: $id, lines: $l) { id } }`,
						map[string]any{"id": mine[rng.IntN(len(mine))], "l": []map[string]any{{"sku": skus[rng.IntN(len(skus))]}}})
				}
				mu.Lock()
				ops[op+":"+r.code()]++
				mu.Unlock()
				switch r.code() {
				case "", "OUT_OF_STOCK", "POLICY_VIOLATION", "CONFLICT":
				default:
					t.Errorf("%s: unexpected %s: %v", op, r.code(), r.Errors)
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("operations: %v", ops)
	require.Greater(t, ops["vend:"], 50)
	require.Greater(t, ops["return:"], 10)
	require.Greater(t, ops["expand:"], 10)
	require.Greater(t, ops["extend:"], 10)
	ls.invariants(t)
	n, err := ls.client.Lease.Query().Where(entlease.StatusEQ(lease.Pending)).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Zero(t, n, "no lease is left half-vended")
}
