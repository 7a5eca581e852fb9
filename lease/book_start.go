package lease

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	entevent "github.com/hardcandy/hardcandy/ent/event"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/viewer"
)

// startBatch bounds the reservations one run of the job starts, fails or reminds of.
const startBatch = 100

// shortPrefix begins the status message of a reservation waiting for items at its start.
const shortPrefix = "waiting for items: "

// StartBookings is the start-bookings job: it fails the reservations that can no longer start,
// reminds owners of those coming up, and starts those due within the lead time: it claims their
// items and calls the dispenser outside any transaction, as a vend does, so the lease is ACTIVE
// at its start. A reservation short of items at its start stays SCHEDULED, its owner and the
// admins told once, and is served by a later run as soon as items return, or fails after the
// grace. Every step is conditional on the lease's status, so the job is idempotent, and runs on
// one replica at a time (the scheduler's leader); a start that passed while the server was down
// is served at its next run. It returns how many leases it started, failed or reminded.
func (s *Service) StartBookings(ctx context.Context, now time.Time) (int, error) {
	sys := database.System(ctx)
	now = now.UTC()
	cfg := s.booking()
	n, err := s.failBookings(sys, now, cfg)
	if err != nil {
		return n, err
	}
	m, err := s.remindBookings(sys, now, cfg)
	n += m
	if err != nil {
		return n, err
	}
	due, err := s.client.Lease.Query().
		Where(entlease.StatusEQ(Scheduled), entlease.AwaitingApproval(false), entlease.StartsAtLTE(now.Add(cfg.Lead.Std()))).
		Order(ent.Asc(entlease.FieldStartsAt), ent.Asc(entlease.FieldID)).Limit(startBatch).All(sys)
	if err != nil {
		return n, fmt.Errorf("due reservations: %w", err)
	}
	var errs []error
	for _, l := range due {
		started, err := s.startBooking(sys, l)
		if err != nil {
			errs = append(errs, fmt.Errorf("start lease %d: %w", l.ID, err))
		}
		if started {
			n++
		}
	}
	if n > 0 {
		s.deliver()
	}
	return n, errors.Join(errs...)
}

// failBookings rejects the reservations that can no longer start: whose interval has passed,
// still awaiting approval at their start, or short of items for longer than the grace.
func (s *Service) failBookings(ctx context.Context, now time.Time, cfg BookingConfig) (int, error) {
	late, err := s.client.Lease.Query().
		Where(entlease.StatusEQ(Scheduled), entlease.Or(
			entlease.EndsAtLTE(now),
			entlease.And(entlease.AwaitingApproval(true), entlease.StartsAtLTE(now)),
			entlease.StartsAtLTE(now.Add(-cfg.Grace.Std())))).
		Order(ent.Asc(entlease.FieldStartsAt)).Limit(startBatch).All(ctx)
	if err != nil {
		return 0, fmt.Errorf("late reservations: %w", err)
	}
	n := 0
	for _, l := range late {
		var msg string
		switch {
		case !l.EndsAt.After(now):
			msg = "its whole interval passed before it could start"
		case approvalOf(l) == Awaiting:
			msg = "it was still awaiting approval at its start"
		default:
			msg = fmt.Sprintf("no items came free within %s of its start", cfg.Grace)
		}
		if l.StatusMessage != nil && strings.HasPrefix(*l.StatusMessage, shortPrefix) {
			msg += " (" + strings.TrimPrefix(*l.StatusMessage, shortPrefix) + ")"
		}
		msg = "not started: " + msg + "; nothing is charged"
		id := l.ID
		err := s.store.Write(ctx, func(tx *database.Tx) error {
			err := move(ctx, tx, now, id, Scheduled, Rejected, "scheduler", msg, func(u *ent.LeaseUpdate) {
				approvalSettled(u).SetStatusMessage(msg).SetEndedAt(now)
			})
			if err != nil {
				return err
			}
			return s.notice(ctx, tx, now, notify.Event{Kind: notify.KindRejected, LeaseID: &id, Message: msg})
		})
		if errors.Is(err, apperr.Conflict) {
			continue // started or cancelled meanwhile
		}
		if err != nil {
			return n, fmt.Errorf("fail lease %d: %w", id, err)
		}
		n++
		_, _ = s.loadAndEmit(ctx, id, "")
	}
	return n, nil
}

