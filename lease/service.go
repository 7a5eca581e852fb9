package lease

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/leasefeed"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/secret"
)

// Config holds the leasing rules that are not per product.
type Config struct {
	// MaxItemsPerUser bounds how many items one user may hold at once (default 10).
	MaxItemsPerUser int `yaml:"max_items_per_user"`
	// PendingTimeout is how long a vend may sit between its two transactions before the repair
	// rolls it back (default 10m).
	PendingTimeout duration.Duration `yaml:"pending_timeout"`
	// DispenseTimeout bounds one dispenser call (default 5m).
	DispenseTimeout duration.Duration `yaml:"dispense_timeout"`
	// Booking holds the rules of leasing ahead (see BookingConfig).
	Booking BookingConfig `yaml:"booking"`
	// MaxWait is how long a QUEUED lease waits at most, and when a vend names no maxWait
	// (default 7d).
	MaxWait duration.Duration `yaml:"max_wait"`
}

// DefaultConfig is used for zero fields.
var DefaultConfig = Config{
	MaxItemsPerUser: 10,
	PendingTimeout:  duration.Duration(10 * time.Minute),
	DispenseTimeout: duration.Duration(5 * time.Minute),
	MaxWait:         duration.Duration(7 * duration.Day),
}

func (c Config) withDefaults() Config {
	if c.MaxItemsPerUser <= 0 {
		c.MaxItemsPerUser = DefaultConfig.MaxItemsPerUser
	}
	if c.PendingTimeout <= 0 {
		c.PendingTimeout = DefaultConfig.PendingTimeout
	}
	if c.DispenseTimeout <= 0 {
		c.DispenseTimeout = DefaultConfig.DispenseTimeout
	}
	if c.MaxWait <= 0 {
		c.MaxWait = DefaultConfig.MaxWait
	}
	return c
}

// Service runs the lease flows.
type Service struct {
	client    *ent.Client
	store     *database.Store
	clock     clockwork.Clock
	dispenser dispenser.Dispenser
	box       *secret.Box
	cfg       Config

	deps Deps
	// afterClaim, when set (tests), runs between the two transactions of a vend.
	afterClaim func(leaseID int) error
	// beforeWithdraw, when set (tests), runs in Return between reading a lease that awaits
	// approval and withdrawing it.
	beforeWithdraw func(leaseID int)
	// queue runs the waiting lists in the background (KickQueue).
	queue queueKicker
}

// Notifier writes notices inside a transaction (the notify package's outbox).
type Notifier interface {
	Enqueue(ctx context.Context, tx *database.Tx, now time.Time, ev notify.Event) error
	EnqueueOwners(ctx context.Context, tx *database.Tx, now time.Time, kind string, leases []*ent.Lease, message string) error
}

// Deps are the collaborators a lease service tells of what it did, each optional (nil: nobody
// is told). The scheduler's kicks are built before the services (scheduler.Scheduler.Kicker), so
// everything is handed in here and nothing is assigned later.
type Deps struct {
	// Feed receives an event after every committed change of a lease.
	Feed *leasefeed.Feed
	// Notices receives notices in the transactions of the changes that cause them; Deliver is
	// called after such a commit so they go out at once.
	Notices Notifier
	Deliver func()
	// Reclaim is called after items went to REBUILDING, so they are wiped at once.
	Reclaim func()
	// BookingsDue is called when a reservation is due within the lead time, so the scheduler
	// starts it soon.
	BookingsDue func()
	// Observer hears of each flow and vend phase (metrics, traces).
	Observer Observer
}

// NewService returns a lease service.
func NewService(store *database.Store, clock clockwork.Clock, d dispenser.Dispenser, box *secret.Box, cfg Config, deps Deps) *Service {
	return &Service{client: store.Client, store: store, clock: clock, dispenser: d, box: box, cfg: cfg.withDefaults(), deps: deps}
}

