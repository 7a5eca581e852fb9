package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/secret"
)

// opsServer is the wired app over the demo data, served over HTTP, with its logs kept.
type opsServer struct {
	url    string
	tokens map[string]string
	app    *app
	logs   *syncBuffer
}

func startOps(t *testing.T, cfg *config.File, so *serveOptions, dbOpts database.Options) *opsServer {
	t.Helper()
	ctx := context.Background()
	dbOpts.Migrate = true
	st, err := database.Open(ctx, dbtest.DSN(t, "ops.db"), dbOpts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	if so == nil {
		so = &serveOptions{}
	}
	so.maxBody, so.reqTimeout = 1<<20, time.Minute
	logs := &syncBuffer{}
	opts := &options{logLevel: "debug", logFormat: "json"}
	logger, err := opts.logger(logs)
	require.NoError(t, err)
	a, err := newApp(st, clockwork.NewRealClock(), so, cfg, make([]byte, secret.KeySize), logger)
	require.NoError(t, err)
	users, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: a.svc.auth, Catalog: a.svc.catalog, Inventory: a.svc.inventory})
	require.NoError(t, err)
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	s := &opsServer{url: srv.URL, tokens: map[string]string{}, app: a, logs: logs}
	for _, u := range users {
		s.tokens[u.Name] = u.Token
	}
	return s
}

// gql posts a GraphQL operation as user as (none when empty) with extra headers.
func (s *opsServer) gql(t *testing.T, as, query string, vars map[string]any, header http.Header) (gqlResult, *http.Response) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, s.url+"/graphql", bytes.NewReader(body))
	require.NoError(t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	if as != "" {
		req.Header.Set("Authorization", "Bearer "+s.tokens[as])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var out gqlResult
	require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
	return out, res
}

// scrape reads /metrics and parses it.
func (s *opsServer) scrape(t *testing.T) (string, map[string]*dto.MetricFamily) {
	t.Helper()
	res, err := http.Get(s.url + "/metrics")
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(bytes.NewReader(raw))
	require.NoError(t, err)
	return string(raw), fams
}

// value returns the value of the series of name with exactly labels (a histogram's count), and
// whether it exists.
func value(fams map[string]*dto.MetricFamily, name string, labels map[string]string) (float64, bool) {
	f, ok := fams[name]
	if !ok {
		return 0, false
	}
	for _, m := range f.GetMetric() {
		if len(m.GetLabel()) != len(labels) {
			continue
		}
		match := true
		for _, l := range m.GetLabel() {
			if labels[l.GetName()] != l.GetValue() {
				match = false
			}
		}
		if !match {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue(), true
		case m.Gauge != nil:
			return m.Gauge.GetValue(), true
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount()), true
		}
	}
	return 0, false
}

type series struct {
	name   string
	labels map[string]string
	want   float64
}

func requireSeries(t *testing.T, fams map[string]*dto.MetricFamily, want []series) {
	t.Helper()
	for _, s := range want {
		got, ok := value(fams, s.name, s.labels)
		require.True(t, ok, "no series %s%v", s.name, s.labels)
		require.Equal(t, s.want, got, "%s%v", s.name, s.labels)
	}
}

