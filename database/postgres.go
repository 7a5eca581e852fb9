package database

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/golang-migrate/migrate/v4"
	pgxmigrate "github.com/golang-migrate/migrate/v4/database/pgx/v5"
	"github.com/golang-migrate/migrate/v4/source/iofs"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/hardcandy/hardcandy/ent"
)

// postgresMigrations are the versioned migrations for Postgres, generated from the ent schema
// by `make migration NAME=...` and applied in order by Migrate.
//
//go:embed migrations/postgres/*.sql
var postgresMigrations embed.FS

// defaultPostgresConns bounds each replica's pool unless the DSN's pool_max_conns says
// otherwise. Postgres serves every replica from one server, so the pools together must stay
// under its max_connections (100 by default): three replicas of 16, plus tools.
const defaultPostgresConns = 16

// PostgresDSN splits what the server reads from a Postgres DSN, pool_max_conns (the name pgxpool
// gives it), from the DSN the driver gets, which would send unknown parameters to the server.
func PostgresDSN(dsn string) (driverDSN string, maxConns int, err error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", 0, fmt.Errorf("postgres DSN: %w", err)
	}
	maxConns = defaultPostgresConns
	q := u.Query()
	if v := q.Get("pool_max_conns"); v != "" {
		if maxConns, err = strconv.Atoi(v); err != nil || maxConns < 2 {
			return "", 0, fmt.Errorf("postgres DSN: pool_max_conns=%q: want a whole number of at least 2", v)
		}
		q.Del("pool_max_conns")
		u.RawQuery = q.Encode()
	}
	return u.String(), maxConns, nil
}

// IsPostgres reports whether dsn names a Postgres database rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func openPostgres(ctx context.Context, dsn string, opts Options) (*Store, error) {
	dsn, maxConns, err := PostgresDSN(dsn)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open postgres %s: %w", Redact(dsn), err)
	}
	var drv dialect.Driver = steadyDriver{entsql.OpenDB(dialect.Postgres, db)}
	if opts.WrapDriver != nil {
		drv = opts.WrapDriver(drv)
	}
	s := &Store{Client: ent.NewClient(ent.Driver(drv)), DB: db, Dialect: dialect.Postgres, Driver: drv, dsn: dsn,
		clock: opts.clock()}
	if opts.Migrate {
		if err := s.Migrate(ctx); err != nil {
			_ = s.Close()
			return nil, err
		}
	}
	return s, nil
}

// MigrationStatus is where a database stands against the migrations this build carries.
type MigrationStatus struct {
	// Current is the applied version (0 when none is), Latest the newest this build carries.
	Current, Latest uint
	// Dirty means a migration failed half way and needs an operator.
	Dirty bool
}

// migratePostgres applies the pending versioned migrations. golang-migrate holds an advisory lock
// while it works, so replicas starting together apply each migration once.
func migratePostgres(ctx context.Context, dsn string) (MigrationStatus, error) {
	var st MigrationStatus
	m, err := newPostgresMigrator(dsn)
	if err != nil {
		return st, err
	}
	defer m.Close()
	// golang-migrate takes no context: stop it when ctx ends.
	stop := context.AfterFunc(ctx, func() { m.GracefulStop <- true })
	defer stop()
	if err := m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return st, fmt.Errorf("migrate postgres: %w", err)
	}
	return postgresStatus(m)
}

// PostgresMigrationStatus reports the applied and the newest migration without changing anything.
func PostgresMigrationStatus(dsn string) (MigrationStatus, error) {
	m, err := newPostgresMigrator(dsn)
	if err != nil {
		return MigrationStatus{}, err
	}
	defer m.Close()
	return postgresStatus(m)
}

func newPostgresMigrator(dsn string) (*migrate.Migrate, error) {
	dsn, _, err := PostgresDSN(dsn)
	if err != nil {
		return nil, err
	}
	src, err := iofs.New(postgresMigrations, "migrations/postgres")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	// A pool of its own: golang-migrate closes the pool it was given.
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("migrate: open %s: %w", Redact(dsn), err)
	}
	drv, err := pgxmigrate.WithInstance(db, &pgxmigrate.Config{})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("migrate: %s: %w", Redact(dsn), err)
	}
	m, err := migrate.NewWithInstance("iofs", src, "postgres", drv)
	if err != nil {
		_ = drv.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return m, nil
}

func postgresStatus(m *migrate.Migrate) (MigrationStatus, error) {
	var st MigrationStatus
	v, dirty, err := m.Version()
	if err != nil && !errors.Is(err, migrate.ErrNilVersion) {
		return st, fmt.Errorf("migration version: %w", err)
	}
	st.Current, st.Dirty = v, dirty
	entries, err := postgresMigrations.ReadDir("migrations/postgres")
	if err != nil {
		return st, fmt.Errorf("migrations: %w", err)
	}
	for _, e := range entries {
		var n uint
		if _, err := fmt.Sscanf(e.Name(), "%d_", &n); err == nil && n > st.Latest {
			st.Latest = n
		}
	}
	return st, nil
}

// IsRetryable reports whether err is Postgres giving up a transaction that can simply run again
// (a serialization failure or a deadlock it broke).
func IsRetryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// PostgresMigrationsDigest identifies the migrations this build carries, so that a database made
// from them (a test template, say) can be told apart from one made by other migrations.
func PostgresMigrationsDigest() string {
	h := sha256.New()
	entries, _ := postgresMigrations.ReadDir("migrations/postgres")
	for _, e := range entries {
		b, _ := postgresMigrations.ReadFile("migrations/postgres/" + e.Name())
		fmt.Fprintf(h, "%s %d\n", e.Name(), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// ForcePostgresMigration records version as applied and clean without running anything: the way
// out after an operator repaired a migration that failed half way.
func ForcePostgresMigration(dsn string, version int) error {
	m, err := newPostgresMigrator(dsn)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Force(version); err != nil {
		return fmt.Errorf("force migration %d: %w", version, err)
	}
	return nil
}
