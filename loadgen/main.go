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
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

func main() {
	items := flag.Int("items", 100_000, "inventory items to generate over the design's catalog")
	wide := flag.Int("wide", 60, "products of the wide catalog added for the second table (0 skips it)")
	dur := flag.Duration("duration", 5*time.Second, "how long each scenario runs")
	only := flag.String("only", "", "run only this part: reads, vends, expiry, usage, replicas (Postgres) or shape")
	vendPool := flag.Int("vend-pool", 20_000, "AVAILABLE items added to the shape's vend SKU so that the vend row does not run out")
	baseline := flag.String("baseline", "", "a checkout of the project to measure the shape's Postgres vends against too (before/after)")
	shapeOn := flag.String("shape-on", "sqlite,postgres", "where the shape runs: sqlite, postgres or both")
	notDue := flag.Int("not-due", 1_000_000, "leases not yet due in the table for the expiry sweep")
	flag.Parse()
	if os.Getenv("GOGC") == "" {
		// The sweeps and reports measured in process run inside `hardcandy serve`, which sets
		// this GC percent (server.go): measure them as they run there.
		debug.SetGCPercent(400)
	}
	if path := os.Getenv("BENCH_CPUPROFILE"); path != "" { // profiles the in-process parts
		f, err := os.Create(path)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*items, *wide, *dur, *only, *notDue, shapeOptions{vendPool: *vendPool, baseline: *baseline, stores: strings.Split(*shapeOn, ",")}); err != nil {
		log.Print(err)
		pprof.StopCPUProfile()
		os.Exit(1)
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
	// rotate, when set, replaces query: request bodies sent in turn.
	rotate []string
	// perClient gives each client its own users: client i rotates over bench users i, i+32, ...
	perClient bool
	// users, when set, are the tokens to send: client i rotates over users i, i+clients, ...
	users []string
}

// benchUsers is how many users the vend runs spread over, so each holds a few items as real
// users do, rather than one user holding thousands.
const benchUsers = 1024

const (
	availabilityQuery = `query Availability { availability { sku available reserving leased rebuilding maintenance } }`
	availabilityOne   = `query AvailabilityOne($sku: String) { availability(sku: $sku) { sku available leased } }`
	pageQuery         = `query Page { products(first: 50) { totalCount edges { node { sku name pricePerDay
		items(first: 5) { totalCount edges { node { name status } } } } } } }`
)

func run(nItems, nWide int, dur time.Duration, only string, notDue int, so shapeOptions) error {
	ctx := context.Background()
	// BENCH_DIR keeps the databases for a look afterwards (sqlite3, EXPLAIN QUERY PLAN).
	dir := os.Getenv("BENCH_DIR")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "hardcandy-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(dir, "hardcandy")
	fmt.Fprintln(os.Stderr, "building the server…")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return fmt.Errorf("build: %v\n%s", err, out)
	}
	switch only {
	case "vends":
		return vends(ctx, bin, dir, dur, nItems)
	case "expiry":
		return expiry(ctx, dir, notDue)
	case "usage":
		return usage(ctx, dir, notDue)
	case "replicas":
		return replicas(ctx, bin, dir, dur, nItems)
	case "shape":
		return shape(ctx, bin, dir, dur, so.vendPool, so.baseline, so.stores)
	}
	db := filepath.Join(dir, "bench.db")
	start := time.Now()
	tokens, err := seedDesign(ctx, db, nItems)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	fmt.Fprintf(os.Stderr, "seeded the design's catalog with %d items in %s\n", nItems, time.Since(start).Round(time.Millisecond))

	base, stop, err := startServer(bin, db, dir)
	if err != nil {
		return err
	}
	defer stop()

	fmt.Printf("\nHTTP load over loopback against `hardcandy serve` on SQLite; the load generator shares the machine; %s per row.\n", dur)
	fmt.Printf("\nThe design's catalog (8 SKUs, one a bundle) with %d items:\n\n", nItems)
	err = table([]string{base}, tokens, dur, []scenario{
		{name: "availability, whole catalog", clients: 32, as: "user", query: availabilityQuery, target: ">= 3,000 req/s"},
		{name: "availability, whole catalog", clients: 1, as: "user", query: availabilityQuery, target: "p99 < 5 ms"},
		{name: "availability(sku)", clients: 32, as: "user", query: availabilityOne, vars: map[string]any{"sku": "4D.small"}},
		{name: "availability(sku)", clients: 1, as: "user", query: availabilityOne, vars: map[string]any{"sku": "4D.small"}},
		{name: "products(first: 50), items(first: 5)", clients: 32, as: "admin", query: pageQuery, target: ">= 1,700 req/s"},
		{name: "products(first: 50), items(first: 5)", clients: 1, as: "admin", query: pageQuery},
	})
	if err != nil {
		return err
	}
	stop()
	if only != "reads" {
		if err := vends(ctx, bin, dir, dur, nItems); err != nil {
			return err
		}
		if err := expiry(ctx, dir, notDue); err != nil {
			return err
		}
		if err := usage(ctx, dir, notDue); err != nil {
			return err
		}
		if err := replicas(ctx, bin, dir, dur, nItems); err != nil {
			return err
		}
		if err := shape(ctx, bin, dir, dur, so.vendPool, so.baseline, so.stores); err != nil {
			return err
		}
	}
	if nWide == 0 {
		return nil
	}
	base, stop, err = startServer(bin, db, dir)
	if err != nil {
		return err
	}
	defer stop()
	if err := seedWide(ctx, db, nWide, 100); err != nil {
		return fmt.Errorf("seed wide: %w", err)
	}
	fmt.Printf("\nA wide catalog (%d more products of 100 items each), so that a page holds 50 products:\n\n", nWide)
	return table([]string{base}, tokens, dur, []scenario{
		{name: "availability, whole catalog", clients: 32, as: "user", query: availabilityQuery},
		{name: "products(first: 50), items(first: 5)", clients: 32, as: "admin", query: pageQuery},
		{name: "products(first: 50), items(first: 5)", clients: 1, as: "admin", query: pageQuery},
	})
}

