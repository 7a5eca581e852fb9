package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/secret"
)

type appBundle struct {
	srv    *httptest.Server
	tokens map[string]string
	app    *app
}

func setupApp(t *testing.T) *appBundle {
	t.Helper()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "app.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	so := &serveOptions{maxBody: 64 << 10, reqTimeout: 10 * time.Second}
	a, err := newApp(st, clockwork.NewRealClock(), so, &config.File{}, make([]byte, secret.KeySize), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	users, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: a.svc.auth, Catalog: a.svc.catalog, Inventory: a.svc.inventory})
	require.NoError(t, err)
	again, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: a.svc.auth, Catalog: a.svc.catalog, Inventory: a.svc.inventory})
	require.NoError(t, err)
	require.Nil(t, again, "demo data loads only on a fresh database")
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	b := &appBundle{srv: srv, tokens: map[string]string{}, app: a}
	for _, u := range users {
		b.tokens[u.Name] = u.Token
	}
	return b
}

func (b *appBundle) call(t *testing.T, method, path, as, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, b.srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	if as != "" {
		req.Header.Set("Authorization", "Bearer "+b.tokens[as])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	var out map[string]any
	if len(raw) > 0 && strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		require.NoError(t, json.Unmarshal(raw, &out), string(raw))
	}
	return res.StatusCode, out
}

