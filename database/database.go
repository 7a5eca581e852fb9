// Package database opens the store behind Hardcandy: an embedded SQLite file by default, with the
// settings concurrent use needs, and runs schema migrations.
package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	"github.com/jonboulle/clockwork"
	"github.com/mattn/go-sqlite3"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/privacy"
	_ "github.com/hardcandy/hardcandy/ent/runtime" // registers schema hooks and privacy policies
)

// driverName is mattn/go-sqlite3 with the per-connection settings DSN keys cannot express.
const driverName = SQLiteDriver

// SQLiteDriver is the database/sql driver name under which mattn/go-sqlite3 is registered with the
// server's per-connection settings; tools opening the file beside the server use it too.
const SQLiteDriver = "sqlite3_hardcandy"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		// No checkpoint at commit: the committing writer would copy pages back and sync the
		// file while every writer queued behind it waits. Each store checkpoints in the
		// background instead (checkpointer); the last connection to close checkpoints too.
		if _, err := c.Exec("PRAGMA wal_autocheckpoint = 0", nil); err != nil {
			return err
		}
		// Read the file through a memory map (up to SQLite's 2 GB cap) rather than a read()
		// call per page: large scans such as the usage report spent half their time in the
		// kernel copying pages the OS already caches. Writes still go through the WAL.
		_, err := c.Exec("PRAGMA mmap_size = 2147418112", nil)
		return err
	}})
}

// DefaultDSN is the SQLite file used when nothing is configured.
const DefaultDSN = "hardcandy.db"

// sqliteDefaults are the connection settings a server needs: foreign keys, WAL for concurrent
// readers, a busy timeout, and immediate transactions so writers queue instead of failing with
// "database is locked" when they upgrade a read lock.
var sqliteDefaults = [][2]string{
	{"_fk", "1"},
	{"_journal_mode", "WAL"},
	{"_busy_timeout", "10000"},
	{"_txlock", "immediate"},
	{"_synchronous", "NORMAL"},
	// Reuse prepared statements per connection: preparing is a third of a small query's cost.
	{"_stmt_cache_size", "256"},
	// database/sql never shares a connection between goroutines, so SQLite's own per-connection
	// mutex is pure overhead.
	{"_mutex", "no"},
}

// maxConns bounds the pool. Readers run in parallel under WAL; writers queue on the immediate
// lock. Idle connections are kept, so statement caches and page caches survive between requests.
const maxConns = 16

// SQLiteDSN turns a path or file: DSN into a DSN with the server defaults; settings the caller
// gave win.
func SQLiteDSN(dsn string) string {
	if dsn == "" {
		dsn = DefaultDSN
	}
	path, query, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		q = url.Values{}
	}
	for _, kv := range sqliteDefaults {
		if !q.Has(kv[0]) {
			q.Set(kv[0], kv[1])
		}
	}
	return "file:" + path + "?" + q.Encode()
}

// SQLitePath returns the file a SQLite DSN names.
func SQLitePath(dsn string) string {
	if dsn == "" {
		dsn = DefaultDSN
	}
	path, _, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	return path
}

// Store is an open database.
type Store struct {
	Client  *ent.Client
	DB      *sql.DB
	Dialect string
	// Driver is the ent driver; tests wrap it to count statements.
	Driver dialect.Driver

	dsn string
	// stopCheckpoints stops a SQLite store's background checkpoints.
	stopCheckpoints func()
	// batcher runs a SQLite store's write transactions, several to a commit.
	batcher *batcher
	// reader runs a SQLite store's read transactions (see sqliteReader).
	reader *ent.Client
	// clock gives each transaction its Now.
	clock clockwork.Clock
	// pages caches the items page statement per shape (ItemsPage).
	pages sync.Map

	closeOnce sync.Once
	closeErr  error
}

// Options tune Open.
type Options struct {
	// WrapDriver, when set, wraps the driver (statement counting in tests).
	WrapDriver func(dialect.Driver) dialect.Driver
	// Migrate applies the schema at open.
	Migrate bool
	// Clock gives each transaction its time (Tx.Now); the real clock when nil.
	Clock clockwork.Clock
}

