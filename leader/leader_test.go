package leader

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-co-op/gocron/v2"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/stretchr/testify/require"
)

// postgresEnv names the variable holding the DSN of the PostgreSQL server the tests run against.
const postgresEnv = "HARDCANDY_TEST_POSTGRES"

// testDSN returns the test server's DSN, or skips t when none is configured.
func testDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		t.Skipf("%s is not set: set it to a PostgreSQL DSN (e.g. postgres://root@127.0.0.1:5432/test?sslmode=disable) to run the leader election tests", postgresEnv)
	}
	return dsn
}

// openDB opens a pool of its own, as a separate replica would.
func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", testDSN(t))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	require.NoError(t, db.PingContext(t.Context()))
	return db
}

// lockName is unique per test and run, so parallel tests and -count runs never share a lock.
func lockName(t *testing.T) string {
	return fmt.Sprintf("%s/%016x", t.Name(), rand.Uint64())
}

// newElector returns an elector closed when t ends (Cleanup runs last-in first-out, so before
// db's pool closes).
func newElector(t *testing.T, db *sql.DB, name string, logger *slog.Logger) *Elector {
	t.Helper()
	e := New(db, name, logger)
	t.Cleanup(func() { _ = e.Close() })
	return e
}

// replicas returns n electors on name, each on its own pool like separate server processes.
func replicas(t *testing.T, name string, n int) []*Elector {
	t.Helper()
	es := make([]*Elector, n)
	for i := range es {
		es[i] = newElector(t, openDB(t), name, nil)
	}
	return es
}

// leaders asks every elector once, in order, and returns the indexes of those that lead. Any
// answer other than nil or ErrNotLeader fails the test.
func leaders(t *testing.T, es []*Elector) []int {
	t.Helper()
	var out []int
	for i, e := range es {
		err := e.IsLeader(t.Context())
		if err == nil {
			out = append(out, i)
			continue
		}
		require.ErrorIs(t, err, ErrNotLeader, "elector %d", i)
	}
	return out
}

// holderPID returns the backend pid holding name's lock in the current database, if any.
func holderPID(t *testing.T, db *sql.DB, name string) (int, bool) {
	t.Helper()
	var pid int
	err := db.QueryRowContext(t.Context(), `
		SELECT pid FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND objsubid = 1
		  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		  AND ((classid::int8 << 32) | objid::int8) = $1`, lockKey(name)).Scan(&pid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false
	}
	require.NoError(t, err)
	return pid, true
}

// bufferLogger logs to a buffer the test reads after the logging calls have returned.
func bufferLogger() (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(slog.NewTextHandler(&buf, nil)), &buf
}

func TestLockKey(t *testing.T) {
	t.Parallel()
	fnvOf := func(s string) int64 {
		h := fnv.New64a()
		_, _ = h.Write([]byte(s))
		return int64(h.Sum64())
	}
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{name: "stable", a: "scheduler", b: "scheduler", same: true},
		{name: "names differ", a: "scheduler", b: "scheduler2"},
		{name: "empty name", a: "", b: "scheduler"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, fnvOf("hardcandy:"+tt.a), lockKey(tt.a))
			require.Equal(t, tt.same, lockKey(tt.a) == lockKey(tt.b))
		})
	}
}

func TestClosedElectorNeedsNoDatabase(t *testing.T) {
	t.Parallel()
	e := New(nil, "closed", nil) // a nil pool: a closed elector must not touch it
	require.NoError(t, e.Close())
	require.NoError(t, e.Close())
	require.ErrorIs(t, e.IsLeader(t.Context()), ErrNotLeader)
}

