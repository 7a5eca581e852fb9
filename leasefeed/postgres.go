package leasefeed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hardcandy/hardcandy/backoff"
)

// DefaultChannel is the Postgres NOTIFY channel the replicas of one deployment share.
const DefaultChannel = "hardcandy_lease_events"

const (
	// publishers is how many connections may send pg_notify at once; a notify takes well under a
	// millisecond, so a couple absorb bursts of concurrent commits.
	publishers = 2
	// publishTimeout bounds how long Publish may hold up the request that committed the change.
	publishTimeout = 2 * time.Second
	// minBackoff and maxBackoff bound the wait between attempts to re-establish LISTEN.
	minBackoff = 100 * time.Millisecond
	maxBackoff = 5 * time.Second
	// closeTimeout bounds saying goodbye to the server on a connection that may already be dead.
	closeTimeout = time.Second
	// maxChannelLen is Postgres's identifier limit (NAMEDATALEN-1); LISTEN would silently
	// truncate a longer name while pg_notify rejects it, so the two would never meet.
	maxChannelLen = 63
	// listenerAppName and publisherAppName mark the connections in pg_stat_activity unless the
	// DSN names an application.
	listenerAppName  = "hardcandy-leasefeed"
	publisherAppName = "hardcandy-leasefeed-publish"
)

// errStopped tells publish that the bridge is stopping, so the event stays on this replica.
var errStopped = errors.New("leasefeed: postgres bridge stopped")

// PostgresBridge carries a Feed's events between replicas that share one PostgreSQL database
// with LISTEN/NOTIFY: Publish on any replica sends the event as JSON with pg_notify, and every
// replica's bridge (the publishing one included) Delivers it to its own subscribers.
//
// Delivery is at most once, like the Feed itself: while the listening connection is broken and
// being re-established (with a back-off of 100ms doubling up to 5s), events notified by other
// replicas are lost, and an event whose notify fails is delivered only on the publishing replica.
type PostgresBridge struct {
	dsn     string
	feed    *Feed
	logger  *slog.Logger
	channel string

	// pool publishes. pgxpool replaces connections the server dropped: one idle for over a
	// second is pinged before use.
	pool *pgxpool.Pool
	// stopping closes when Stop begins, so publishes in flight stay local instead of waiting.
	stopping chan struct{}

	mu      sync.Mutex
	started bool
	stopped bool
	config  *pgx.ConnConfig    // parsed once by Start
	cancel  context.CancelFunc // ends the listener
	done    chan struct{}      // closes when the listener has exited
}

// PostgresOption tunes a PostgresBridge.
type PostgresOption func(*PostgresBridge)

// WithChannel replaces DefaultChannel, e.g. to keep concurrent tests or deployments sharing a
// database apart. The name is used as is (case-sensitive) and may be at most 63 bytes.
func WithChannel(name string) PostgresOption { return func(b *PostgresBridge) { b.channel = name } }

// NewPostgresBridge returns a bridge for feed over the database at dsn; Start makes it live. A
// nil logger means slog.Default().
func NewPostgresBridge(dsn string, feed *Feed, logger *slog.Logger, opts ...PostgresOption) *PostgresBridge {
	if logger == nil {
		logger = slog.Default()
	}
	b := &PostgresBridge{
		dsn:      dsn,
		feed:     feed,
		logger:   logger,
		channel:  DefaultChannel,
		stopping: make(chan struct{}),
	}
	for _, o := range opts {
		o(b)
	}
	return b
}

// Start connects, LISTENs, and then routes the feed's Publish through the bridge. It returns
// once LISTEN is in effect, so no event another replica notifies after Start returns is missed;
// ctx bounds only that, and the listener runs until Stop.
func (b *PostgresBridge) Start(ctx context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.stopped:
		return errStopped
	case b.started:
		return errors.New("leasefeed: postgres bridge already started")
	case b.channel == "" || len(b.channel) > maxChannelLen:
		return fmt.Errorf("leasefeed: channel %q: must be 1 to %d bytes", b.channel, maxChannelLen)
	}
	cfg, err := pgx.ParseConfig(b.dsn)
	if err != nil {
		return fmt.Errorf("leasefeed: postgres bridge: %w", err)
	}
	b.config = cfg
	conn, err := b.listen(ctx)
	if err != nil {
		return err
	}
	pcfg, err := pgxpool.ParseConfig(b.dsn)
	if err != nil {
		closeConn(conn)
		return fmt.Errorf("leasefeed: postgres bridge: %w", err)
	}
	pcfg.MaxConns = publishers
	if pcfg.ConnConfig.RuntimeParams["application_name"] == "" {
		pcfg.ConnConfig.RuntimeParams["application_name"] = publisherAppName
	}
	if b.pool, err = pgxpool.NewWithConfig(ctx, pcfg); err == nil {
		// Connecting now surfaces problems at startup and spares the first event the setup.
		err = b.pool.Ping(ctx)
	}
	if err != nil {
		closeConn(conn)
		if b.pool != nil {
			b.pool.Close()
		}
		return fmt.Errorf("leasefeed: connecting to publish on %q: %w", b.channel, err)
	}

	// A startup deadline on ctx must not end the listener; only Stop does.
	lctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	b.cancel = cancel
	b.done = make(chan struct{})
	b.started = true
	b.feed.SetBridge(b.publish)
	go b.run(lctx, conn)
	return nil
}