// Open opens dsn: a postgres:// URL, or a SQLite path or file: DSN.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn, opts)
	}
	full := SQLiteDSN(dsn)
	if err := createPrivate(dsn); err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, full)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", full, err)
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", full, err)
	}
	writer := newSerialWriter(entsql.OpenDB(dialect.SQLite, db))
	var drv dialect.Driver = writer
	if opts.WrapDriver != nil {
		drv = opts.WrapDriver(drv)
	}
	s := &Store{Client: ent.NewClient(ent.Driver(drv)), DB: db, Dialect: dialect.SQLite, Driver: drv,
		clock: opts.clock(), stopCheckpoints: startCheckpointer(db, writer)}
	s.reader = ent.NewClient(ent.Driver(&sqliteReader{Driver: entsql.OpenDB(dialect.SQLite, db), db: db}))
	s.batcher = startBatcher(s)
	if opts.Migrate {
		if err := s.Migrate(ctx); err != nil {
			_ = s.Close()
			return nil, err
		}
	}
	return s, nil
}

// createPrivate creates a SQLite file that does not exist yet readable by its owner only: it
// holds token hashes and sealed credentials, like the key beside it. SQLite creates its -wal and
// -shm files with the database file's permissions.
func createPrivate(dsn string) error {
	path := SQLitePath(dsn)
	if path == "" || path == ":memory:" || strings.Contains(dsn, "mode=memory") {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case errors.Is(err, fs.ErrExist):
		return nil // kept as its owner made it
	case err != nil:
		return fmt.Errorf("create sqlite %s: %w", path, err)
	}
	return f.Close()
}

// migrateMu serializes migrations in a process: ent's migration annotates the package-level
// table definitions as it runs, so two stores migrating at once would race.
var migrateMu sync.Mutex

// Migrate brings the schema up to date. Postgres gets the versioned migrations this build
// carries; the embedded SQLite file is migrated automatically from the ent schema, which only
// ever adds tables, columns and indexes.
func (s *Store) Migrate(ctx context.Context) error {
	if s.Dialect == dialect.Postgres {
		if _, err := migratePostgres(ctx, s.dsn); err != nil {
			return err
		}
		return s.backfill(ctx)
	}
	migrateMu.Lock()
	defer migrateMu.Unlock()
	// Indexes the schema no longer names are dropped: one replaced by a wider one only costs writes.
	if err := s.Client.Schema.Create(privacy.DecisionContext(ctx, privacy.Allow), schema.WithDropIndex(true)); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return s.backfill(ctx)
}

// backfills fill columns added to tables that already had rows; each finds nothing to do once
// done, through an index.
// A backfill with a postgres statement runs that one on Postgres instead of sql.
var backfills = []struct{ name, sql, postgres string }{
	{name: "allocations.owner_id", sql: `UPDATE allocations SET owner_id = (SELECT owner_id FROM leases WHERE leases.id = allocations.lease_id)
		WHERE owner_id IS NULL`},
	// Leases active before the booking ledger existed hold items without ledger rows: give each
	// one row per product until its end, so vends, bookings and extensions count them. Leases
	// that already have rows are left alone, so it finds nothing to do once done.
	{name: "bookings of active leases", sql: `INSERT INTO bookings (lease_id, product_id, owner_id, cost_center_id, quantity, starts_at, ends_at, buffer, free_at)
		SELECT l.id, i.product_id, l.owner_id, l.cost_center_id, COUNT(*), COALESCE(l.starts_at, l.created_at), l.ends_at, 0, l.ends_at
		FROM leases l
		JOIN allocations a ON a.lease_id = l.id AND a.released_at IS NULL
		JOIN inventory_items i ON i.id = a.item_id
		WHERE l.status = 'ACTIVE' AND l.ends_at IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.lease_id = l.id)
		GROUP BY l.id, i.product_id, l.owner_id, l.cost_center_id, l.starts_at, l.created_at, l.ends_at`},
	// Items labelled before labels were indexed get their item_labels rows.
	{name: "item_labels", sql: `INSERT OR IGNORE INTO item_labels (item_id, label)
		SELECT DISTINCT i.id, j.value FROM inventory_items i, json_each(i.labels) j
		WHERE i.labels <> '[]' AND NOT EXISTS (SELECT 1 FROM item_labels x WHERE x.item_id = i.id)`,
		postgres: `INSERT INTO item_labels (item_id, label)
		SELECT DISTINCT i.id, l.value FROM inventory_items i CROSS JOIN LATERAL jsonb_array_elements_text(i.labels::jsonb) AS l(value)
		WHERE i.labels::jsonb <> '[]'::jsonb AND NOT EXISTS (SELECT 1 FROM item_labels x WHERE x.item_id = i.id)
		ON CONFLICT DO NOTHING`},
}

