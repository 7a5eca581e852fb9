// Command loadgen is the load half of `make bench`: it builds the hardcandy binary, seeds a
// database with a generated inventory, starts the server as its own process on loopback, drives
// GraphQL scenarios over real HTTP with concurrent clients, and prints a table of requests/s,
// latency percentiles and SQL statements per request.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

func main() {
	items := flag.Int("items", 100_000, "inventory items to generate")
	products := flag.Int("products", 200, "products to spread the items over")
	dur := flag.Duration("duration", 5*time.Second, "how long each scenario runs")
	flag.Parse()
	if err := run(*items, *products, *dur); err != nil {
		log.Fatal(err)
	}
}

// scenario is one measured load.
type scenario struct {
	name    string
	clients int
	as      string // "admin" or "user"
	query   string
	vars    map[string]any
	target  string
}

func run(nItems, nProducts int, dur time.Duration) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "hardcandy-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "hardcandy")
	fmt.Fprintln(os.Stderr, "building the server…")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return fmt.Errorf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "bench.db")
	start := time.Now()
	tokens, firstSKU, err := seed(ctx, db, nItems, nProducts)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	fmt.Fprintf(os.Stderr, "seeded %d items over %d products in %s\n", nItems, nProducts, time.Since(start).Round(time.Millisecond))

	base, stop, err := startServer(bin, db, dir)
	if err != nil {
		return err
	}
	defer stop()

	scenarios := []scenario{
		{name: "availability, whole catalog", clients: 32, as: "user",
			query: `query Availability { availability { sku available reserving leased rebuilding maintenance } }`,
			target: "≥ 3,000 req/s"},
		{name: "availability, whole catalog", clients: 1, as: "user",
			query: `query Availability { availability { sku available reserving leased rebuilding maintenance } }`,
			target: "p99 < 5 ms"},
		{name: "availability, one SKU", clients: 32, as: "user",
			query: `query AvailabilityOne($sku: String) { availability(sku: $sku) { sku available leased } }`,
			vars:  map[string]any{"sku": firstSKU}},
		{name: "availability, one SKU", clients: 1, as: "user",
			query: `query AvailabilityOne($sku: String) { availability(sku: $sku) { sku available leased } }`,
			vars:  map[string]any{"sku": firstSKU}},
		{name: "products page of 50, items(first: 5)", clients: 32, as: "admin",
			query: `query Page { products(first: 50) { totalCount edges { node { sku name pricePerDay
				items(first: 5) { totalCount edges { node { name status } } } } } } }`,
			target: "≥ 1,700 req/s"},
		{name: "products page of 50, items(first: 5)", clients: 1, as: "admin",
			query: `query Page { products(first: 50) { totalCount edges { node { sku name pricePerDay
				items(first: 5) { totalCount edges { node { name status } } } } } } }`},
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(os.Stdout, "\nHTTP load on loopback, %d items / %d products on SQLite, %s per row, load generator on the same machine\n\n", nItems, nProducts, dur)
	fmt.Fprintln(tw, "scenario\tclients\trequests\terrors\treq/s\tp50\tp99\tSQL/req\ttarget\t")
	for _, sc := range scenarios {
		r, err := load(base, tokens[sc.as], sc, dur)
		if err != nil {
			return fmt.Errorf("%s: %w", sc.name, err)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.0f\t%s\t%s\t%.1f\t%s\t\n", sc.name, sc.clients, r.n, r.errors,
			float64(r.n)/r.elapsed.Seconds(), ms(r.p50), ms(r.p99), r.sqlPerReq, sc.target)
	}
	return tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// seed creates the users, products and items straight through the services.
func seed(ctx context.Context, db string, nItems, nProducts int) (map[string]string, string, error) {
	st, err := database.Open(ctx, db, database.Options{Migrate: true})
	if err != nil {
		return nil, "", err
	}
	defer st.Close()
	clock := clockwork.NewRealClock()
	a := auth.NewService(st.Client, clock)
	cat := catalog.NewService(st.Client, clock)
	inv := inventory.NewService(st.Client, clock)
	admin, adminTok, err := a.AddUser(ctx, auth.NewUser{Name: "bench-admin", Role: viewer.RoleAdmin, CostCenter: "BENCH"})
	if err != nil {
		return nil, "", err
	}
	_, userTok, err := a.AddUser(ctx, auth.NewUser{Name: "bench-user", Role: viewer.RoleUser, CostCenter: "BENCH"})
	if err != nil {
		return nil, "", err
	}
	actx := viewer.NewContext(ctx, viewer.Viewer{UserID: admin.ID, Name: admin.Name, Role: viewer.RoleAdmin})
	var skus []string
	for i := range nProducts {
		sku := fmt.Sprintf("4D.s%04d", i)
		if _, err := cat.Create(actx, catalog.CreateInput{SKU: sku, Name: "bench metal " + sku, PricePerDay: 1000 + i, Currency: "USD"}); err != nil {
			return nil, "", err
		}
		skus = append(skus, sku)
	}
	batch := make([]*inventory.NewItem, 0, 10_000)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := inv.Add(actx, batch)
		batch = batch[:0]
		return err
	}
	for i := range nItems {
		batch = append(batch, &inventory.NewItem{SKU: skus[i%nProducts], Name: fmt.Sprintf("bench-%06d", i), Labels: []string{"bench"}})
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return nil, "", err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, "", err
	}
	return map[string]string{"admin": adminTok, "user": userTok}, skus[0], nil
}

