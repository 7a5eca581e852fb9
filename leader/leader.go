// Package leader elects one leader among Hardcandy replicas that share a PostgreSQL database, so
// that gocron's scheduler (through [gocron.WithDistributedElector]) runs background jobs on one
// replica at a time.
//
// The leader is whichever replica holds a session-level advisory lock (pg_try_advisory_lock) on
// a connection it keeps out of the pool for that purpose. An advisory lock rather than a lease row
// because Postgres releases it the moment the holder's session ends: when a replica exits or is
// killed its socket closes, the backend goes away with the lock, and another replica takes over
// at its next scheduler tick, with no lease expiry to tune and no clock to trust.
//
// Caveats:
//   - A network partition (or a replica frozen without its socket being closed) keeps the lock
//     until Postgres notices the dead TCP session, which with the operating system's default
//     keepalive settings can take hours; meanwhile no replica leads. Bound it on the server with
//     tcp_keepalives_idle/interval/count (or tcp_user_timeout), or with idle_session_timeout,
//     which must then exceed the longest gap between scheduler ticks, since the leader's
//     connection sits idle between them. The partitioned replica itself stops claiming
//     leadership at its next check, because that check fails.
//   - Session-level locks need a real session: put no transaction-pooling proxy (PgBouncer in
//     transaction mode) between replicas and Postgres.
//   - The leader's dedicated connection is taken from the [sql.DB] pool for as long as it leads,
//     so it counts against the pool's SetMaxOpenConns.
package leader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"sync"
	"time"

	"github.com/go-co-op/gocron/v2"
)

// ErrNotLeader is returned by [Elector.IsLeader] when another replica holds the lock, or when the
// elector is closed. Other errors from IsLeader (database unreachable, timeouts) do not match it;
// they also mean this replica must not run jobs.
var ErrNotLeader = errors.New("leader: not the leader")

const (
	// checkTimeout bounds the liveness query on the held connection. IsLeader runs on every job
	// tick under the elector's mutex, so a hung connection must not stall ticks for long; a
	// connection that cannot answer SELECT 1 this quickly is treated as lost.
	checkTimeout = 2 * time.Second
	// acquireTimeout bounds taking a connection from the pool (possibly dialling) and trying the
	// lock.
	acquireTimeout = 5 * time.Second
	// unlockTimeout bounds the explicit unlock in Close; the connection is closed regardless.
	unlockTimeout = 2 * time.Second
)

var _ gocron.Elector = (*Elector)(nil)

// Elector is a [gocron.Elector] backed by a PostgreSQL advisory lock. Create it with [New]; it is
// safe for concurrent use.
type Elector struct {
	db     *sql.DB
	name   string
	key    int64
	logger *slog.Logger

	mu sync.Mutex
	// conn is the dedicated connection whose session holds the lock; nil when not leading.
	conn   *sql.Conn
	closed bool
	// failing is set after an acquisition error and cleared by the next attempt that reaches
	// the database, so a database outage is logged once rather than on every tick.
	failing bool
}

// New returns an elector for the lock called name on db, a pool opened with the pgx
// database/sql driver. Replicas that use the same name elect one leader among them; different
// names are independent. A nil logger means [slog.Default]. New does not touch the database: the
// first [Elector.IsLeader] call tries to acquire the lock.
func New(db *sql.DB, name string, logger *slog.Logger) *Elector {
	if logger == nil {
		logger = slog.Default()
	}
	key := lockKey(name)
	return &Elector{db: db, name: name, key: key, logger: logger.With("lock", name, "lock_key", key)}
}

// lockKey maps name to the 64-bit advisory lock key. The prefix keeps Hardcandy's keys apart from
// advisory locks other software may take on the same database.
func lockKey(name string) int64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte("hardcandy:" + name)) // hash.Hash writes never fail
	return int64(h.Sum64())
}

