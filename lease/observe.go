package lease

import (
	"context"
	"errors"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
)

// Flows and phases an Observer hears of.
const (
	FlowVend   = "vend"
	FlowReturn = "return"
	FlowExpire = "expire"

	// PhaseClaim is a vend's first transaction, PhaseDispense its dispenser calls and
	// PhaseActivate its second transaction (activation, or the unwinding of a failure).
	PhaseClaim    = "claim"
	PhaseDispense = "dispense"
	PhaseActivate = "activate"
)

// Vend outcomes, as Outcome.Result says them.
const (
	OutcomeActive     = "active"
	OutcomePending    = "pending"
	OutcomeScheduled  = "scheduled"    // booked ahead: a SCHEDULED lease
	OutcomeRefused    = "refused"      // the dispenser's policy check said no
	OutcomeFailed     = "failed"       // the dispenser failed; the lease is REJECTED
	OutcomeOutOfStock = "out_of_stock" // too few items AVAILABLE
	OutcomePolicy     = "policy"       // a product's or the user's limits
	OutcomeInvalid    = "invalid"      // bad input: nothing was tried
	OutcomeDenied     = "denied"       // not signed in, or not allowed
	OutcomeConflict   = "conflict"     // a concurrent change got in the way
	OutcomeError      = "error"        // anything else (INTERNAL)
	OutcomeOK         = "ok"           // a return or an expiry sweep that worked
)

// Outcome is how a flow ended.
type Outcome struct {
	// Result is one of the Outcome* constants: a bounded value, fit for a metric label.
	Result string
	// Products are the SKUs the flow was about (the billed lines of a vend), once the request
	// was resolved against the catalog; nil before that.
	Products []string
	// Count is how many leases the flow handled (an expiry sweep's).
	Count int
	Err   error
}

// Observer hears of the lease flows as they run, for metrics and traces. Each call returns the
// context the flow or phase runs in (a span's) and the function that ends it. Implementations
// must be safe for concurrent use; a nil Observer on the service observes nothing.
type Observer interface {
	Flow(ctx context.Context, flow string) (context.Context, func(Outcome))
	Phase(ctx context.Context, phase string) (context.Context, func(error))
}

// nopObserver is what a service without an Observer uses.
type nopObserver struct{}

func (nopObserver) Flow(ctx context.Context, _ string) (context.Context, func(Outcome)) {
	return ctx, func(Outcome) {}
}

func (nopObserver) Phase(ctx context.Context, _ string) (context.Context, func(error)) {
	return ctx, func(error) {}
}

func (s *Service) observer() Observer {
	if s.deps.Observer == nil {
		return nopObserver{}
	}
	return s.deps.Observer
}

// phase starts a phase of a vend.
func (s *Service) phase(ctx context.Context, name string) (context.Context, func(error)) {
	return s.observer().Phase(ctx, name)
}

// flowRecord is what a flow learns on its way that its outcome reports: the resolved products.
type flowRecord struct{ products []string }

type flowKey struct{}

// noteProducts records p's billed products on the flow running in ctx, if any.
func noteProducts(ctx context.Context, p *plan) {
	r, ok := ctx.Value(flowKey{}).(*flowRecord)
	if !ok || r.products != nil {
		return
	}
	for _, l := range p.billed {
		r.products = append(r.products, l.product.Sku)
	}
}

// Vend leases what in asks for: ACTIVE when dispensed, PENDING when a product needs approval
// (see vend).
func (s *Service) Vend(ctx context.Context, in VendInput) (*ent.Lease, error) {
	rec := &flowRecord{}
	ctx, end := s.observer().Flow(context.WithValue(ctx, flowKey{}, rec), FlowVend)
	l, err := s.vend(ctx, in)
	end(Outcome{Result: vendOutcome(l, err), Products: rec.products, Err: err})
	return l, err
}

// Return gives a lease back early (see returnLease).
func (s *Service) Return(ctx context.Context, id int) (*ent.Lease, error) {
	ctx, end := s.observer().Flow(ctx, FlowReturn)
	l, err := s.returnLease(ctx, id)
	end(Outcome{Result: flowOutcome(err), Err: err})
	return l, err
}

// Expire ends every ACTIVE lease whose end has passed at now (see expire).
func (s *Service) Expire(ctx context.Context, now time.Time) (int, error) {
	ctx, end := s.observer().Flow(ctx, FlowExpire)
	n, err := s.expire(ctx, now)
	end(Outcome{Result: flowOutcome(err), Count: n, Err: err})
	return n, err
}

// vendOutcome names how a vend ended.
func vendOutcome(l *ent.Lease, err error) string {
	if err == nil {
		if l != nil && l.Status == Pending {
			return OutcomePending
		}
		if l != nil && l.Status == Scheduled {
			return OutcomeScheduled
		}
		return OutcomeActive
	}
	if de, ok := dispenser.AsError(err); ok && de.Refused {
		return OutcomeRefused
	}
	return flowOutcome(err)
}

// flowOutcome names an error by its code.
func flowOutcome(err error) string {
	if err == nil {
		return OutcomeOK
	}
	switch apperr.CodeOf(err) {
	case apperr.OutOfStock:
		return OutcomeOutOfStock
	case apperr.PolicyViolation:
		return OutcomePolicy
	case apperr.DispenserFailed:
		return OutcomeFailed
	case apperr.InvalidArgument, apperr.NotFound:
		return OutcomeInvalid
	case apperr.Unauthenticated, apperr.Forbidden:
		return OutcomeDenied
	case apperr.Conflict:
		return OutcomeConflict
	}
	return OutcomeError
}

// firstError is the first dispenser failure among results, for the dispense phase's outcome.
func firstError(results []result) error {
	for _, r := range results {
		if r.err != nil {
			return r.err
		}
	}
	return nil
}

// claim is the claim phase: claimTx, observed.
func (s *Service) claim(ctx context.Context, spec newLease, existingID *int) (*ent.Lease, []claimed, error) {
	ctx, end := s.phase(ctx, PhaseClaim)
	l, items, err := s.claimTx(ctx, spec, existingID)
	end(err)
	return l, items, err
}

// activate is the activate phase of a vend that dispensed: activateTx, observed.
func (s *Service) activate(ctx context.Context, id int, o *owner, d duration.Duration, p *plan, results []result, actor string, expansion bool) (time.Time, error) {
	ctx, end := s.phase(ctx, PhaseActivate)
	at, err := s.activateTx(ctx, id, o, d, p, results, actor, expansion)
	end(err)
	return at, err
}

// unwind is the activate phase of a vend that failed: unwindTx, observed. The phase succeeds
// when the rollback committed, though the vend failed.
func (s *Service) unwind(ctx context.Context, id int, results []result, failed *result, actor string, expansion bool) error {
	ctx, end := s.phase(ctx, PhaseActivate)
	err := s.unwindTx(ctx, id, results, failed, actor, expansion)
	if errors.Is(err, apperr.DispenserFailed) || errors.Is(err, apperr.PolicyViolation) {
		end(nil)
	} else {
		end(err)
	}
	return err
}