func TestUnreachableDatabase(t *testing.T) {
	t.Parallel()
	// Nothing listens on port 1, so connecting fails at once; no server is needed.
	db, err := sql.Open("pgx", "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	logger, logs := bufferLogger()
	e := newElector(t, db, "unreachable", logger)

	for range 3 {
		err := e.IsLeader(t.Context())
		require.Error(t, err)
		require.NotErrorIs(t, err, ErrNotLeader, "a database error is not a verdict on leadership")
		require.Contains(t, err.Error(), `leader "unreachable"`)
	}
	require.Equal(t, 1, strings.Count(logs.String(), "cannot compete for leadership"),
		"an outage is logged once, not on every tick:\n%s", logs)
}

func TestOneLeaderAmongReplicas(t *testing.T) {
	testDSN(t)
	t.Parallel()
	tests := []struct {
		name     string
		replicas int
	}{
		{name: "single replica", replicas: 1},
		{name: "three replicas", replicas: 3},
		{name: "five replicas", replicas: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			es := replicas(t, lockName(t), tt.replicas)
			first := leaders(t, es)
			require.Len(t, first, 1)
			for range 5 {
				require.Equal(t, first, leaders(t, es), "leadership must be stable while the leader lives")
			}
		})
	}
}

func TestNamesAreIndependent(t *testing.T) {
	t.Parallel()
	// Three replicas, each running an elector for two names on the same pool.
	pools := []*sql.DB{openDB(t), openDB(t), openDB(t)}
	names := []string{lockName(t) + "/a", lockName(t) + "/b"}
	groups := make([][]*Elector, len(names))
	for g, name := range names {
		for _, db := range pools {
			groups[g] = append(groups[g], newElector(t, db, name, nil))
		}
	}
	// Replica 0 takes name a; replica 1 asks first for name b and so takes it.
	require.Equal(t, []int{0}, leaders(t, groups[0]))
	require.NoError(t, groups[1][1].IsLeader(t.Context()))
	require.Equal(t, []int{1}, leaders(t, groups[1]))

	// Giving up a does not disturb b.
	require.NoError(t, groups[0][0].Close())
	require.Len(t, leaders(t, groups[0]), 1)
	require.Equal(t, []int{1}, leaders(t, groups[1]))
}

func TestCloseHandsOver(t *testing.T) {
	testDSN(t)
	t.Parallel()
	tests := []struct {
		name    string
		closing int // index of the elector that closes; elector 0 leads
		// wantLeaders are the electors that may lead afterwards.
		wantLeaders []int
	}{
		{name: "leader closes", closing: 0, wantLeaders: []int{1, 2}},
		{name: "follower closes", closing: 1, wantLeaders: []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			name := lockName(t)
			es := replicas(t, name, 3)
			require.Equal(t, []int{0}, leaders(t, es))

			require.NoError(t, es[tt.closing].Close())
			require.NoError(t, es[tt.closing].Close(), "Close is idempotent")
			require.ErrorIs(t, es[tt.closing].IsLeader(t.Context()), ErrNotLeader)

			after := leaders(t, es)
			require.Len(t, after, 1)
			require.Subset(t, tt.wantLeaders, after)
			require.Equal(t, after, leaders(t, es))

			// Once every elector is closed, no session holds the lock: the closed
			// connections did not go back to a pool still holding it.
			for _, e := range es {
				require.NoError(t, e.Close())
			}
			_, held := holderPID(t, openDB(t), name)
			require.False(t, held)
		})
	}
}

func TestKilledBackend(t *testing.T) {
	testDSN(t)
	t.Parallel()
	tests := []struct {
		name string
		// rivalsFirst makes the other replicas ask before the old leader does.
		rivalsFirst bool
	}{
		{name: "another replica takes over", rivalsFirst: true},
		{name: "old leader reacquires on a fresh connection", rivalsFirst: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			name := lockName(t)
			logger, logs := bufferLogger()
			es := []*Elector{newElector(t, openDB(t), name, logger)}
			es = append(es, replicas(t, name, 2)...)
			old, rivals := es[0], es[1:]
			require.Equal(t, []int{0}, leaders(t, es))
			require.Contains(t, logs.String(), "became leader")

			admin := openDB(t)
			pid, held := holderPID(t, admin, name)
			require.True(t, held)
			var terminated bool
			// The timeout makes pg_terminate_backend wait until the backend is gone.
			require.NoError(t, admin.QueryRowContext(t.Context(),
				"SELECT pg_terminate_backend($1, 5000)", pid).Scan(&terminated))
			require.True(t, terminated)
			_, held = holderPID(t, admin, name)
			require.False(t, held, "the lock ends with its session")

			if tt.rivalsFirst {
				require.Len(t, leaders(t, rivals), 1)
				require.ErrorIs(t, old.IsLeader(t.Context()), ErrNotLeader,
					"the old leader must notice its session is gone")
			} else {
				require.NoError(t, old.IsLeader(t.Context()))
				newPID, held := holderPID(t, admin, name)
				require.True(t, held)
				require.NotEqual(t, pid, newPID)
				require.Empty(t, leaders(t, rivals))
			}
			require.Contains(t, logs.String(), "lost leadership")
			for range 3 {
				require.Len(t, leaders(t, es), 1)
			}
		})
	}
}