// IsLeader returns nil when this replica holds the lock, trying to acquire it if no replica
// does. It returns [ErrNotLeader] when another replica holds it or the elector is closed, and a
// wrapped error when the database cannot be reached. It implements [gocron.Elector].
//
// While leading, each call checks that the lock's connection still answers: if that session
// ended (killed backend, broken network), the lock went with it, so the elector drops the
// connection and competes for the lock again on a fresh one.
func (e *Elector) IsLeader(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return ErrNotLeader
	}
	if e.conn != nil {
		err := e.check(ctx)
		if err == nil {
			return nil
		}
		e.logger.Info("lost leadership: lock connection failed", "err", err)
		discard(e.conn)
		e.conn = nil
	}
	return e.acquire(ctx)
}

// check runs a trivial query on the lock's connection. It deliberately ignores cancellation of
// ctx (gocron passes a job's context, cancelled when the job is removed or the scheduler stops):
// cancelling a query can cost pgx the connection, and with it a lock that was still good.
func (e *Elector) check(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), checkTimeout)
	defer cancel()
	var one int
	if err := e.conn.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("leader %q: check lock connection: %w", e.name, err)
	}
	return nil
}

// acquire tries the lock on a connection from the pool and, on success, keeps that connection.
// Callers hold e.mu.
func (e *Elector) acquire(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, acquireTimeout)
	defer cancel()
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return e.acquireFailed(fmt.Errorf("leader %q: get connection: %w", e.name, err))
	}
	var got bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", e.key).Scan(&got); err != nil {
		// The lock may have been granted before the error (a timeout after the server
		// answered), so this connection must not go back to the pool.
		discard(conn)
		return e.acquireFailed(fmt.Errorf("leader %q: try advisory lock: %w", e.name, err))
	}
	e.failing = false
	if !got {
		_ = conn.Close() // back to the pool: it holds no lock
		return ErrNotLeader
	}
	e.conn = conn
	e.logger.Info("became leader")
	return nil
}

// acquireFailed logs the first error of a run of them (gocron discards IsLeader's errors, so an
// outage would otherwise be silent) and returns err.
func (e *Elector) acquireFailed(err error) error {
	if !e.failing {
		e.failing = true
		e.logger.Warn("cannot compete for leadership", "err", err)
	}
	return err
}

// Start is the elector's part of starting a server: nothing, since the lock is taken when the
// scheduler first asks who leads (IsLeader).
func (e *Elector) Start(context.Context) error { return nil }

// Stop gives up leadership (Close), logging what went wrong.
func (e *Elector) Stop() {
	if err := e.Close(); err != nil {
		e.logger.Error("give up leadership", "err", err)
	}
}

// Close gives up leadership: it unlocks and closes the lock's connection, so another replica can
// take over at its next tick. Afterwards IsLeader returns [ErrNotLeader]. Close is idempotent; the
// error, if any, is from the explicit unlock, and the lock is released regardless because its
// session is ended.
func (e *Elector) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	if e.conn == nil {
		return nil
	}
	conn := e.conn
	e.conn = nil
	ctx, cancel := context.WithTimeout(context.Background(), unlockTimeout)
	defer cancel()
	var released bool
	err := conn.QueryRowContext(ctx, "SELECT pg_advisory_unlock($1)", e.key).Scan(&released)
	// Closing the session releases the lock even when the unlock failed, and keeps a session
	// that might still hold it out of the pool.
	discard(conn)
	e.logger.Info("gave up leadership")
	switch {
	case err != nil:
		return fmt.Errorf("leader %q: unlock: %w", e.name, err)
	case !released:
		return fmt.Errorf("leader %q: unlock: lock was not held by this session", e.name)
	}
	return nil
}

// discard closes conn's underlying connection instead of returning it to the pool: database/sql
// closes a connection for which Raw's function reports driver.ErrBadConn. A plain Close would hand
// a session that may still hold the lock to other queries, and the lock would then never be
// released.
func discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	_ = conn.Close()
}