// TestMetricsAfterVendReturnAndFailedVend scripts a vend, its return and a vend the dispenser
// fails, then the reclaim and notice jobs, and checks what /metrics says after each step.
func TestMetricsAfterVendReturnAndFailedVend(t *testing.T) {
	t.Parallel()
	cfg := &config.File{Dispensers: map[string]dispenser.Config{"C": {FailureRate: 1}}}
	s := startOps(t, cfg, nil, database.Options{})
	ctx := context.Background()

	vend := `mutation($sku: String!) { vend(input: {sku: $sku, duration: "1d"}) { id status } }`
	res, _ := s.gql(t, "alice", vend, map[string]any{"sku": "4D.small"}, nil)
	require.Empty(t, res.Errors)
	var l struct{ ID, Status string }
	require.NoError(t, json.Unmarshal(res.Data["vend"], &l))
	require.Equal(t, "ACTIVE", l.Status)
	res, _ = s.gql(t, "alice", `mutation($id: ID!) { returnLease(id: $id) { status } }`, map[string]any{"id": l.ID}, nil)
	require.Empty(t, res.Errors)
	res, _ = s.gql(t, "alice", vend, map[string]any{"sku": "3C.small"}, nil)
	require.Equal(t, "DISPENSER_FAILED", res.code())
	res, _ = s.gql(t, "alice", vend, map[string]any{"sku": "9Z.nothing"}, nil)
	require.Equal(t, "INVALID_ARGUMENT", res.code())

	raw, fams := s.scrape(t)
	requireSeries(t, fams, []series{
		{"hardcandy_vends_total", map[string]string{"product": "4D.small", "outcome": "active"}, 1},
		{"hardcandy_vends_total", map[string]string{"product": "3C.small", "outcome": "failed"}, 1},
		{"hardcandy_vends_total", map[string]string{"product": "none", "outcome": "invalid"}, 1},
		{"hardcandy_lease_flows_total", map[string]string{"flow": "vend", "outcome": "active"}, 1},
		{"hardcandy_lease_flows_total", map[string]string{"flow": "vend", "outcome": "failed"}, 1},
		{"hardcandy_lease_flows_total", map[string]string{"flow": "return", "outcome": "ok"}, 1},
		{"hardcandy_lease_flow_duration_seconds", map[string]string{"flow": "vend"}, 3},
		{"hardcandy_vend_phase_duration_seconds", map[string]string{"phase": "claim"}, 2},
		{"hardcandy_vend_phase_duration_seconds", map[string]string{"phase": "dispense"}, 2},
		{"hardcandy_vend_phase_duration_seconds", map[string]string{"phase": "activate"}, 2},
		{"hardcandy_dispenser_calls_total", map[string]string{"driver": "simulator", "route": "default", "action": "check", "outcome": "ok"}, 1},
		{"hardcandy_dispenser_calls_total", map[string]string{"driver": "simulator", "route": "default", "action": "vend", "outcome": "ok"}, 1},
		{"hardcandy_dispenser_calls_total", map[string]string{"driver": "simulator", "route": "C", "action": "check", "outcome": "ok"}, 1},
		{"hardcandy_dispenser_calls_total", map[string]string{"driver": "simulator", "route": "C", "action": "vend", "outcome": "failed"}, 1},
		{"hardcandy_dispenser_call_duration_seconds", map[string]string{"driver": "simulator", "action": "vend"}, 2},
		// Stock, from the counters: one 4D.small back from its lease and one 3C.small the
		// dispenser failed on (so it may have touched it), both waiting to be wiped.
		{"hardcandy_inventory_items", map[string]string{"product": "4D.small", "status": "AVAILABLE"}, 13},
		{"hardcandy_inventory_items", map[string]string{"product": "4D.small", "status": "REBUILDING"}, 1},
		{"hardcandy_inventory_items", map[string]string{"product": "4D.small", "status": "LEASED"}, 0},
		{"hardcandy_inventory_items", map[string]string{"product": "3C.small", "status": "AVAILABLE"}, 4},
		{"hardcandy_inventory_items", map[string]string{"product": "3C.small", "status": "REBUILDING"}, 1},
		{"hardcandy_product_vendable", map[string]string{"product": "4D.small"}, 1},
		{"hardcandy_inventory_maintenance_oldest_age_seconds", map[string]string{}, 0},
		{"hardcandy_leases", map[string]string{"status": "ACTIVE"}, 0},
		{"hardcandy_leases", map[string]string{"status": "PENDING"}, 0},
		// Vended, returned and rejected: three notices for alice, who has no address.
		{"hardcandy_notices_queued", map[string]string{"channel": "log"}, 3},
		{"hardcandy_notices_queued", map[string]string{"channel": "email"}, 0},
	})
	age, ok := value(fams, "hardcandy_notices_oldest_undelivered_age_seconds", map[string]string{"channel": "log"})
	require.True(t, ok)
	require.Greater(t, age, 0.0)
	for _, name := range []string{"go_sql_in_use_connections", "go_sql_idle_connections"} {
		_, ok := value(fams, name, map[string]string{"db_name": s.app.store.Dialect})
		require.True(t, ok, "%s: the connection pool", name)
	}
	if s.app.store.Dialect == "sqlite3" {
		n, ok := value(fams, "hardcandy_sqlite_batch_transactions", map[string]string{})
		require.True(t, ok)
		require.Positive(t, n)
		n, _ = value(fams, "hardcandy_sqlite_write_wait_seconds", map[string]string{})
		require.Positive(t, n)
	}
	for _, bad := range []string{"lease_id", "user_id", "item_id", `user="`} {
		require.NotContains(t, raw, bad, "no label names a lease, user or item")
	}
	checkMetricsLint(t, raw)

	// The jobs: the returned item is wiped, the notices go out.
	now := time.Now()
	n, err := s.app.svc.reclaim.Run(ctx, now)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	n, err = s.app.svc.deliverer.Run(ctx, now.Add(time.Second))
	require.NoError(t, err)
	require.Equal(t, 3, n)
	_, fams = s.scrape(t)
	requireSeries(t, fams, []series{
		{"hardcandy_reclaims_total", map[string]string{"outcome": "ok"}, 2},
		{"hardcandy_dispenser_calls_total", map[string]string{"driver": "simulator", "route": "default", "action": "reclaim", "outcome": "ok"}, 1},
		{"hardcandy_dispenser_calls_total", map[string]string{"driver": "simulator", "route": "C", "action": "reclaim", "outcome": "ok"}, 1},
		{"hardcandy_inventory_items", map[string]string{"product": "4D.small", "status": "AVAILABLE"}, 14},
		{"hardcandy_inventory_items", map[string]string{"product": "4D.small", "status": "REBUILDING"}, 0},
		{"hardcandy_inventory_items", map[string]string{"product": "3C.small", "status": "AVAILABLE"}, 5},
		{"hardcandy_notice_deliveries_total", map[string]string{"channel": "log", "outcome": "delivered"}, 3},
		{"hardcandy_notices_queued", map[string]string{"channel": "log"}, 0},
		{"hardcandy_notices_oldest_undelivered_age_seconds", map[string]string{"channel": "log"}, 0},
	})
}

