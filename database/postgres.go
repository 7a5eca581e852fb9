package database

import (
	"context"
	"database/sql"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
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

// maxPostgresConns bounds each replica's pool. Postgres serves every replica from one server, so
// the pool is kept well under its max_connections (100 by default) for three replicas plus tools.
const maxPostgresConns = 24

// IsPostgres reports whether dsn names a Postgres database rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func openPostgres(ctx context.Context, dsn string, opts Options) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", redact(dsn), err)
	}
	db.SetMaxOpenConns(maxPostgresConns)
	db.SetMaxIdleConns(maxPostgresConns)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open postgres %s: %w", redact(dsn), err)
	}
	var drv dialect.Driver = entsql.OpenDB(dialect.Postgres, db)
	if opts.WrapDriver != nil {
		drv = opts.WrapDriver(drv)
	}
	s := &Store{Client: ent.NewClient(ent.Driver(drv)), DB: db, Dialect: dialect.Postgres, Driver: drv, dsn: dsn}
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
	src, err := iofs.New(postgresMigrations, "migrations/postgres")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	// A pool of its own: golang-migrate closes the pool it was given.
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("migrate: open %s: %w", redact(dsn), err)
	}
	drv, err := pgxmigrate.WithInstance(db, &pgxmigrate.Config{})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("migrate: %s: %w", redact(dsn), err)
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
