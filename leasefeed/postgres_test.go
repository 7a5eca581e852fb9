package leasefeed

import (
	"context"
	"crypto/rand"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// waitEvent bounds how long a test waits for an event that should arrive.
const waitEvent = 30 * time.Second

// postgresDSN returns the test server's DSN, or skips the test when none is configured.
func postgresDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("HARDCANDY_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("HARDCANDY_TEST_POSTGRES is not set: skipping the Postgres LISTEN/NOTIFY bridge test " +
			"(set it to a DSN, e.g. postgres://root@127.0.0.1:5432/test?sslmode=disable)")
	}
	return dsn
}

// uniqueChannel keeps parallel tests, and test runs sharing the server, from hearing each other.
func uniqueChannel() string { return "hc_test_" + strings.ToLower(rand.Text()) }

// replica is one server's feed with its bridge started.
type replica struct {
	feed   *Feed
	bridge *PostgresBridge
}

func startReplica(t *testing.T, dsn, channel string) replica {
	t.Helper()
	f := New()
	b := NewPostgresBridge(dsn, f, slog.New(slog.NewTextHandler(t.Output(), nil)), WithChannel(channel))
	require.NoError(t, b.Start(t.Context()))
	t.Cleanup(b.Stop)
	return replica{feed: f, bridge: b}
}

// admin connects a connection for inspecting and disturbing the server from outside.
func admin(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), dsn)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn
}

// listeners returns the backends LISTENing on channel.
func listeners(ctx context.Context, conn *pgx.Conn, channel string) ([]uint32, error) {
	rows, err := conn.Query(ctx, `SELECT pid FROM pg_stat_activity
		WHERE query LIKE 'LISTEN %' AND strpos(query, $1) > 0 AND pid <> pg_backend_pid()`, channel)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[uint32])
}

// listenersBecome waits until exactly n backends LISTEN on channel and returns them.
func listenersBecome(t *testing.T, conn *pgx.Conn, channel string, n int) []uint32 {
	t.Helper()
	var pids []uint32
	require.Eventually(t, func() bool {
		var err error
		pids, err = listeners(t.Context(), conn, channel)
		return err == nil && len(pids) == n
	}, waitEvent, 10*time.Millisecond, "%d listeners on %s", n, channel)
	return pids
}

func recv(t *testing.T, ch <-chan Event) Event {
	t.Helper()
	select {
	case e := <-ch:
		return e
	case <-time.After(waitEvent):
		t.Fatal("no event within", waitEvent)
		return Event{}
	}
}

// requireNext asserts the next events on ch are want, in order; a duplicate or stray event
// shows up as a mismatch, since the tests end each sequence with an event of their own.
func requireNext(t *testing.T, ch <-chan Event, want ...Event) {
	t.Helper()
	for _, w := range want {
		got := recv(t, ch)
		require.Truef(t, w.At.Equal(got.At), "at: want %v, got %v", w.At, got.At)
		w.At, got.At = w.At.UTC(), got.At.UTC()
		require.Equal(t, w, got)
	}
}

func TestPostgresBridgeAcrossReplicas(t *testing.T) {
	t.Parallel()
	dsn, channel := postgresDSN(t), uniqueChannel()
	a, b, c := startReplica(t, dsn, channel), startReplica(t, dsn, channel), startReplica(t, dsn, channel)

	ctx := t.Context()
	subA, subB, subC := a.feed.Subscribe(ctx, nil), b.feed.Subscribe(ctx, nil), c.feed.Subscribe(ctx, nil)
	ownerSeven := b.feed.Subscribe(ctx, func(e Event) bool { return e.OwnerID == 7 })

	// A zone other than UTC and nanoseconds, so the JSON round trip has something to lose.
	at := time.Date(2025, 3, 4, 5, 6, 7, 123456789, time.FixedZone("CET", 3600))
	e1 := Event{LeaseID: 11, OwnerID: 3, CostCenterID: 42, Kind: "ACTIVE", At: at}
	e2 := Event{LeaseID: 12, OwnerID: 7, Kind: "extended", At: at.Add(time.Minute)} // no cost center: omitted
	end := Event{LeaseID: 13, OwnerID: 7, Kind: "RETURNED", At: at.Add(time.Hour)}
	for _, e := range []Event{e1, e2, end} {
		a.feed.Publish(e)
	}

	requireNext(t, subA, e1, e2, end)
	requireNext(t, subB, e1, e2, end)
	requireNext(t, subC, e1, e2, end)
	requireNext(t, ownerSeven, e2, end)
}