// checkMetricsLint runs `promtool check metrics` on a scrape. CI installs promtool (make
// promtool); elsewhere the check is skipped when it is missing.
func checkMetricsLint(t *testing.T, scrape string) {
	t.Helper()
	bin, err := exec.LookPath("promtool")
	if err != nil {
		if _, serr := os.Stat("bin/promtool"); serr == nil {
			bin, err = "bin/promtool", nil
		}
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("promtool is missing: `make promtool` installs it")
		}
		t.Log("promtool not found (make promtool installs it): the lint of /metrics is skipped")
		return
	}
	cmd := exec.Command(bin, "check", "metrics")
	cmd.Stdin = strings.NewReader(scrape)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "promtool check metrics:\n%s", out)
}

// logLines parses JSON log lines.
func logLines(t *testing.T, logs string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(logs))
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
		out = append(out, m)
	}
	return out
}

// TestRequestIDsAndRequestLog: a sane X-Request-Id is kept and echoed, a missing or unsafe one
// replaced; GraphQL errors carry it in extensions.requestId; each request writes one log line
// with method, path, operation, status, duration, user and request id, and the lines logged
// inside the request carry the id too.
func TestRequestIDsAndRequestLog(t *testing.T) {
	t.Parallel()
	s := startOps(t, &config.File{}, nil, database.Options{})

	mine := http.Header{"X-Request-Id": {"report-4711"}}
	res, httpRes := s.gql(t, "alice", `query Stock { availability(sku: "9Z.none") { sku } }`, nil, mine)
	require.Equal(t, "report-4711", httpRes.Header.Get("X-Request-Id"))
	require.NotEmpty(t, res.Errors)
	require.Equal(t, "report-4711", res.Errors[0].Extensions["requestId"])

	// Refused before any resolver (no token), and a query that does not parse: both carry it.
	res, httpRes = s.gql(t, "", `query Who { viewer { name } }`, nil, nil)
	generated := httpRes.Header.Get("X-Request-Id")
	require.Regexp(t, `^[0-9a-f]{32}$`, generated)
	require.Equal(t, "UNAUTHENTICATED", res.code())
	require.Equal(t, generated, res.Errors[0].Extensions["requestId"])
	res, httpRes = s.gql(t, "alice", `query Broken {`, nil, nil)
	require.NotEmpty(t, res.Errors)
	require.Equal(t, httpRes.Header.Get("X-Request-Id"), res.Errors[0].Extensions["requestId"])

	for _, bad := range []string{strings.Repeat("a", 129), "tab\tid", "ünïcode", "two words", "quote\"d"} {
		_, httpRes = s.gql(t, "alice", `{ viewer { name } }`, nil, http.Header{"X-Request-Id": {bad}})
		got := httpRes.Header.Get("X-Request-Id")
		require.NotEqual(t, bad, got)
		require.Regexp(t, `^[0-9a-f]{32}$`, got, "an unsafe id is replaced")
	}

	var line map[string]any
	for _, l := range logLines(t, s.logs.String()) {
		if l["msg"] == "request" && l["request_id"] == "report-4711" {
			require.Nil(t, line, "one line per request")
			line = l
		}
	}
	require.NotNil(t, line, "the request's log line")
	require.Equal(t, "POST", line["method"])
	require.Equal(t, "/graphql", line["path"])
	require.Equal(t, "Stock", line["operation"])
	require.EqualValues(t, 200, line["status"])
	require.NotEmpty(t, line["duration"])
	uid, _ := line["user_id"].(float64)
	require.Positive(t, uid, "the signed-in user")
}