// startBooking claims and dispenses one reservation; it reports whether the lease is now ACTIVE.
// Items short are not an error: the lease waits for them.
func (s *Service) startBooking(ctx context.Context, l *ent.Lease) (bool, error) {
	o, err := s.loadOwner(ctx, l.OwnerID)
	if err != nil {
		return false, err
	}
	// Resolve as the owner would: their custom products are theirs to use.
	v := viewer.Viewer{UserID: o.id, Name: o.name, Role: o.role}
	if o.costCenterID != nil {
		v.CostCenterID = *o.costCenterID
	}
	p, err := s.resolveStored(viewer.NewContext(ctx, v), l.Request)
	if err != nil {
		return false, s.shortOrFail(ctx, l, err)
	}
	p.booked = &interval{start: l.StartsAt.UTC(), end: l.EndsAt.UTC()}
	spec := newLease{owner: o, plan: p, duration: l.Duration, actor: "scheduler"}
	_, items, err := s.claim(ctx, spec, &l.ID)
	if err != nil {
		return false, s.shortOrFail(ctx, l, err)
	}
	if _, err := s.dispense(ctx, l.ID, o, l.Duration, p, items, "scheduler", false); err != nil {
		// The lease was rejected with the dispenser's message, and its owner told.
		_, _ = s.loadAndEmit(ctx, l.ID, "")
		return false, nil
	}
	_, _ = s.loadAndEmit(ctx, l.ID, "")
	return true, nil
}

// shortOrFail handles a reservation that could not be claimed: one that moved meanwhile is left
// alone; a refusal (items short, a limit, a retired product) leaves it waiting, its owner and the
// admins told the first time; anything else is the run's error, retried at the next run.
func (s *Service) shortOrFail(ctx context.Context, l *ent.Lease, err error) error {
	var ae *apperr.Error
	switch {
	case errors.Is(err, apperr.Conflict):
		return nil
	case !errors.As(err, &ae):
		return err
	}
	msg := shortPrefix + ae.Message
	if l.StatusMessage != nil && *l.StatusMessage == msg {
		return nil // told already
	}
	now := s.now()
	id := l.ID
	told := l.StatusMessage != nil && strings.HasPrefix(*l.StatusMessage, shortPrefix)
	err = s.store.Write(ctx, func(tx *database.Tx) error {
		n, err := tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(Scheduled)).
			SetStatusMessage(msg).SetUpdatedAt(now).Save(ctx)
		if err != nil || n == 0 {
			return err
		}
		if err := event(ctx, tx, now, id, "scheduler", "short", "", "", ae.Message); err != nil {
			return err
		}
		if told {
			return nil
		}
		return s.notice(ctx, tx, now, notify.Event{Kind: notify.KindBookingShort, LeaseID: &id,
			Message: ae.Message + "; it starts as soon as items return"})
	})
	if err != nil {
		return fmt.Errorf("lease %d short: %w", id, err)
	}
	s.deliver()
	return nil
}

// remindBookings tells owners their reservations start soon: each SCHEDULED lease within the
// largest reminder of its start gets the notice of the smallest reminder it has passed, once per
// start (a lease event records it); after downtime only the nearest, as expiring notices do.
func (s *Service) remindBookings(ctx context.Context, now time.Time, cfg BookingConfig) (int, error) {
	ts := make([]time.Duration, 0, len(cfg.Reminders))
	largest := time.Duration(0)
	for _, r := range cfg.Reminders {
		ts = append(ts, r.Std())
		largest = max(largest, r.Std())
	}
	soon, err := s.client.Lease.Query().
		Where(entlease.StatusEQ(Scheduled), entlease.StartsAtGT(now), entlease.StartsAtLTE(now.Add(largest))).
		Order(ent.Asc(entlease.FieldStartsAt)).Limit(startBatch).
		Select(entlease.FieldID, entlease.FieldStartsAt, entlease.FieldCreatedAt).All(ctx)
	if err != nil {
		return 0, fmt.Errorf("reservations starting soon: %w", err)
	}
	n := 0
	for _, l := range soon {
		left, ahead := l.StartsAt.Sub(now), l.StartsAt.Sub(l.CreatedAt)
		var due time.Duration
		for _, t := range ts {
			if left <= t && ahead > t && (due == 0 || t < due) {
				due = t
			}
		}
		if due == 0 {
			continue
		}
		th := notify.FormatThreshold(due)
		mark := fmt.Sprintf("%s@%d", th, l.StartsAt.Unix())
		id := l.ID
		sent := false
		err := s.store.Write(ctx, func(tx *database.Tx) error {
			sent = false
			seen, err := tx.Event.Query().Where(entevent.LeaseID(id), entevent.Kind("reminded")).Select(entevent.FieldTo).Strings(ctx)
			if err != nil {
				return err
			}
			start := fmt.Sprint(l.StartsAt.Unix())
			for _, m := range seen {
				t, at, ok := strings.Cut(m, "@")
				if d, err := time.ParseDuration(t); ok && at == start && err == nil && d <= due {
					return nil // this or a nearer reminder went out for this start
				}
			}
			if err := event(ctx, tx, now, id, "scheduler", "reminded", "", mark, ""); err != nil {
				return err
			}
			sent = true
			return s.notice(ctx, tx, now, notify.Event{Kind: notify.KindStarting, LeaseID: &id, Threshold: th,
				Message: "it starts on " + l.StartsAt.UTC().Format(time.RFC3339)})
		})
		if err != nil {
			return n, fmt.Errorf("remind lease %d: %w", id, err)
		}
		if sent {
			n++
		}
	}
	return n, nil
}