func errCode(out map[string]any) string {
	e, _ := out["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func TestRESTProducts(t *testing.T) {
	t.Parallel()
	b := setupApp(t)

	code, out := b.call(t, "GET", "/products", "", "")
	require.Equal(t, http.StatusUnauthorized, code)
	require.Equal(t, "UNAUTHENTICATED", errCode(out))

	code, out = b.call(t, "GET", "/products", "alice", "")
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, out["skus"], "4D.small")

	code, out = b.call(t, "GET", "/admin/products", "alice", "")
	require.Equal(t, http.StatusForbidden, code)
	require.Equal(t, "FORBIDDEN", errCode(out))

	code, out = b.call(t, "POST", "/admin/products", "alice", `{"sku":"4D.medium","name":"m","pricePerDay":1,"currency":"USD"}`)
	require.Equal(t, http.StatusForbidden, code, out)

	code, out = b.call(t, "POST", "/admin/products", "admin", `{"sku":"4D.medium","name":"Medium metal","pricePerDay":9000,"currency":"USD","maxDuration":"14d"}`)
	require.Equal(t, http.StatusCreated, code, out)
	require.Equal(t, "14d", out["maxDuration"])
	id := int(out["id"].(float64))
	path := "/admin/products/" + itoa(id)

	code, out = b.call(t, "POST", "/admin/products", "admin", `{"sku":"4D.medium","name":"again","pricePerDay":1,"currency":"USD"}`)
	require.Equal(t, http.StatusConflict, code)
	require.Equal(t, "CONFLICT", errCode(out))

	code, out = b.call(t, "POST", "/admin/products", "admin", `{"sku":"4D.x","nme":"typo"}`)
	require.Equal(t, http.StatusBadRequest, code)
	require.Equal(t, "INVALID_ARGUMENT", errCode(out))

	code, out = b.call(t, "PUT", path, "admin", `{"pricePerDay":9500}`)
	require.Equal(t, http.StatusOK, code, out)
	require.EqualValues(t, 9500, out["pricePerDay"])

	code, out = b.call(t, "GET", path, "admin", "")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "Medium metal", out["name"])

	// Unreferenced: deleted. Referenced (it has items): retired, never deleted.
	code, _ = b.call(t, "DELETE", path, "admin", "")
	require.Equal(t, http.StatusNoContent, code)
	code, _ = b.call(t, "GET", path, "admin", "")
	require.Equal(t, http.StatusNotFound, code)

	code, out = b.call(t, "GET", "/admin/products", "admin", "")
	require.Equal(t, http.StatusOK, code)
	var smallID int
	for _, p := range out["products"].([]any) {
		if p.(map[string]any)["sku"] == "4D.small" {
			smallID = int(p.(map[string]any)["id"].(float64))
		}
	}
	code, out = b.call(t, "DELETE", "/admin/products/"+itoa(smallID), "admin", "")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, true, out["retired"])
	code, out = b.call(t, "GET", "/products", "alice", "")
	require.Equal(t, http.StatusOK, code)
	require.NotContains(t, out["skus"], "4D.small")

	code, _ = b.call(t, "GET", "/admin/products/abc", "admin", "")
	require.Equal(t, http.StatusBadRequest, code)
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestOperationalEndpoints(t *testing.T) {
	t.Parallel()
	b := setupApp(t)
	code, _ := b.call(t, "GET", "/healthz", "", "")
	require.Equal(t, http.StatusOK, code)
	code, _ = b.call(t, "GET", "/readyz", "", "")
	require.Equal(t, http.StatusOK, code)

	// One GraphQL operation, then its counters appear in /metrics.
	res, err := http.Post(b.srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":"query Availability { availability { sku } }"}`))
	require.NoError(t, err)
	res.Body.Close()
	res, err = http.Get(b.srv.URL + "/metrics")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{
		`hardcandy_graphql_operations_total{operation="Availability",outcome="UNAUTHENTICATED",type="query"} 1`,
		`hardcandy_http_requests_total{code="200",method="POST",route="/graphql"} 1`,
		`hardcandy_graphql_operation_duration_seconds_count{operation="Availability",type="query"} 1`,
	} {
		require.True(t, strings.Contains(string(body), want), "metrics lack %s", want)
	}

	// The portal answers / and any route of its own with its page; GraphiQL moved to /graphiql.
	for path, want := range map[string]string{"/": `<div id="root">`, "/metal": `<div id="root">`, "/leases/42": `<div id="root">`, "/graphiql": "graphiql-config"} {
		res, err = http.Get(b.srv.URL + path)
		require.NoError(t, err)
		body, _ = io.ReadAll(res.Body)
		res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode, path)
		require.Contains(t, string(body), want, path)
		require.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"), path)
	}
	res, err = http.Get(b.srv.URL + "/assets/missing.js")
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusNotFound, res.StatusCode, "a missing asset is not the page")

	// Bodies over the limit are refused before anything is parsed.
	big := `{"query":"{ viewer { name } }","variables":{"pad":"` + strings.Repeat("x", 70<<10) + `"}}`
	req, _ := http.NewRequest("POST", b.srv.URL+"/graphql", strings.NewReader(big))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+b.tokens["alice"])
	res, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	b := setupApp(t)
	for _, path := range []string{"/", "/metal", "/graphiql", "/graphql", "/healthz"} {
		res, err := http.Get(b.srv.URL + path)
		require.NoError(t, err)
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		require.Contains(t, csp, "default-src 'self'", path)
		require.Contains(t, csp, "script-src 'self';", path, "no inline or outside script")
		require.Contains(t, csp, "frame-ancestors 'none'", path)
		require.NotContains(t, csp, "unsafe", path)
		require.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"), path)
		require.Equal(t, "no-referrer", res.Header.Get("Referrer-Policy"), path)
		require.Equal(t, "DENY", res.Header.Get("X-Frame-Options"), path)
	}
}

func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := newRootCommand(&out, &errOut)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

func TestOperatorCommands(t *testing.T) {
	t.Parallel()
	db := dbtest.DSN(t, "ops.db")
	out, err := runCLI(t, "user", "add", "carol", "--role", "manager", "--cost-center", "OPS", "--email", "c@example.com", "--db", db)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tok := lines[len(lines)-1]
	require.Regexp(t, `^hc_[A-Za-z0-9_-]{43}$`, tok, "the token is the last line")

	st, err := database.Open(context.Background(), db, database.Options{})
	require.NoError(t, err)
	svc := newServices(st, clockwork.NewRealClock())
	v, err := svc.auth.Authenticate(context.Background(), tok)
	require.NoError(t, err)
	require.Equal(t, "carol", v.Name)
	require.EqualValues(t, "MANAGER", v.Role)
	require.NotZero(t, v.CostCenterID)
	require.NoError(t, st.Close())

	_, err = runCLI(t, "user", "add", "carol", "--db", db)
	require.ErrorContains(t, err, "already exists")
	_, err = runCLI(t, "user", "add", "dave", "--role", "root", "--db", db)
	require.ErrorContains(t, err, `role: "root" is not one of user, manager, admin`)
	_, err = runCLI(t, "user", "add", "--db", db)
	var ue usageError
	require.ErrorAs(t, err, &ue)

	out, err = runCLI(t, "token", "revoke", tok[:9], "--db", db)
	require.NoError(t, err)
	require.Contains(t, out, "revoked 1 token")
	st, err = database.Open(context.Background(), db, database.Options{})
	require.NoError(t, err)
	defer st.Close()
	_, err = newServices(st, clockwork.NewRealClock()).auth.Authenticate(context.Background(), tok)
	require.ErrorContains(t, err, "unknown or revoked")

	out, err = runCLI(t, "token", "issue", "--user", "carol", "--db", db)
	require.NoError(t, err)
	require.Regexp(t, `^hc_`, strings.TrimSpace(out))
}