func TestPostgresBridgeReconnects(t *testing.T) {
	t.Parallel()
	dsn, channel := postgresDSN(t), uniqueChannel()
	a, b := startReplica(t, dsn, channel), startReplica(t, dsn, channel)
	subA, subB := a.feed.Subscribe(t.Context(), nil), b.feed.Subscribe(t.Context(), nil)
	db := admin(t, dsn)

	before := listenersBecome(t, db, channel, 2)
	var killed int
	require.NoError(t, db.QueryRow(t.Context(), `SELECT count(*) FROM pg_stat_activity
		WHERE pid = ANY($1) AND pg_terminate_backend(pid)`, before).Scan(&killed))
	require.Equal(t, 2, killed)

	// Events notified before a listener is back are lost, so keep publishing until B, which can
	// only hear A's events through its own listener, has one.
	lease := 0
	require.Eventually(t, func() bool {
		lease++
		a.feed.Publish(Event{LeaseID: lease, Kind: "ACTIVE"})
		select {
		case <-subB:
			return true
		default:
			return false
		}
	}, time.Minute, 20*time.Millisecond)
	after := listenersBecome(t, db, channel, 2)
	require.NotContains(t, after, before[0])
	require.NotContains(t, after, before[1])

	// Both listeners are back: the next event reaches both replicas, once.
	end := Event{LeaseID: -1, Kind: "RETURNED", At: time.Now()}
	a.feed.Publish(end)
	for _, sub := range []<-chan Event{subA, subB} {
		for e := recv(t, sub); e.LeaseID != end.LeaseID; e = recv(t, sub) {
			require.Less(t, e.LeaseID, lease+1, "only polling events come before the last one")
		}
		select {
		case e := <-sub:
			t.Fatalf("an event after the last one: %+v", e)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func TestPostgresBridgeReplacesDroppedPublisher(t *testing.T) {
	t.Parallel()
	dsn, channel := postgresDSN(t), uniqueChannel()
	a, b := startReplica(t, dsn, channel), startReplica(t, dsn, channel)
	subB := b.feed.Subscribe(t.Context(), nil)

	// The server drops A's idle publishing connections, as a restart or an idle timeout would.
	var pids []uint32
	for _, c := range a.bridge.pool.AcquireAllIdle(t.Context()) {
		pids = append(pids, c.Conn().PgConn().PID())
		c.Release()
	}
	require.NotEmpty(t, pids)
	var killed int
	require.NoError(t, admin(t, dsn).QueryRow(t.Context(),
		`SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1) AND pg_terminate_backend(pid)`, pids).Scan(&killed))
	require.Equal(t, len(pids), killed)
	time.Sleep(1100 * time.Millisecond) // idle long enough that the pool checks them before use

	e := Event{LeaseID: 5, OwnerID: 1, Kind: "ACTIVE", At: time.Now()}
	a.feed.Publish(e)
	requireNext(t, subB, e) // crossed replicas: not the local fallback
}

func TestPostgresBridgeFallsBackLocally(t *testing.T) {
	t.Parallel()
	dsn, channel := postgresDSN(t), uniqueChannel()
	a, b := startReplica(t, dsn, channel), startReplica(t, dsn, channel)
	subA, subB := a.feed.Subscribe(t.Context(), nil), b.feed.Subscribe(t.Context(), nil)

	// Postgres refuses payloads of 8000 bytes or more, so this notify fails.
	big := Event{LeaseID: 1, Kind: strings.Repeat("x", 8000), At: time.Now()}
	a.feed.Publish(big)
	end := Event{LeaseID: 2, Kind: "RETURNED", At: time.Now()}
	a.feed.Publish(end) // the failed notify left the publishing connection usable

	requireNext(t, subA, big, end)
	requireNext(t, subB, end)
}

func TestPostgresBridgeStop(t *testing.T) {
	t.Parallel()
	dsn, channel := postgresDSN(t), uniqueChannel()
	f := New()
	a := NewPostgresBridge(dsn, f, slog.New(slog.NewTextHandler(t.Output(), nil)), WithChannel(channel))
	require.NoError(t, a.Start(t.Context()))
	t.Cleanup(a.Stop) // should the test fail before it stops a itself
	require.Error(t, a.Start(t.Context()), "a second Start")
	b := startReplica(t, dsn, channel)
	subA, subB := f.Subscribe(t.Context(), nil), b.feed.Subscribe(t.Context(), nil)
	db := admin(t, dsn)
	listenersBecome(t, db, channel, 2)

	a.Stop()
	require.Nil(t, f.bridge.Load())
	select {
	case <-a.done:
	default:
		t.Fatal("the listener goroutine outlived Stop")
	}
	listenersBecome(t, db, channel, 1) // Stop closed the listening connection
	a.Stop()                           // again: harmless
	require.Error(t, a.Start(t.Context()), "Start after Stop")

	// A publishes locally now; B notifies, and would hear A's event first had A notified it.
	local := Event{LeaseID: 1, Kind: "ACTIVE", At: time.Now()}
	f.Publish(local)
	requireNext(t, subA, local)
	end := Event{LeaseID: 2, Kind: "RETURNED", At: time.Now()}
	b.feed.Publish(end)
	requireNext(t, subB, end)
	select {
	case e := <-subA:
		t.Fatalf("a stopped replica heard %+v", e)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestPostgresBridgeRefusesBadConfig(t *testing.T) {
	t.Parallel()
	for name, b := range map[string]*PostgresBridge{
		"empty channel":   NewPostgresBridge("postgres://localhost/x", New(), nil, WithChannel("")),
		"long channel":    NewPostgresBridge("postgres://localhost/x", New(), nil, WithChannel(strings.Repeat("c", 64))),
		"unparseable DSN": NewPostgresBridge("postgres://%zz", New(), nil),
	} {
		t.Run(name, func(t *testing.T) {
			require.Error(t, b.Start(t.Context()))
			require.Nil(t, b.feed.bridge.Load())
			b.Stop()
		})
	}
}
