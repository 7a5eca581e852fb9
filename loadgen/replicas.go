package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/hardcandy/hardcandy/database"
)

// defaultBenchPostgres is the local server the replica runs use when HARDCANDY_TEST_POSTGRES
// names none.
const defaultBenchPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// replicas measures vends/s with 1, 2 and 3 replicas sharing one Postgres database (each run on
// a fresh copy of the design's catalog), then the read queries on Postgres.
func replicas(ctx context.Context, bin, dir string, dur time.Duration, nItems int) error {
	server := os.Getenv("HARDCANDY_TEST_POSTGRES")
	if server == "" {
		server = defaultBenchPostgres
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return err
	}
	defer admin.Close()
	if err := admin.PingContext(ctx); err != nil {
		fmt.Printf("\nReplicas on Postgres: skipped, no server at %s (%v)\n", database.Redact(server), err)
		return nil
	}
	dsnOf := func(name string) string {
		u, _ := url.Parse(server)
		u.Path = "/" + name
		return u.String()
	}
	prefix := fmt.Sprintf("hardcandy_bench_%d", os.Getpid())
	var made []string
	create := func(name, template string) error {
		stmt := "CREATE DATABASE " + name
		if template != "" {
			stmt += " TEMPLATE " + template
		}
		if _, err := admin.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
		made = append(made, name)
		return nil
	}
	defer func() {
		for i := len(made) - 1; i >= 0; i-- {
			_, _ = admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+made[i]+" WITH (FORCE)")
		}
	}()

	seed := prefix + "_seed"
	if err := create(seed, ""); err != nil {
		return err
	}
	start := time.Now()
	tokens, err := seedDesign(ctx, dsnOf(seed), nItems)
	if err != nil {
		return fmt.Errorf("seed postgres: %w", err)
	}
	fmt.Fprintf(os.Stderr, "seeded Postgres with %d items in %s\n", nItems, time.Since(start).Round(time.Millisecond))

	// Every replica must seal credentials with the same key.
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	os.Setenv("HARDCANDY_SECRET_KEY", base64.StdEncoding.EncodeToString(key))
	defer os.Unsetenv("HARDCANDY_SECRET_KEY")
	cfg := filepath.Join(dir, "replicas.yaml")
	yaml := "dispensers:\n  default:\n    driver: simulator\n    latency: 0ms\nleasing:\n  max_items_per_user: 1000000\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		return err
	}

	fmt.Printf("\nReplicas of `hardcandy serve` sharing one Postgres (%s), clients spread over them; vends of one item, simulator at 0 ms, on a fresh copy of the design's catalog with %d items:\n\n", database.Redact(server), nItems)
	for n := 1; n <= 3; n++ {
		db := fmt.Sprintf("%s_r%d", prefix, n)
		if err := create(db, seed); err != nil {
			return err
		}
		bases, stop, err := startReplicas(bin, dsnOf(db), dir, n, "--config", cfg, "--no-migrate")
		if err != nil {
			return err
		}
		err = table(bases, tokens, dur, []scenario{
			{name: fmt.Sprintf("vend, %d replica(s)", n), clients: 32, perClient: true, rotate: vendRotation},
		})
		stop()
		if err != nil {
			return err
		}
	}

	reads := prefix + "_reads"
	if err := create(reads, seed); err != nil {
		return err
	}
	bases, stop, err := startReplicas(bin, dsnOf(reads), dir, 1, "--config", cfg, "--no-migrate")
	if err != nil {
		return err
	}
	defer stop()
	fmt.Printf("\nReads on Postgres, one replica, the design's catalog with %d items:\n\n", nItems)
	return table(bases, tokens, dur, []scenario{
		{name: "availability, whole catalog", clients: 32, as: "user", query: availabilityQuery},
		{name: "availability, whole catalog", clients: 1, as: "user", query: availabilityQuery},
		{name: "availability(sku)", clients: 32, as: "user", query: availabilityOne, vars: map[string]any{"sku": "4D.small"}},
		{name: "products(first: 50), items(first: 5)", clients: 32, as: "admin", query: pageQuery},
	})
}

// startReplicas starts n servers on db; only the first runs the scheduler, as in a deployment
// with one scheduling replica (the elector would let only one run jobs anyway).
func startReplicas(bin, db, dir string, n int, extra ...string) ([]string, func(), error) {
	var (
		bases []string
		stops []func()
	)
	stopAll := func() {
		for _, s := range stops {
			s()
		}
	}
	for i := range n {
		args := extra
		if i > 0 {
			args = append(append([]string{}, extra...), "--no-scheduler")
		}
		base, stop, err := startServer(bin, db, dir, args...)
		if err != nil {
			stopAll()
			return nil, nil, err
		}
		bases, stops = append(bases, base), append(stops, stop)
	}
	return bases, stopAll, nil
}