func TestConcurrentIsLeader(t *testing.T) {
	testDSN(t)
	t.Parallel()
	const goroutines, calls = 16, 25
	es := replicas(t, lockName(t), 2)
	leader, rival := es[0], es[1]
	require.Equal(t, []int{0}, leaders(t, es))

	// Many job goroutines ask both electors at once: the answers never change.
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range calls {
				if err := leader.IsLeader(t.Context()); err != nil {
					t.Errorf("leader: %v", err)
				}
				if err := rival.IsLeader(t.Context()); !errors.Is(err, ErrNotLeader) {
					t.Errorf("rival: %v, want ErrNotLeader", err)
				}
			}
		})
	}
	wg.Wait()

	// Close races with callers: each answer is nil or ErrNotLeader, and none is nil once Close
	// has returned.
	var closed atomic.Bool
	for range goroutines {
		wg.Go(func() {
			for range calls {
				wasClosed := closed.Load()
				err := leader.IsLeader(t.Context())
				if err != nil && !errors.Is(err, ErrNotLeader) {
					t.Errorf("leader while closing: %v", err)
				}
				if wasClosed && err == nil {
					t.Error("leader answered nil after Close returned")
				}
			}
		})
	}
	wg.Go(func() {
		time.Sleep(5 * time.Millisecond)
		if err := leader.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		closed.Store(true)
	})
	wg.Wait()
	require.NoError(t, rival.IsLeader(t.Context()))
}

func TestGocronRunsJobsOnTheLeaderOnly(t *testing.T) {
	testDSN(t)
	t.Parallel()
	es := replicas(t, lockName(t), 2)
	counters := make([]atomic.Int64, len(es))
	schedulers := make([]gocron.Scheduler, len(es))
	for i, e := range es {
		s, err := gocron.NewScheduler(gocron.WithDistributedElector(e), gocron.WithStopTimeout(time.Second))
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Shutdown() })
		_, err = s.NewJob(gocron.DurationJob(100*time.Millisecond), gocron.NewTask(func() { counters[i].Add(1) }))
		require.NoError(t, err)
		schedulers[i] = s
	}
	for _, s := range schedulers {
		s.Start()
	}

	// However slowly a loaded machine runs them: wait for five runs, then see whose they were.
	require.Eventually(t, func() bool { return counters[0].Load()+counters[1].Load() >= 5 }, time.Minute, 10*time.Millisecond)
	runs := []int64{counters[0].Load(), counters[1].Load()}
	lead := 0
	if runs[1] > runs[0] {
		lead = 1
	}
	follow := 1 - lead
	require.GreaterOrEqual(t, runs[lead], int64(5), "the leader runs the job every 100ms: %v", runs)
	require.Zero(t, runs[follow], "the follower must not run the job: %v", runs)

	require.NoError(t, es[lead].Close())
	require.NoError(t, schedulers[lead].Shutdown())
	stopped := counters[lead].Load()
	require.Eventually(t, func() bool { return counters[follow].Load() >= 2 }, time.Minute, 20*time.Millisecond,
		"the follower takes over at its next tick")
	require.Equal(t, stopped, counters[lead].Load(), "the old leader's scheduler is shut down")
}