func TestHelpDocumentsFlags(t *testing.T) {
	t.Parallel()
	out, err := runCLI(t, "--help")
	require.NoError(t, err)
	for _, want := range []string{"--db", "HARDCANDY_DB", "--log-level", "serve", "user", "token"} {
		require.Contains(t, out, want)
	}
	out, err = runCLI(t, "serve", "--help")
	require.NoError(t, err)
	for _, want := range []string{"--addr", "HARDCANDY_ADDR", "--demo", "--db"} {
		require.Contains(t, out, want)
	}
}

// TestServeProcess builds the binary, starts `serve --demo` on a free port as a newcomer would,
// queries it with a printed token, then stops it with SIGTERM and expects a clean exit.
func TestServeProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	t.Parallel()
	dir := t.TempDir()
	_, cmd, base, tokens := startBinary(t, dir)
	_, err := os.Stat(filepath.Join(dir, "hardcandy.db"))
	require.NoError(t, err, "the SQLite file lives in the working directory")

	req, _ := http.NewRequest("POST", base+"/graphql", strings.NewReader(`{"query":"{ availability(sku: \"4D.small\") { available } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+tokens["alice"])
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.JSONEq(t, `{"data":{"availability":[{"available":14}]}}`, string(body))

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.NoError(t, err, "a clean exit on SIGTERM")
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop on SIGTERM")
	}
}

func TestUsageCSV(t *testing.T) {
	t.Parallel()
	b := setupApp(t)
	code, _ := b.call(t, "GET", "/reports/usage.csv?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=USER", "", "")
	require.Equal(t, http.StatusUnauthorized, code)
	code, out := b.call(t, "GET", "/reports/usage.csv?from=yesterday&to=2026-12-01T00:00:00Z", "admin", "")
	require.Equal(t, http.StatusBadRequest, code)
	require.Equal(t, "INVALID_ARGUMENT", errCode(out))
	req, _ := http.NewRequest("GET", b.srv.URL+"/reports/usage.csv?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=PRODUCT", nil)
	req.Header.Set("Authorization", "Bearer "+b.tokens["admin"])
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "text/csv; charset=utf-8", res.Header.Get("Content-Type"))
	require.Equal(t, "key,item_hours,cost,currency\n", string(body), "no use yet: just the header")
}

// startBinary builds the binary into dir, starts `serve --demo` there on a free port as a
// newcomer would, and returns the binary, the server process, its base URL and the demo users'
// tokens.
func startBinary(t *testing.T, dir string) (string, *exec.Cmd, string, map[string]string) {
	t.Helper()
	bin := filepath.Join(dir, "hardcandy")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())

	cmd := exec.Command(bin, "serve", "--demo", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	tokens := map[string]string{}
	sc := bufio.NewScanner(stdout)
	for len(tokens) < 4 && sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 4 && strings.HasPrefix(f[3], "hc_") {
			tokens[f[0]] = f[3]
		}
	}
	require.Len(t, tokens, 4)
	addrRE := regexp.MustCompile(`"?addr"?[=:]"?(http://[0-9.:]+)/`)
	var base string
	logs := bufio.NewScanner(stderr)
	for logs.Scan() {
		if m := addrRE.FindStringSubmatch(logs.Text()); m != nil {
			base = m[1]
			break
		}
	}
	require.NotEmpty(t, base)
	go func() { // keep draining the logs
		for logs.Scan() {
		}
	}()
	return bin, cmd, base, tokens
}