// vends measures vends/s against a fresh database, with the simulator at 0 and at 50 ms per item.
func vends(ctx context.Context, bin, dir string, dur time.Duration, nItems int) error {
	fmt.Printf("\nVends of one item (4D.small, 4E.small, 3A.small in turn), 1d each, on a fresh copy of the design's catalog with %d items:\n\n", nItems)
	for _, latency := range []string{"0ms", "50ms"} {
		db := filepath.Join(dir, "vend-"+latency+".db")
		tokens, err := seedDesign(ctx, db, nItems)
		if err != nil {
			return err
		}
		cfg := filepath.Join(dir, "vend-"+latency+".yaml")
		yaml := fmt.Sprintf("dispensers:\n  default:\n    driver: simulator\n    latency: %s\nleasing:\n  max_items_per_user: 1000000\n", latency)
		if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
			return err
		}
		base, stop, err := startServer(bin, db, dir, "--config", cfg)
		if err != nil {
			return err
		}
		target := ">= 1,200 vends/s"
		if latency != "0ms" {
			target = ">= 300 vends/s"
		}
		err = table([]string{base}, tokens, dur, []scenario{
			{name: "vend, simulator at " + latency, clients: 32, perClient: true, rotate: vendRotation, target: target},
			{name: "vend, simulator at " + latency, clients: 1, perClient: true, rotate: vendRotation},
		})
		stop()
		if err != nil {
			return err
		}
	}
	return nil
}

// vendRotation spreads vends over three SKUs so no one runs out during a run.
var vendRotation = []string{
	`{"query":"mutation Vend { vend(input: {sku: \"4D.small\", duration: \"1d\"}) { id status } }"}`,
	`{"query":"mutation Vend { vend(input: {sku: \"4E.small\", duration: \"1d\"}) { id status } }"}`,
	`{"query":"mutation Vend { vend(input: {sku: \"3A.small\", duration: \"1d\"}) { id status } }"}`,
}

