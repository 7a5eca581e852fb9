package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
)

// Expiring sends "your lease ends soon" notices: the expiry-notices job.
type Expiring struct {
	client     *ent.Client
	store      *database.Store
	outbox     *Outbox
	cfg        Config
	thresholds []time.Duration // distinct, smallest first
	mu         sync.Mutex      // one run at a time in a process
}

// NewExpiring returns the job that enqueues expiring notices through outbox.
func NewExpiring(store *database.Store, outbox *Outbox, cfg Config) *Expiring {
	cfg = cfg.withDefaults()
	ts := sortedThresholds(cfg.Thresholds)
	if len(ts) == 0 {
		ts = sortedThresholds(DefaultThresholds)
	}
	return &Expiring{client: store.Client, store: store, outbox: outbox, cfg: cfg, thresholds: ts}
}

// due returns the threshold due for a lease with remaining time left out of a total length: the
// smallest threshold it has passed (remaining <= T). After downtime a lease thus gets the nearest
// warning, not a burst of stale ones. A threshold the lease never crossed, because it was
// shorter than that from the start, is no news: a 30-hour lease gets no "72h" warning.
func (e *Expiring) due(remaining, length time.Duration) (time.Duration, bool) {
	for _, t := range e.thresholds {
		if remaining <= t && length > t {
			return t, true
		}
	}
	return 0, false
}

// length is a lease's whole span, extensions included.
func length(l *ent.Lease) time.Duration {
	if l.StartsAt == nil || l.EndsAt == nil {
		return 0
	}
	return l.EndsAt.Sub(*l.StartsAt)
}

// candidate is a lease with a threshold due.
type candidate struct {
	id int
	t  time.Duration
}

// Run enqueues expiring notices for ACTIVE leases that have not ended by now: each lease within
// the largest threshold of its end gets the notice of the smallest threshold it has passed, unless
// a notice for that or a smaller threshold was written before. It pages through leases by ends_at
// (the (status, ends_at) index), one short transaction per page that has anything due, and stops
// once cfg.Batch leases got a notice. It returns how many leases got one.
func (e *Expiring) Run(ctx context.Context, now time.Time) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	now = now.UTC()
	sys := database.System(ctx)
	horizon := now.Add(e.thresholds[len(e.thresholds)-1])
	batch := e.cfg.Batch
	done := 0
	var last *ent.Lease
	for done < batch {
		q := e.client.Lease.Query().Where(entlease.StatusEQ(entlease.StatusACTIVE), entlease.EndsAtLTE(horizon))
		if last == nil {
			q.Where(entlease.EndsAtGT(now))
		} else {
			// Seek past the previous page, with a single lower bound on ends_at so the index range
			// starts there; the id breaks ties.
			q.Where(entlease.EndsAtGTE(*last.EndsAt),
				entlease.Not(entlease.And(entlease.EndsAt(*last.EndsAt), entlease.IDLTE(last.ID))))
		}
		page, err := q.Order(ent.Asc(entlease.FieldEndsAt), ent.Asc(entlease.FieldID)).Limit(batch).
			Select(entlease.FieldID, entlease.FieldStartsAt, entlease.FieldEndsAt).All(sys)
		if err != nil {
			return done, fmt.Errorf("expiring notices: leases: %w", err)
		}
		if len(page) == 0 {
			break
		}
		// Find what is due outside any transaction, so pages of leases warned already cost reads
		// only; the transaction below checks again before it writes.
		var due []candidate
		for _, l := range page {
			t, ok := e.due(l.EndsAt.Sub(now), length(l))
			if !ok {
				continue
			}
			covered, err := warned(sys, e.client.Notice, l.ID, *l.EndsAt, t)
			if err != nil {
				return done, err
			}
			if !covered {
				due = append(due, candidate{id: l.ID, t: t})
			}
		}
		if len(due) > batch-done {
			due = due[:batch-done]
		}
		if len(due) > 0 {
			n, err := e.enqueue(sys, now, due)
			if err != nil {
				return done, err
			}
			done += n
		}
		if len(page) < batch {
			break
		}
		last = page[len(page)-1]
	}
	return done, nil
}

// enqueue writes the due notices in one transaction, checking each lease again under the lock.
func (e *Expiring) enqueue(ctx context.Context, now time.Time, due []candidate) (int, error) {
	n := 0
	err := e.store.Write(ctx, func(tx *database.Tx) error {
		n = 0
		for _, c := range due {
			l, err := tx.Lease.Query().Where(entlease.ID(c.id), entlease.StatusEQ(entlease.StatusACTIVE),
				entlease.EndsAtGT(now)).Select(entlease.FieldID, entlease.FieldStartsAt, entlease.FieldEndsAt).Only(ctx)
			if ent.IsNotFound(err) {
				continue // returned or expired meanwhile
			}
			if err != nil {
				return fmt.Errorf("expiring notice: lease %d: %w", c.id, err)
			}
			t, ok := e.due(l.EndsAt.Sub(now), length(l))
			if !ok {
				continue // extended meanwhile
			}
			covered, err := warned(ctx, tx.Notice, l.ID, *l.EndsAt, t)
			if err != nil {
				return err
			}
			if covered {
				continue
			}
			id := l.ID
			k, err := e.outbox.enqueue(ctx, tx, now, Event{Kind: KindExpiring, LeaseID: &id, Threshold: FormatThreshold(t)})
			if err != nil {
				return fmt.Errorf("expiring notice: lease %d: %w", id, err)
			}
			if k > 0 {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// warned reports whether an expiring notice for lease, ending at end, at threshold t or a smaller
// one exists: every end gets its warnings once, so an extended lease is warned again. It reads
// the lease's dedupe keys as a range of the unique index ("expiring:<lease>:" up to
// "expiring:<lease>;"), which needs no index on lease_id and no LIKE.
func warned(ctx context.Context, notices *ent.NoticeClient, leaseID int, end time.Time, t time.Duration) (bool, error) {
	prefix := expiringPrefix(leaseID)
	upper := strings.TrimSuffix(prefix, ":") + ";" // ';' sorts right after ':'
	keys, err := notices.Query().Where(notice.DedupeKeyGTE(prefix), notice.DedupeKeyLT(upper)).
		Select(notice.FieldDedupeKey).Strings(ctx)
	if err != nil {
		return false, fmt.Errorf("expiring notices of lease %d: %w", leaseID, err)
	}
	endKey := strconv.FormatInt(end.Unix(), 10)
	var legacy []string
	for _, k := range keys {
		th, _, _ := strings.Cut(strings.TrimPrefix(k, prefix), ":")
		th, at, hasEnd := strings.Cut(th, "@")
		d, err := duration.Parse(th)
		if err != nil || d.Std() > t {
			continue // not a key this package wrote, or a larger threshold
		}
		switch {
		case hasEnd && at == endKey:
			return true, nil
		case !hasEnd:
			legacy = append(legacy, k)
		}
	}
	if len(legacy) == 0 {
		return false, nil
	}
	// Keys written before they named the end: the notice's payload says which end it warned of.
	payloads, err := notices.Query().Where(notice.DedupeKeyIn(legacy...)).Select(notice.FieldPayload).All(ctx)
	if err != nil {
		return false, fmt.Errorf("expiring notices of lease %d: %w", leaseID, err)
	}
	for _, n := range payloads {
		var p Payload
		if json.Unmarshal(n.Payload, &p) == nil && p.EndsAt != nil && p.EndsAt.Unix() == end.Unix() {
			return true, nil
		}
	}
	return false, nil
}
