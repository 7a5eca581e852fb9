package reclaim

import (
	"context"
	"time"

	"github.com/hardcandy/hardcandy/ent"
)

// Outcomes of one item's reclamation, as Observer.Reclaimed hears them.
const (
	OutcomeOK          = "ok"          // wiped: AVAILABLE again
	OutcomeRetry       = "retry"       // failed; tried again after the backoff
	OutcomeMaintenance = "maintenance" // failed for the last time: MAINTENANCE
)

// Observer hears of reclaim runs and of each item's outcome, for metrics and traces. It must
// be safe for concurrent use.
type Observer interface {
	// Run starts a run; the returned function ends it with how many items it handled.
	Run(ctx context.Context) (context.Context, func(handled int, err error))
	// Reclaimed reports one item's outcome, one of the Outcome* constants.
	Reclaimed(ctx context.Context, outcome string)
}

// Run reclaims the REBUILDING items whose next attempt is due at now (see run): the
// reclaim-items job.
func (s *Service) Run(ctx context.Context, now time.Time) (int, error) {
	if s.deps.Observer == nil {
		return s.run(ctx, now)
	}
	ctx, end := s.deps.Observer.Run(ctx)
	n, err := s.run(ctx, now)
	end(n, err)
	return n, err
}

// record writes one reclaim's outcome (see recordTx) and reports it.
func (s *Service) record(ctx context.Context, it *ent.InventoryItem, rerr error) error {
	err := s.recordTx(ctx, it, rerr)
	if s.deps.Observer != nil && err == nil {
		outcome := OutcomeOK
		if rerr != nil {
			outcome = OutcomeRetry
			if it.ReclaimAttempts+1 >= s.cfg.MaxAttempts {
				outcome = OutcomeMaintenance
			}
		}
		s.deps.Observer.Reclaimed(ctx, outcome)
	}
	return err
}