// table runs each scenario against the servers at bases (client i talks to bases[i%len(bases)],
// as behind a load balancer) and prints a row for each.
func table(bases []string, tokens map[string]string, dur time.Duration, scenarios []scenario) error {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\tclients\trequests\terrors\treq/s\tp50\tp99\tSQL/req\tCPU/req\ttarget\t")
	for _, sc := range scenarios {
		perConn := [][]string{{tokens[sc.as]}}
		if len(sc.users) > 0 {
			perConn = make([][]string, min(sc.clients, len(sc.users)))
			for u, tok := range sc.users {
				perConn[u%len(perConn)] = append(perConn[u%len(perConn)], tok)
			}
		} else if sc.perClient {
			perConn = make([][]string, sc.clients)
			for u := range benchUsers {
				perConn[u%sc.clients] = append(perConn[u%sc.clients], tokens[fmt.Sprintf("client%d", u)])
			}
		}
		r, err := load(bases, perConn, sc, dur)
		if err != nil {
			return fmt.Errorf("%s: %w", sc.name, err)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.0f\t%s\t%s\t%.1f\t%s\t%s\t\n", sc.name, sc.clients, r.n, r.errors,
			float64(r.n)/r.elapsed.Seconds(), ms(r.p50), ms(r.p99), r.sqlPerReq, ms(r.cpuPerReq), sc.target)
	}
	return tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

func open(ctx context.Context, db string) (*database.Store, demo.Services, error) {
	st, err := database.Open(ctx, db, database.Options{Migrate: true})
	if err != nil {
		return nil, demo.Services{}, err
	}
	clock := clockwork.NewRealClock()
	return st, demo.Services{Client: st.Client, Auth: auth.NewService(st, clock),
		Catalog: catalog.NewService(st, clock), Inventory: inventory.NewService(st, clock)}, nil
}

func adminContext(ctx context.Context) context.Context {
	return viewer.NewContext(ctx, viewer.Viewer{UserID: 1, Name: "bench", Role: viewer.RoleAdmin})
}

// seedDesign loads the demo catalog and users, then adds items over its plain SKUs up to n.
func seedDesign(ctx context.Context, db string, n int) (map[string]string, error) {
	st, svc, err := open(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	users, err := demo.Load(ctx, svc)
	if err != nil {
		return nil, err
	}
	tokens := map[string]string{}
	for _, u := range users {
		switch u.Name {
		case "admin":
			tokens["admin"] = u.Token
		case "alice":
			tokens["user"] = u.Token
		}
	}
	for i := range benchUsers {
		_, tok, err := svc.Auth.AddUser(ctx, auth.NewUser{Name: fmt.Sprintf("client%d", i), Role: viewer.RoleUser, CostCenter: "BENCH"})
		if err != nil {
			return nil, err
		}
		tokens[fmt.Sprintf("client%d", i)] = tok
	}
	have, err := st.Client.InventoryItem.Query().Count(database.System(ctx))
	if err != nil {
		return nil, err
	}
	skus := []string{"1A.org", "2C.small", "3A.small", "3C.small", "4D.small", "4D.large", "4E.small"}
	var items []*inventory.NewItem
	for i := 0; have+i < n; i++ {
		items = append(items, &inventory.NewItem{SKU: skus[i%len(skus)], Name: fmt.Sprintf("gen-%06d", i), Labels: []string{"bench"}})
	}
	return tokens, addItems(ctx, svc.Inventory, items)
}

// seedWide adds products with perProduct items each.
func seedWide(ctx context.Context, db string, products, perProduct int) error {
	st, svc, err := open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	actx := adminContext(ctx)
	var items []*inventory.NewItem
	for p := range products {
		sku := fmt.Sprintf("4D.w%03d", p)
		if _, err := svc.Catalog.Create(actx, catalog.CreateInput{SKU: sku, Name: "wide " + sku, PricePerDay: 1000 + p, Currency: "USD"}); err != nil {
			return err
		}
		for i := range perProduct {
			items = append(items, &inventory.NewItem{SKU: sku, Name: fmt.Sprintf("%s-%03d", sku, i)})
		}
	}
	return addItems(ctx, svc.Inventory, items)
}

func addItems(ctx context.Context, inv *inventory.Service, items []*inventory.NewItem) error {
	actx := adminContext(ctx)
	for start := 0; start < len(items); start += 10_000 {
		if _, err := inv.Add(actx, items[start:min(start+10_000, len(items))]); err != nil {
			return err
		}
	}
	return nil
}

func startServer(bin, db, dir string, extra ...string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	args := append([]string{"serve", "--db", db, "--addr", addr, "--log-level", "warn", "--pprof-addr", os.Getenv("BENCH_PPROF_ADDR")}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), os.Getenv("BENCH_SERVER_ENV"))
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
	// cpuPerReq is the servers' CPU time per request (all of it: handlers, the writer, GC), a
	// steadier figure than requests/s on a machine the load generator shares.
	cpuPerReq time.Duration
}

var (
	sqlRE = regexp.MustCompile(`(?m)^hardcandy_sql_statements_total (\S+)$`)
	cpuRE = regexp.MustCompile(`(?m)^process_cpu_seconds_total (\S+)$`)
)

// counters reads the server's SQL statement count and CPU seconds from its metrics.
func counters(base string) (statements, cpuSeconds float64) {
	res, err := http.Get(base + "/metrics")
	if err != nil {
		return 0, 0
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	value := func(re *regexp.Regexp) float64 {
		m := re.FindSubmatch(b)
		if m == nil {
			return 0
		}
		f, _ := strconv.ParseFloat(string(m[1]), 64)
		return f
	}
	return value(sqlRE), value(cpuRE)
}

// conn is a minimal keep-alive HTTP/1.1 client for one connection: the request bytes are built
// once and the response is read by Content-Length. It keeps the load generator's own CPU small
// on a machine it shares with the server, as wrk does.
type conn struct {
	c    net.Conn
	r    *bufio.Reader
	reqs [][]byte
	next int
}

func dial(addr string, reqs [][]byte) (*conn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &conn{c: c, r: bufio.NewReaderSize(c, 64<<10), reqs: reqs}, nil
}

var okBody = []byte(`"errors"`)

// do sends the request and reads the whole response; it fails on a non-200 or an errors key.
func (c *conn) do() error {
	req := c.reqs[c.next%len(c.reqs)]
	c.next++
	if _, err := c.c.Write(req); err != nil {
		return err
	}
	status, err := c.r.ReadSlice('\n')
	if err != nil {
		return err
	}
	ok := bytes.HasPrefix(status, []byte("HTTP/1.1 200"))
	length, chunked := -1, false
	for {
		line, err := c.r.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		k, v, found := bytes.Cut(line, []byte(":"))
		switch {
		case !found:
		case bytes.EqualFold(k, []byte("Content-Length")):
			length, _ = strconv.Atoi(string(bytes.TrimSpace(v)))
		case bytes.EqualFold(k, []byte("Transfer-Encoding")):
			chunked = bytes.Contains(v, []byte("chunked"))
		}
	}
	var body []byte
	switch {
	case chunked:
		for {
			line, err := c.r.ReadSlice('\n')
			if err != nil {
				return err
			}
			n, err := strconv.ParseInt(string(bytes.TrimSpace(line)), 16, 64)
			if err != nil {
				return fmt.Errorf("bad chunk size %q", line)
			}
			if n == 0 {
				if _, err := c.r.ReadSlice('\n'); err != nil { // the final CRLF
					return err
				}
				break
			}
			chunk := make([]byte, n+2)
			if _, err := io.ReadFull(c.r, chunk); err != nil {
				return err
			}
			body = append(body, chunk[:n]...)
		}
	case length >= 0:
		body = make([]byte, length)
		if _, err := io.ReadFull(c.r, body); err != nil {
			return err
		}
	default:
		return fmt.Errorf("response with neither Content-Length nor chunked encoding")
	}
	if !ok || bytes.Contains(body, okBody) {
		return fmt.Errorf("%s %.300s", bytes.TrimSpace(status), body)
	}
	return nil
}

// load runs sc for d after a short warm-up and returns its figures.
func load(bases []string, tokens [][]string, sc scenario, d time.Duration) (result, error) {
	bodies := sc.rotate
	if len(bodies) == 0 {
		body, err := json.Marshal(map[string]any{"query": sc.query, "variables": sc.vars})
		if err != nil {
			return result{}, err
		}
		bodies = []string{string(body)}
	}
	addrOf := func(i int) string { return strings.TrimPrefix(bases[i%len(bases)], "http://") }
	addr := addrOf(0)
	// Each connection sends its bodies in turn, each time as the next of its users.
	requests := func(addr string, users []string) [][]byte {
		var reqs [][]byte
		for i := range max(len(bodies), len(users)) {
			body := bodies[i%len(bodies)]
			reqs = append(reqs, []byte(fmt.Sprintf("POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"+
				"Authorization: Bearer %s\r\nContent-Length: %d\r\n\r\n%s", addr, users[i%len(users)], len(body), body)))
		}
		return reqs
	}
	probe, err := dial(addr, requests(addr, tokens[0]))
	if err != nil {
		return result{}, err
	}
	err = probe.do() // fail fast on a broken query
	probe.c.Close()
	if err != nil {
		return result{}, err
	}
	runFor := func(d time.Duration) ([]time.Duration, int, time.Duration, error) {
		var (
			mu   sync.Mutex
			all  []time.Duration
			errs int
			wg   sync.WaitGroup
		)
		conns := make([]*conn, sc.clients)
		for i := range conns {
			if conns[i], err = dial(addrOf(i), requests(addrOf(i), tokens[i%len(tokens)])); err != nil {
				return nil, 0, 0, err
			}
		}
		t0 := time.Now()
		deadline := t0.Add(d)
		for _, c := range conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.c.Close()
				local := make([]time.Duration, 0, 4096)
				bad := 0
				for {
					start := time.Now()
					if !start.Before(deadline) {
						break
					}
					if err := c.do(); err != nil {
						bad++
						c.c.Close()
						if c, err = dial(c.c.RemoteAddr().String(), c.reqs); err != nil {
							break
						}
						continue
					}
					local = append(local, time.Since(start))
				}
				mu.Lock()
				all = append(all, local...)
				errs += bad
				mu.Unlock()
			}()
		}
		wg.Wait()
		return all, errs, time.Since(t0), nil
	}
	if _, _, _, err := runFor(d / 5); err != nil { // warm-up: connections, caches, page cache
		return result{}, err
	}
	totals := func() (stmts, cpu float64) {
		for _, b := range bases {
			s, c := counters(b)
			stmts, cpu = stmts+s, cpu+c
		}
		return stmts, cpu
	}
	before, cpuBefore := totals()
	lat, errs, elapsed, err := runFor(d)
	if err != nil {
		return result{}, err
	}
	after, cpuAfter := totals()
	if len(lat) == 0 {
		return result{}, fmt.Errorf("no successful requests (%d errors)", errs)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	return result{n: len(lat), errors: errs, elapsed: elapsed, p50: pct(0.50), p99: pct(0.99),
		sqlPerReq: (after - before) / float64(len(lat)+errs),
		cpuPerReq: time.Duration((cpuAfter - cpuBefore) / float64(len(lat)+errs) * float64(time.Second))}, nil
}
