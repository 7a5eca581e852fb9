//go:build ignore

// Command generate writes the next versioned Postgres migration: the difference between what
// the migrations so far build and the ent schema. `make migration NAME=add_something` runs it.
// Atlas replays the existing migrations on a scratch database to know where they stand, so it
// needs a Postgres server: $HARDCANDY_TEST_POSTGRES, or the local one.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"

	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/hardcandy/hardcandy/ent/migrate"
)

func main() {
	name := flag.String("name", "", "the migration's name, e.g. add_lease_notes")
	dir := flag.String("dir", "database/migrations/postgres", "the migrations directory")
	admin := flag.String("postgres", os.Getenv("HARDCANDY_TEST_POSTGRES"), "a Postgres server to create the scratch database on")
	flag.Parse()
	if *name == "" {
		log.Fatal("generate: -name is required")
	}
	if *admin == "" {
		*admin = "postgres://127.0.0.1:5432/postgres?sslmode=disable"
	}
	if err := run(context.Background(), *admin, *dir, *name); err != nil {
		log.Fatalf("generate: %v", err)
	}
}

func run(ctx context.Context, admin, dirPath, name string) error {
	adminDB, err := sql.Open("pgx", admin)
	if err != nil {
		return err
	}
	defer adminDB.Close()
	scratch := fmt.Sprintf("hardcandy_migrate_%d", os.Getpid())
	if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+scratch); err != nil {
		return fmt.Errorf("create scratch database: %w", err)
	}
	defer adminDB.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+scratch+" WITH (FORCE)")

	u, err := url.Parse(admin)
	if err != nil {
		return err
	}
	u.Path = "/" + scratch
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	dir, err := sqltool.NewGolangMigrateDir(dirPath)
	if err != nil {
		return err
	}
	m, err := schema.NewMigrate(entsql.OpenDB(dialect.Postgres, db),
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dialect.Postgres),
		schema.WithFormatter(sqltool.GolangMigrateFormatter),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
	)
	if err != nil {
		return err
	}
	return m.NamedDiff(ctx, name, migrate.Tables...)
}
