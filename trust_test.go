package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/secret"
)

// TestStartRefusesTimeoutsShorterThanAVend: a request timeout (or a repair timeout) shorter than
// what a vend's dispenser calls may take is refused at start, naming the numbers and what to
// change; one that covers them starts.
func TestStartRefusesTimeoutsShorterThanAVend(t *testing.T) {
	t.Parallel()
	st, err := database.Open(context.Background(), dbtest.DSN(t, "timeouts.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	retries := 3
	slowD := map[string]dispenser.Config{"D": {Driver: dispenser.DriverHTTP, URL: "http://innkeeper.invalid/vend",
		Timeout: dispenser.Duration(30 * time.Second), Retries: &retries}}
	tests := []struct {
		name    string
		req     time.Duration
		cfg     config.File
		refused string
	}{
		{name: "simulator, default timeouts", req: 30 * time.Second},
		{name: "http backend longer than the request", req: 30 * time.Second, cfg: config.File{Dispensers: slowD},
			refused: "--request-timeout 30s is too short: a vend may take 2m40s, its dispenser calls up to 2m30s (item types D up to 2m30s"},
		{name: "request covers the backend", req: 3 * time.Minute, cfg: config.File{Dispensers: slowD}},
		{name: "dispense_timeout caps the backend", req: 30 * time.Second, cfg: config.File{Dispensers: slowD,
			Leasing: lease.Config{DispenseTimeout: duration.Duration(20 * time.Second)}}},
		{name: "repair sooner than the backend", req: 3 * time.Minute, cfg: config.File{Dispensers: slowD,
			Leasing: lease.Config{PendingTimeout: duration.Duration(time.Minute)}},
			refused: "leasing.pending_timeout 1m0s is too short: a vend's dispenser calls may take up to 2m30s (item types D up to 2m30s"},
		{name: "short repair, instant backend", req: 30 * time.Second,
			cfg: config.File{Leasing: lease.Config{PendingTimeout: duration.Duration(2 * time.Second)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newApp(st, clockwork.NewRealClock(), &serveOptions{maxBody: 1 << 20, reqTimeout: tt.req}, &tt.cfg,
				make([]byte, secret.KeySize), slog.New(slog.NewTextHandler(io.Discard, nil)))
			if tt.refused == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tt.refused)
			var ue usageError
			require.ErrorAs(t, err, &ue, "a configuration error")
		})
	}
}

// TestOversizeBodiesAre413: a body over --max-body is 413 with a coded error however it is sent:
// with a Content-Length that says so, or chunked without one, on /graphql and the JSON routes.
func TestOversizeBodiesAre413(t *testing.T) {
	t.Parallel()
	b := setupApp(t) // --max-body 64 KiB
	big := `{"query": "{ viewer { name } }", "variables": {"pad": "` + strings.Repeat("x", 100<<10) + `"}}`
	for _, tt := range []struct {
		name, path string
		chunked    bool
	}{
		{"graphql, with a length", "/graphql", false},
		{"graphql, chunked", "/graphql", true},
		{"json route, chunked", "/admin/products", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader = strings.NewReader(big)
			if tt.chunked {
				body = io.MultiReader(body) // hides the length: sent chunked
			}
			req, err := http.NewRequest(http.MethodPost, b.srv.URL+tt.path, body)
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+b.tokens["admin"])
			res, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer res.Body.Close()
			require.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
			var out struct {
				Errors []struct {
					Extensions struct{ Code string }
				}
				Error struct{ Code string }
			}
			require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
			if tt.path == "/graphql" {
				require.Len(t, out.Errors, 1)
				require.Equal(t, "INVALID_ARGUMENT", out.Errors[0].Extensions.Code)
			} else {
				require.Equal(t, "INVALID_ARGUMENT", out.Error.Code)
			}
		})
	}
}

// TestMetricLabelsAreBounded: operation names become labels only when they are operations the
// server knows (the committed clients' documents); any other name, with or without a token, is
// "other", so no client can add series, and no label carries an id.
func TestMetricLabelsAreBounded(t *testing.T) {
	t.Parallel()
	b := setupApp(t)
	send := func(as, name string) {
		body, _ := json.Marshal(map[string]any{"query": "query " + name + " { viewer { name } }"})
		req, err := http.NewRequest(http.MethodPost, b.srv.URL+"/graphql", strings.NewReader(string(body)))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if as != "" {
			req.Header.Set("Authorization", "Bearer "+b.tokens[as])
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		res.Body.Close()
	}
	send("alice", "Viewer")       // the CLI's
	send("alice", "MyMetalQuery") // the portal's
	for i := range 40 {
		send("", "probe_"+strconv.Itoa(i))
		send("alice", "lease_"+strconv.Itoa(4294967297+i))
	}
	req, err := http.NewRequest("PURGE42", b.srv.URL+"/graphql", nil)
	require.NoError(t, err)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()

	res, err = http.Get(b.srv.URL + "/metrics")
	require.NoError(t, err)
	raw, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	metrics := string(raw)
	ops := map[string]bool{}
	for _, m := range regexp.MustCompile(`hardcandy_graphql_operations_total\{operation="([^"]*)"`).FindAllStringSubmatch(metrics, -1) {
		ops[m[1]] = true
	}
	require.Equal(t, map[string]bool{"Viewer": true, "MyMetalQuery": true, "other": true}, ops)
	require.NotContains(t, metrics, "probe_")
	require.NotContains(t, metrics, "lease_42949")
	require.NotContains(t, metrics, "PURGE42")
	require.Contains(t, metrics, `method="other"`)
}