// VendInput asks for a lease. It is also the GraphQL VendInput.
type VendInput struct {
	SKU   *string                 `json:"sku,omitempty"`
	Lines []*schematype.LeaseLine `json:"lines,omitempty"`
	// Duration is how long; 0 (omitted) takes the products' default (defaultDuration).
	Duration       duration.Duration `json:"duration,omitempty"`
	IdempotencyKey *string           `json:"idempotencyKey,omitempty"`
	Note           *string           `json:"note,omitempty"`
	// StartsAt, when in the future, books the lease ahead: it is SCHEDULED (see book.go).
	StartsAt *time.Time `json:"startsAt,omitempty"`
	// Selection of the single-SKU form (see schematype.LeaseLine) and the dry run (preview.go).
	Pool       *string                           `json:"pool,omitempty"`
	Labels     []string                          `json:"labels,omitempty"`
	NotLabels  []string                          `json:"notLabels,omitempty"`
	Tier       *int                              `json:"tier,omitempty"`
	Type       *string                           `json:"type,omitempty"`
	Attributes []*schematype.AttributeConstraint `json:"attributes,omitempty"`
	DryRun     bool                              `json:"dryRun,omitempty"`
	// Parameters go with SKU (with Lines, each line has its own).
	Parameters []*schematype.ParameterValue `json:"parameters,omitempty"`
	// Wait queues the lease when nothing is free now (QUEUED), for at most MaxWait (see queue.go).
	Wait    *bool              `json:"wait,omitempty"`
	MaxWait *duration.Duration `json:"maxWait,omitempty"`
}

// now is the service's time, in UTC and to the microsecond: Postgres keeps microseconds, so a
// lease answered from memory reads back exactly as it was answered, on either database.
func (s *Service) now() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }

// emit publishes a committed change of l; kind is its new status or what happened to it.
func (s *Service) emit(l *ent.Lease, kind string) {
	if s.deps.Feed == nil || l == nil {
		return
	}
	e := leasefeed.Event{LeaseID: l.ID, OwnerID: l.OwnerID, Kind: kind, At: s.now()}
	if l.CostCenterID != nil {
		e.CostCenterID = *l.CostCenterID
	}
	s.deps.Feed.Publish(e)
}

// Provisioning is the kind of the progress events a lease's dispenser calls publish.
const Provisioning = "PROVISIONING"

// progress publishes how many of a lease's items being dispensed are done: for people watching
// (`hardcandy vend` on a terminal), never stored.
func (s *Service) progress(id int, o *owner, done, total int) {
	if s.deps.Feed == nil {
		return
	}
	e := leasefeed.Event{LeaseID: id, OwnerID: o.id, Kind: Provisioning, At: s.now(), ItemsDone: &done, ItemsTotal: &total}
	if o.costCenterID != nil {
		e.CostCenterID = *o.costCenterID
	}
	s.deps.Feed.Publish(e)
}

// loadAndEmit loads the lease for the caller and publishes its new state.
func (s *Service) loadAndEmit(ctx context.Context, id int, kind string) (*ent.Lease, error) {
	l, err := s.load(ctx, id)
	if err == nil {
		if kind == "" {
			kind = string(l.Status)
		}
		s.emit(l, kind)
	}
	return l, err
}

func invalid(format string, args ...any) error {
	return apperr.New(apperr.InvalidArgument, format, args...)
}

// printable reports whether s can be stored as text on every database: valid UTF-8 without NUL
// bytes (Postgres refuses them in text; SQLite would keep them and cut strings at them later).
func printable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// DispenseBound is the longest one vend's dispenser calls may take: the leasing configuration's
// dispense_timeout, or less when every backend gives up sooner (dispenser.Bounded). A request
// must be allowed longer than that, or its answer could be lost (the outcome itself is recorded
// whatever happens to the request).
func (s *Service) DispenseBound() time.Duration {
	d := s.cfg.DispenseTimeout.Std()
	if b, ok := s.dispenser.(dispenser.Bounded); ok {
		d = min(d, b.VendBound())
	}
	return d
}

// PendingTimeout is how long the repair leaves a vend between its two transactions.
func (s *Service) PendingTimeout() time.Duration { return s.cfg.PendingTimeout.Std() }

func (s *Service) kickReclaim() {
	if s.deps.Reclaim != nil {
		s.deps.Reclaim()
	}
}
