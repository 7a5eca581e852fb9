// Package reclaim wipes what comes back: items in REBUILDING go through the dispenser's Reclaim
// and return to the shelf, or to MAINTENANCE after repeated failures.
package reclaim

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/backoff"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// Config tunes reclamation.
type Config struct {
	// MaxAttempts failures send an item to MAINTENANCE (default 5).
	MaxAttempts int `yaml:"max_attempts"`
	// Backoff is the wait after the first failure; it doubles per failure up to MaxBackoff
	// (defaults 1m and 1h).
	Backoff    duration.Duration `yaml:"backoff"`
	MaxBackoff duration.Duration `yaml:"max_backoff"`
	// Concurrency is how many dispenser calls run at once (default 8); Batch bounds a run (default 200).
	Concurrency int `yaml:"concurrency"`
	Batch       int `yaml:"batch"`
	// Timeout bounds one Reclaim call (default 10m).
	Timeout duration.Duration `yaml:"timeout"`
}

func (c Config) withDefaults() Config {
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 5
	}
	if c.Backoff <= 0 {
		c.Backoff = duration.Duration(time.Minute)
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = duration.Duration(time.Hour)
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 8
	}
	if c.Batch <= 0 {
		c.Batch = 200
	}
	if c.Timeout <= 0 {
		c.Timeout = duration.Duration(10 * time.Minute)
	}
	return c
}

// Service reclaims items.
type Service struct {
	store     *database.Store
	clock     clockwork.Clock
	dispenser dispenser.Dispenser
	cfg       Config
	mu        sync.Mutex // one run at a time in a process

	deps Deps
}

// Deps are the collaborators a reclaim service tells of what it did, each optional (nil: nobody
// is told), handed in at construction.
type Deps struct {
	// Notices receives a reclaim-failed notice for admins when an item goes to MAINTENANCE;
	// Deliver is then called to send it at once.
	Notices interface {
		Enqueue(ctx context.Context, tx *database.Tx, now time.Time, ev notify.Event) error
	}
	Deliver func()
	// Restocked is called after a run put wiped items back on the shelf, so the waiting lists
	// are served at once.
	Restocked func()
	// Observer hears of each run and each item's outcome (metrics, traces).
	Observer Observer
}

// NewService returns a reclaim service.
func NewService(store *database.Store, clock clockwork.Clock, d dispenser.Dispenser, cfg Config, deps Deps) *Service {
	return &Service{store: store, clock: clock, dispenser: d, cfg: cfg.withDefaults(), deps: deps}
}

// Backoff returns the wait after the given number of failures.
func (s *Service) Backoff(failures int) time.Duration {
	return backoff.Delay(s.cfg.Backoff.Std(), s.cfg.MaxBackoff.Std(), failures, 0)
}

// run reclaims the REBUILDING items whose next attempt is due at now, several at a time and
// outside any transaction: success → AVAILABLE; failure → retried later with exponential
// backoff; the MaxAttempts-th failure → MAINTENANCE with the last error. It is idempotent and
// bounded by Batch; it returns how many items it handled.
func (s *Service) run(ctx context.Context, now time.Time) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sys := database.System(ctx)
	items, err := s.store.Client.InventoryItem.Query().
		Where(inventoryitem.StatusEQ(inventory.Rebuilding),
			inventoryitem.Or(inventoryitem.NextAttemptAtIsNil(), inventoryitem.NextAttemptAtLTE(now))).
		Order(ent.Asc(inventoryitem.FieldStatusChangedAt)).Limit(s.cfg.Batch).WithProduct().All(sys)
	if err != nil {
		return 0, fmt.Errorf("find items to reclaim: %w", err)
	}
	errs := make([]error, len(items))
	sem := make(chan struct{}, s.cfg.Concurrency)
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			cctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout.Std())
			defer cancel()
			errs[i] = s.dispenser.Reclaim(cctx, inventory.DispenserItem(it, it.Edges.Product))
		}()
	}
	wg.Wait()
	restocked := false
	for i, it := range items {
		if err := s.record(sys, it, errs[i]); err != nil {
			return i, err
		}
		restocked = restocked || errs[i] == nil
	}
	if restocked && s.deps.Restocked != nil {
		s.deps.Restocked()
	}
	return len(items), nil
}

// recordTx writes one reclaim's outcome.
func (s *Service) recordTx(ctx context.Context, it *ent.InventoryItem, rerr error) error {
	now := s.clock.Now().UTC()
	if rerr == nil {
		return s.store.Write(ctx, func(tx *database.Tx) error {
			err := inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: []int{it.ID}, To: inventory.Available,
				From: ptr(inventory.Rebuilding), Actor: "reclaim", Reason: "wiped and reset"})
			if isConflict(err) {
				return nil // someone else moved it meanwhile (an admin, another run)
			}
			return err
		})
	}
	msg := rerr.Error()
	if de, ok := dispenser.AsError(rerr); ok {
		msg = de.Message
	}
	failures := it.ReclaimAttempts + 1
	if failures >= s.cfg.MaxAttempts {
		err := s.store.Write(ctx, func(tx *database.Tx) error {
			reason := fmt.Sprintf("reclaim failed %d times: %s", failures, msg)
			err := inventory.Transition(ctx, tx, now, inventory.Move{ItemIDs: []int{it.ID}, To: inventory.Maintenance,
				From: ptr(inventory.Rebuilding), Actor: "reclaim", LastError: &msg, Reason: reason})
			if isConflict(err) {
				return nil
			} else if err != nil || s.deps.Notices == nil {
				return err
			}
			return s.deps.Notices.Enqueue(ctx, tx, now, notify.Event{Kind: notify.KindReclaimFailed, ItemID: &it.ID, Message: reason})
		})
		if err == nil && s.deps.Deliver != nil {
			s.deps.Deliver()
		}
		return err
	}
	return s.store.Client.InventoryItem.Update().
		Where(inventoryitem.ID(it.ID), inventoryitem.StatusEQ(inventory.Rebuilding)).
		SetReclaimAttempts(failures).SetNextAttemptAt(now.Add(s.Backoff(failures))).SetLastError(msg).
		Exec(ctx)
}

func isConflict(err error) bool { return errors.Is(err, apperr.Conflict) }

func ptr[T any](v T) *T { return &v }
