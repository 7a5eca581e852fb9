// Package dbtest gives each test a database of its own: a SQLite file in the test's temporary
// directory, or, when $HARDCANDY_TEST_POSTGRES names a Postgres server, a fresh Postgres database
// cloned from a migrated template and dropped when the test ends. The suite runs once per store.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
)

// EnvPostgres names the environment variable holding a Postgres server's DSN (a database the
// tests may create databases from, e.g. postgres://127.0.0.1:5432/test?sslmode=disable).
const EnvPostgres = "HARDCANDY_TEST_POSTGRES"

// PostgresServer returns the Postgres DSN the tests run against, if one is set.
func PostgresServer() (string, bool) {
	v := os.Getenv(EnvPostgres)
	return v, v != ""
}

// DSN returns a new empty database for t: Postgres when $HARDCANDY_TEST_POSTGRES is set, else a
// SQLite file named name in t's temporary directory.
func DSN(t testing.TB, name string) string {
	t.Helper()
	if _, ok := PostgresServer(); ok {
		return Postgres(t)
	}
	return filepath.Join(t.TempDir(), name)
}

// Open opens DSN(t, "test.db") with migrations applied and closes it when the test ends.
func Open(t testing.TB, opts database.Options) *database.Store {
	t.Helper()
	opts.Migrate = true
	st, err := database.Open(context.Background(), DSN(t, "test.db"), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// Postgres returns the DSN of a fresh, migrated Postgres database for t, dropped when t ends. It
// skips t when no Postgres server is configured.
func Postgres(t testing.TB) string {
	t.Helper()
	server, ok := PostgresServer()
	if !ok {
		t.Skipf("needs Postgres: set %s to a server's DSN", EnvPostgres)
	}
	ctx := context.Background()
	tmpl, err := template(ctx, server)
	require.NoError(t, err, "prepare the Postgres template database")
	admin, err := adminDB(server)
	require.NoError(t, err)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "hardcandy_t_" + hex.EncodeToString(b)
	_, err = admin.ExecContext(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, tmpl))
	require.NoError(t, err, "create test database")
	t.Cleanup(func() {
		_, err := admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		if err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	return withDatabase(server, name)
}

var (
	adminOnce sync.Once
	admin     *sql.DB
	adminErr  error

	templateMu   sync.Mutex
	templateName string
)

// adminDB is one small pool per test process for creating and dropping databases.
func adminDB(server string) (*sql.DB, error) {
	adminOnce.Do(func() {
		admin, adminErr = sql.Open("pgx", server)
		if adminErr == nil {
			admin.SetMaxOpenConns(4)
		}
	})
	return admin, adminErr
}

// template makes, once per set of migrations, a database with them applied that test databases
// are cloned from: cloning takes milliseconds where migrating takes a second. Test processes run
// in parallel, so an advisory lock keeps two from building the same template.
func template(ctx context.Context, server string) (string, error) {
	templateMu.Lock()
	defer templateMu.Unlock()
	if templateName != "" {
		return templateName, nil
	}
	db, err := adminDB(server)
	if err != nil {
		return "", err
	}
	name := "hardcandy_tmpl_" + database.PostgresMigrationsDigest()
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", fmt.Errorf("connect to %s: %w", server, err)
	}
	defer conn.Close()
	h := fnv.New64a()
	h.Write([]byte(name))
	key := int64(h.Sum64())
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", key); err != nil {
		return "", fmt.Errorf("lock template: %w", err)
	}
	defer conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", key) //nolint:errcheck
	var exists bool
	if err := conn.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", fmt.Errorf("look for template: %w", err)
	}
	if !exists {
		// Templates of earlier migrations are of no more use.
		rows, err := conn.QueryContext(ctx, "SELECT datname FROM pg_database WHERE datname LIKE 'hardcandy\\_tmpl\\_%' AND datname <> $1", name)
		if err != nil {
			return "", fmt.Errorf("list old templates: %w", err)
		}
		var old []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err == nil {
				old = append(old, n)
			}
		}
		_ = rows.Close()
		for _, n := range old {
			_, _ = conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+n+" WITH (FORCE)")
		}
		// Built under a temporary name and renamed, so a half-built template is never used.
		building := name + "_building"
		if _, err := conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+building+" WITH (FORCE)"); err != nil {
			return "", fmt.Errorf("drop stale template: %w", err)
		}
		if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+building); err != nil {
			return "", fmt.Errorf("create template: %w", err)
		}
		st, err := database.Open(ctx, withDatabase(server, building), database.Options{Migrate: true})
		if err != nil {
			return "", fmt.Errorf("migrate template: %w", err)
		}
		_ = st.Close()
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("ALTER DATABASE %s RENAME TO %s", building, name)); err != nil {
			return "", fmt.Errorf("rename template: %w", err)
		}
	}
	templateName = name
	return name, nil
}

// poolPerStore bounds each store's pool in tests: parallel tests, and replicas in processes of
// their own, share the server's max_connections (100 by default).
const poolPerStore = "6"

// withDatabase returns server's DSN pointing at database name.
func withDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		panic(fmt.Sprintf("dbtest: %s: %v", EnvPostgres, err))
	}
	u.Path = "/" + name
	q := u.Query()
	if !q.Has("pool_max_conns") {
		q.Set("pool_max_conns", poolPerStore)
	}
	u.RawQuery = q.Encode()
	return u.String()
}