// Stop ends the listener, routes the feed's Publish back to local delivery, and closes the
// connections, waiting for publishes in flight (at most a couple of seconds). It may be called
// more than once, and before Start.
func (b *PostgresBridge) Stop() {
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return
	}
	b.stopped = true
	close(b.stopping)
	if !b.started {
		b.mu.Unlock()
		return
	}
	b.feed.SetBridge(nil)
	b.cancel()
	b.mu.Unlock()

	<-b.done
	b.pool.Close() // waits for publishes holding a connection
}

// listen opens the dedicated connection and LISTENs on it; notifications queue on the connection
// from then on until the listener reads them.
func (b *PostgresBridge) listen(ctx context.Context) (*pgx.Conn, error) {
	cfg := b.config.Copy()
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = listenerAppName
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("leasefeed: connecting to listen on %q: %w", b.channel, err)
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{b.channel}.Sanitize()); err != nil {
		closeConn(conn)
		return nil, fmt.Errorf("leasefeed: LISTEN %q: %w", b.channel, err)
	}
	return conn, nil
}

// run delivers notifications until ctx ends, re-establishing LISTEN whenever the connection
// breaks; it owns conn and closes whichever connection it holds last.
func (b *PostgresBridge) run(ctx context.Context, conn *pgx.Conn) {
	defer close(b.done)
	// failures counts the attempts to re-establish LISTEN since it was last up.
	failures := 0
	for {
		if conn == nil {
			failures++
			if !sleep(ctx, backoff.Delay(minBackoff, maxBackoff, failures, 0)) {
				return
			}
			c, err := b.listen(ctx)
			if err != nil {
				if ctx.Err() != nil {
					return
				}
				b.logger.Warn("leasefeed: re-establishing LISTEN failed; retrying", "channel", b.channel,
					"retry_in", backoff.Delay(minBackoff, maxBackoff, failures+1, 0), "err", err)
				continue
			}
			conn, failures = c, 0
			b.logger.Info("leasefeed: listening again", "channel", b.channel)
		}

		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			closeConn(conn)
			conn = nil
			if ctx.Err() != nil {
				return
			}
			b.logger.Warn("leasefeed: lost the LISTEN connection; events from other replicas are lost until it is back",
				"channel", b.channel, "retry_in", backoff.Delay(minBackoff, maxBackoff, failures+1, 0), "err", err)
			continue
		}
		var e Event
		if err := json.Unmarshal([]byte(n.Payload), &e); err != nil {
			// Someone else notifying on our channel, or a replica of another version: skip the
			// one event rather than the stream.
			b.logger.Warn("leasefeed: undecodable notification", "channel", b.channel, "payload", n.Payload, "err", err)
			continue
		}
		b.feed.Deliver(e)
	}
}

// publish is the feed's bridge: it notifies every replica, or, when that fails, delivers the
// event here so this replica's subscribers still see it.
func (b *PostgresBridge) publish(e Event) {
	payload, err := json.Marshal(e)
	if err == nil {
		// The caller's context may be a request about to end; the event is already committed.
		ctx, cancel := context.WithTimeout(context.Background(), publishTimeout)
		err = b.notify(ctx, string(payload))
		cancel()
	}
	if err != nil {
		if !errors.Is(err, errStopped) {
			b.logger.Warn("leasefeed: notifying other replicas failed; delivering on this replica only",
				"channel", b.channel, "lease", e.LeaseID, "kind", e.Kind, "err", err)
		}
		b.feed.Deliver(e)
	}
}

// notify sends payload with pg_notify from the publishing pool.
func (b *PostgresBridge) notify(ctx context.Context, payload string) error {
	select {
	case <-b.stopping:
		return errStopped
	default:
	}
	// Outside any transaction on purpose: the change has committed, and pg_notify commits at once.
	if _, err := b.pool.Exec(ctx, "SELECT pg_notify($1, $2)", b.channel, payload); err != nil {
		select {
		case <-b.stopping: // the pool closed under us: the event stays here, quietly
			return errStopped
		default:
		}
		return fmt.Errorf("pg_notify on %q: %w", b.channel, err)
	}
	return nil
}

// closeConn closes a connection that may already be broken, without waiting on it for long.
func closeConn(conn *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	_ = conn.Close(ctx) // nothing to do about a failed goodbye
}

// sleep waits d unless ctx ends first; it reports whether the wait was complete.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