// TestLogFormat: --log-format json or text; anything else is a usage error; with no choice,
// JSON unless the logs go to a terminal.
func TestLogFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		format string
		want   string
	}{{"json", `{"time":`}, {"text", "time="}, {"", `{"time":`}} {
		var buf bytes.Buffer
		logger, err := (&options{logLevel: "info", logFormat: tc.format}).logger(&buf)
		require.NoError(t, err)
		logger.Info("hello", "k", "v")
		require.True(t, strings.HasPrefix(buf.String(), tc.want), "%q: %s", tc.format, buf.String())
	}
	_, err := (&options{logLevel: "info", logFormat: "xml"}).logger(io.Discard)
	var ue usageError
	require.ErrorAs(t, err, &ue)
	require.ErrorContains(t, err, `--log-format: "xml" is not json or text`)
}

// TestReadyzWhileMigrating: the server listens at once, answering /healthz but failing
// /readyz (and everything else) until the database is open and migrated.
func TestReadyzWhileMigrating(t *testing.T) {
	t.Parallel()
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	require.NoError(t, err)
	opening := make(chan struct{})
	proceed := make(chan struct{})
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "none.yaml"), nil, 0o600))
	so := &serveOptions{listener: ln, reqTimeout: time.Minute, drainTimeout: 5 * time.Second,
		config: filepath.Join(dir, "none.yaml"), noScheduler: true,
		beforeOpen: func() { close(opening); <-proceed }}
	opts := &options{db: dbtest.DSN(t, "ready.db"), logLevel: "error", logFormat: "json"}
	if database.IsPostgres(opts.db) {
		so.secretKey = filepath.Join(dir, "key")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, opts, so, slog.New(slog.NewJSONHandler(io.Discard, nil)), io.Discard) }()
	var once sync.Once
	release := func() { once.Do(func() { close(proceed) }) }
	defer func() {
		release()
		cancel()
		require.NoError(t, <-done)
	}()
	<-opening
	base := "http://" + ln.Addr().String()
	get := func(path string) (int, string) {
		res, err := http.Get(base + path)
		require.NoError(t, err)
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	code, _ := get("/healthz")
	require.Equal(t, http.StatusOK, code, "alive while starting")
	code, body := get("/readyz")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Contains(t, body, "applying database migrations")
	code, _ = get("/graphql")
	require.Equal(t, http.StatusServiceUnavailable, code)

	release()
	require.Eventually(t, func() bool {
		res, err := http.Get(base + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	},
		time.Minute, 20*time.Millisecond, "ready once migrated")
}

// TestReadyzWhenTheDatabaseIsUnreachable: /readyz fails once the database stops answering.
func TestReadyzWhenTheDatabaseIsUnreachable(t *testing.T) {
	t.Parallel()
	s := startOps(t, &config.File{}, nil, database.Options{})
	res, err := http.Get(s.url + "/readyz")
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)

	require.NoError(t, s.app.store.DB.Close())
	res, err = http.Get(s.url + "/readyz")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusServiceUnavailable, res.StatusCode)
	require.Contains(t, string(body), "database unavailable")
}