func (s *Store) backfill(ctx context.Context) error {
	for _, b := range backfills {
		stmt := b.sql
		if s.Dialect == dialect.Postgres && b.postgres != "" {
			stmt = b.postgres
		}
		if _, err := s.DB.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("migrate: backfill %s: %w", b.name, err)
		}
	}
	return nil
}

// PlannedChanges writes the statements automatic migration would run on the store now, changing
// nothing: after the versioned migrations, there should be none.
func (s *Store) PlannedChanges(ctx context.Context, w io.Writer) error {
	migrateMu.Lock()
	defer migrateMu.Unlock()
	if err := s.Client.Schema.WriteTo(privacy.DecisionContext(ctx, privacy.Allow), w); err != nil {
		return fmt.Errorf("plan migration: %w", err)
	}
	return nil
}

// Close closes the client and the database; calls after the first do nothing. Write
// transactions still waiting for a SQLite store's writer get an error at once, rather than their
// turn.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if s.batcher != nil {
			s.batcher.close()
		}
		if s.stopCheckpoints != nil {
			s.stopCheckpoints()
		}
		s.closeErr = s.Client.Close()
	})
	return s.closeErr
}

// checkpointEvery is how often a SQLite store copies committed WAL pages back into the file.
const checkpointEvery = 100 * time.Millisecond

// restartFrames bounds the WAL, in pages: past it, the checkpointer restarts the log. Tests
// lower it.
var restartFrames atomic.Int64

func init() { restartFrames.Store(8192) } // 32 MB of 4 KB pages

// startCheckpointer runs passive WAL checkpoints beside the writers: they copy what no reader
// still needs and never wait for, or hold up, a writer. Passive checkpoints alone never let the
// log start over while writes keep coming (SQLite rewinds it only when a writer begins after
// everything in it was copied back), so under steady writes it grows by gigabytes, every commit
// appending to an ever longer file and every read searching an ever larger index. Once it holds
// more than restartFrames pages, the checkpointer takes the writer slot, copies the rest and
// waits for readers to leave the log, so the next commit writes from its start again.
// It returns the function that stops it.
func startCheckpointer(db *sql.DB, w *serialWriter) func() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(checkpointEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				// Best effort: a failed checkpoint leaves the pages in the WAL for the next.
				if frames, err := checkpoint(ctx, db, "PASSIVE"); err == nil && int64(frames) > restartFrames.Load() {
					_ = w.exclusive(ctx, func() error {
						_, err := checkpoint(ctx, db, "RESTART")
						return err
					})
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}

// checkpoint runs a WAL checkpoint in mode and returns how many pages the log holds.
func checkpoint(ctx context.Context, db *sql.DB, mode string) (int, error) {
	var busy, frames, copied int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &frames, &copied); err != nil {
		return 0, fmt.Errorf("checkpoint %s: %w", mode, err)
	}
	return frames, nil
}

func (o Options) clock() clockwork.Clock {
	if o.Clock == nil {
		return clockwork.NewRealClock()
	}
	return o.Clock
}

// Clock is the clock the store's transactions take their time from.
func (s *Store) Clock() clockwork.Clock { return s.clock }

// Ping checks the database answers, for readiness.
func (s *Store) Ping(ctx context.Context) error { return s.DB.PingContext(ctx) }

// Redact returns a Postgres URL with its password masked, for logs and errors.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres"
	}
	return u.Redacted()
}

// cancelled names the request's cancellation in err when it caused it: the driver reports a
// transaction rolled back under a cancelled context as "already rolled back" or as a bad
// connection, which callers could not tell from a failure of the database.
func cancelled(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}

// System returns ctx with privacy checks lifted, for services doing bookkeeping after their own
// authorization, and for scheduler jobs and operator commands.
func System(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// Wrap classifies a storage error (Code): ent's not-found, constraint and validation errors and
// retryable conflicts get their codes with msg in front, coded errors pass through, anything else
// is wrapped with context (and reported as INTERNAL).
func Wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	if _, ok := apperr.As(err); ok {
		return err
	}
	msg := fmt.Sprintf(format, args...)
	if code, text, ok := Code(err); ok {
		return apperr.Wrap(err, code, "%s: %s", msg, text)
	}
	return fmt.Errorf("%s: %w", msg, err)
}