func startServer(bin, db, dir string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr, "--log-level", "warn")
	cmd.Dir = dir
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	go io.Copy(os.Stderr, bufio.NewReader(stderr))
	base := "http://" + addr
	for i := 0; ; i++ {
		res, err := http.Get(base + "/readyz")
		if err == nil && res.StatusCode == http.StatusOK {
			res.Body.Close()
			break
		}
		if i > 100 {
			_ = cmd.Process.Kill()
			return "", nil, fmt.Errorf("server did not become ready")
		}
		time.Sleep(100 * time.Millisecond)
	}
	return base, func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }, nil
}

type result struct {
	n, errors int
	elapsed   time.Duration
	p50, p99  time.Duration
	sqlPerReq float64
}

var sqlRE = regexp.MustCompile(`(?m)^hardcandy_sql_statements_total (\S+)$`)

func sqlCount(base string) float64 {
	res, err := http.Get(base + "/metrics")
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	m := sqlRE.FindSubmatch(b)
	if m == nil {
		return 0
	}
	f, _ := strconv.ParseFloat(string(m[1]), 64)
	return f
}

// load runs sc for d after a short warm-up and returns its figures.
func load(base, token string, sc scenario, d time.Duration) (result, error) {
	body, err := json.Marshal(map[string]any{"query": sc.query, "variables": sc.vars})
	if err != nil {
		return result{}, err
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: sc.clients + 1, MaxConnsPerHost: sc.clients + 1}}
	once := func() (time.Duration, error) {
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		t0 := time.Now()
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		el := time.Since(t0)
		if err != nil {
			return el, err
		}
		if res.StatusCode != http.StatusOK || bytes.Contains(b, []byte(`"errors"`)) {
			return el, fmt.Errorf("status %d: %.300s", res.StatusCode, b)
		}
		return el, nil
	}
	if _, err := once(); err != nil { // fail fast on a broken query
		return result{}, err
	}
	runFor := func(d time.Duration) ([]time.Duration, int, time.Duration) {
		var (
			mu   sync.Mutex
			all  []time.Duration
			errs int
			wg   sync.WaitGroup
		)
		t0 := time.Now()
		deadline := t0.Add(d)
		for range sc.clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var local []time.Duration
				bad := 0
				for time.Now().Before(deadline) {
					el, err := once()
					if err != nil {
						bad++
						continue
					}
					local = append(local, el)
				}
				mu.Lock()
				all = append(all, local...)
				errs += bad
				mu.Unlock()
			}()
		}
		wg.Wait()
		return all, errs, time.Since(t0)
	}
	runFor(d / 5) // warm-up: connections, caches, page cache
	before := sqlCount(base)
	lat, errs, elapsed := runFor(d)
	after := sqlCount(base)
	if len(lat) == 0 {
		return result{}, fmt.Errorf("no successful requests (%d errors)", errs)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	return result{n: len(lat), errors: errs, elapsed: elapsed, p50: pct(0.50), p99: pct(0.99),
		sqlPerReq: (after - before) / float64(len(lat)+errs)}, nil
}

