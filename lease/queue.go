package lease

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/queueentry"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/viewer"
)

// The waiting list.
//
// A vend with wait that finds nothing free (it would be OUT_OF_STOCK) creates a QUEUED lease
// with one queue entry per product it claims (bundles as their components). A product's waiting
// list is its entries in id order, the order of arrival: entries are inserted, and a product's
// head is taken off, under a transaction lock per product (database.Lock, "queue"), so on
// Postgres the ids of a product's entries grow in the order their transactions commit, on any
// replica.
//
// The queue is strictly first come, first served per product: a lease is served only when it
// heads the waiting list of every product it needs, and while a product has a waiting list no
// other claim takes its items (a plain vend is OUT_OF_STOCK naming the leases waiting, a vend
// with wait queues behind them). A head that does not fit yet (it wants three items, two are
// free) holds up the leases behind it, even those that would fit: nobody overtakes. The
// globally oldest QUEUED lease heads all of its lists, so the queue never deadlocks.
//
// Serving goes through the same claim and dispense as a vend (claimTx with the queue's step in
// its transaction, the dispenser outside any transaction, activateTx): every rule of a vend
// applies again when the lease is served. A lease that policy refuses when its turn comes (a
// retired product, the owner's limit, an entitlement, the backend's check) is REJECTED with the
// reason, and the next is served. ServeQueue runs when items come back (a wipe done, new stock:
// KickQueue) and on the scheduler's serve-queue job as a safety net; it also lapses the leases
// whose wait ran out.

// queueLockSpace is the database.Lock space of a product's waiting list.
const queueLockSpace = "queue"

// queueActor is the actor of what the waiting list does by itself.
const queueActor = "queue"

// queueKicker runs ServeQueue in the background, one run at a time per process: a kick during a
// run asks for one more run after it.
type queueKicker struct {
	mu      sync.Mutex
	running bool
	again   bool
	wg      sync.WaitGroup
}

// KickQueue serves the waiting lists in the background, now: items came back (a wipe done, new
// stock, a lease withdrawn from the head). It returns at once; kicks during a run coalesce into
// one more run.
func (s *Service) KickQueue() {
	k := &s.queue
	k.mu.Lock()
	if k.running {
		k.again = true
		k.mu.Unlock()
		return
	}
	k.running = true
	k.wg.Add(1)
	k.mu.Unlock()
	go func() {
		defer k.wg.Done()
		for {
			// Errors are left to the scheduler's serve-queue job, which records them.
			_, _ = s.ServeQueue(context.Background(), s.now())
			k.mu.Lock()
			if !k.again {
				k.running = false
				k.mu.Unlock()
				return
			}
			k.again = false
			k.mu.Unlock()
		}
	}()
}

// WaitQueue waits for the background runs KickQueue started (tests, shutdown).
func (s *Service) WaitQueue() { s.queue.wg.Wait() }

// waitFor validates a vend's wait and maxWait: nil when the vend does not wait, else how long
// it may wait (maxWait, by default and at most the configured max_wait).
func (s *Service) waitFor(in VendInput) (*duration.Duration, error) {
	if in.Wait == nil || !*in.Wait {
		if in.MaxWait != nil {
			return nil, invalid("maxWait: only with wait: true")
		}
		return nil, nil
	}
	d := s.cfg.MaxWait
	if in.MaxWait != nil {
		d = *in.MaxWait
		switch {
		case d <= 0:
			return nil, invalid("maxWait: must be positive")
		case d > s.cfg.MaxWait:
			return nil, invalid("maxWait: at most %s, got %s", s.cfg.MaxWait, d)
		}
	}
	return &d, nil
}

// lockQueues takes the waiting-list locks of products in tx, in id order (every caller locks
// in the same order, so none waits for another that waits for it).
func (s *Service) lockQueues(ctx context.Context, tx *database.Tx, products []int) error {
	ids := slices.Clone(products)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	keys := make([]database.LockKey, len(ids))
	for i, id := range ids {
		keys[i] = database.LockKey{Space: queueLockSpace, ID: id}
	}
	return database.Lock(ctx, tx, keys...)
}

// planProducts are the products p claims items of.
func planProducts(p *plan) []int {
	out := make([]int, len(p.items))
	for i, l := range p.items {
		out[i] = l.product.ID
	}
	return out
}

// queueAhead is a claim's look at l's product's waiting list: when leases wait for it, and the
// claim is not serving the head, the items are theirs first, and the claim's shortage says so.
// It returns "" when nothing waits.
func queueAhead(ctx context.Context, tx *database.Tx, spec newLease, l line) (string, error) {
	if spec.serving {
		return "", nil // takeFromQueue checked the lease heads the list
	}
	n, err := tx.QueueEntry.Query().Where(queueentry.ProductID(l.product.ID)).Count(ctx)
	if err != nil {
		return "", fmt.Errorf("waiting list of %s: %w", l.product.Sku, err)
	}
	if n == 0 {
		return "", nil
	}
	return fmt.Sprintf("%s: %d requested, %d waiting ahead (vend with wait to queue)", l.product.Sku, l.qty, n), nil
}

// noneWaiting keeps items only while no lease waits for productID: a vend takes nothing past a
// waiting list (queueAhead says so when it comes back short).
func noneWaiting(productID int) predicate.InventoryItem {
	return func(s *entsql.Selector) {
		b := entsql.Dialect(s.Dialect())
		q := b.Select().From(b.Table(queueentry.Table))
		q.SelectExpr(entsql.Expr("1")).Where(entsql.EQ(q.C(queueentry.FieldProductID), productID))
		s.Where(entsql.NotExists(q))
	}
}

// enqueue puts a vend that found nothing free on the waiting list: a QUEUED lease with one entry
// per product, lapsing after wait. It is called after the claim said OUT_OF_STOCK; it then
// serves the lists at once, in case items came back meanwhile.
func (s *Service) enqueue(sys context.Context, spec newLease, wait duration.Duration) (*ent.Lease, error) {
	now := s.now()
	until := now.Add(wait.Std())
	var id int
	err := s.store.Write(sys, func(tx *database.Tx) error {
		if err := s.lockQueues(sys, tx, planProducts(spec.plan)); err != nil {
			return err
		}
		l, err := tx.Lease.Create().SetOwnerID(spec.owner.id).SetNillableCostCenterID(spec.owner.costCenterID).
			SetStatus(Queued).SetDuration(spec.duration).SetRequest(spec.plan.request).SetNillableNote(spec.note).
			SetNillableIdempotencyKey(spec.key).SetMaxWait(wait).SetQueuedUntil(until).
			SetCreatedAt(now).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return fmt.Errorf("create queued lease: %w", err)
		}
		id = l.ID
		if err := s.addEntries(sys, tx, now, id, spec.plan); err != nil {
			return err
		}
		return event(sys, tx, now, id, spec.actor, "status", "", string(Queued),
			fmt.Sprintf("nothing free now: waiting up to %s, until %s", wait, until.Format(time.RFC3339)))
	})
	if err != nil {
		return nil, err
	}
	// Items may have come back between the claim and the queue: serve the lists at once.
	_, _ = s.serveProducts(sys, planProducts(spec.plan))
	return s.loadAndEmit(sys, id, "")
}

// addEntries puts lease id at the end of the waiting lists of p's products, inside tx, which
// holds their locks.
func (s *Service) addEntries(ctx context.Context, tx *database.Tx, now time.Time, id int, p *plan) error {
	creates := make([]*ent.QueueEntryCreate, len(p.items))
	for i, l := range p.items {
		creates[i] = tx.QueueEntry.Create().SetLeaseID(id).SetProductID(l.product.ID).SetQuantity(l.qty).SetCreatedAt(now)
	}
	if err := tx.QueueEntry.CreateBulk(creates...).Exec(ctx); err != nil {
		return fmt.Errorf("queue lease %d: %w", id, err)
	}
	return nil
}

// enqueueApproved puts an approved lease that found nothing free on the waiting list
// (PENDING → QUEUED): it asked to wait when it was vended.
func (s *Service) enqueueApproved(sys context.Context, id int, wait duration.Duration, p *plan, actor string) (*ent.Lease, error) {
	now := s.now()
	until := now.Add(wait.Std())
	err := s.store.Write(sys, func(tx *database.Tx) error {
		if err := s.lockQueues(sys, tx, planProducts(p)); err != nil {
			return err
		}
		err := move(sys, tx, now, id, Pending, Queued, actor, "approved; nothing free now: waiting until "+until.Format(time.RFC3339),
			func(u *ent.LeaseUpdate) { approvalSettled(u).SetQueuedUntil(until) })
		if err != nil {
			return err
		}
		return s.addEntries(sys, tx, now, id, p)
	})
	if err != nil {
		return nil, database.Wrap(err, "queue lease %d", id)
	}
	_, _ = s.serveProducts(sys, planProducts(p))
	return s.loadAndEmit(sys, id, "")
}

// takeFromQueue is the queue's step in the claim that serves lease id, run first in the claim's
// transaction: under the locks of the lease's waiting lists, it must still be QUEUED and head
// every one of them; it then leaves them (QUEUED → PENDING) and the claim goes on as a vend's.
// Anything else is a CONFLICT: another replica served it, or it was withdrawn or lapsed.
func (s *Service) takeFromQueue(ctx context.Context, tx *database.Tx, now time.Time, id int, actor string) error {
	entries, err := tx.QueueEntry.Query().Where(queueentry.LeaseID(id)).All(ctx)
	if err != nil {
		return err
	}
	products := make([]int, len(entries))
	for i, e := range entries {
		products[i] = e.ProductID
	}
	if err := s.lockQueues(ctx, tx, products); err != nil {
		return err
	}
	// Read again under the locks: what was read before them may have been served meanwhile.
	entries, err = tx.QueueEntry.Query().Where(queueentry.LeaseID(id)).All(ctx)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return apperr.New(apperr.Conflict, "lease %d is no longer waiting", id)
	}
	for _, e := range entries {
		head, err := tx.QueueEntry.Query().Where(queueentry.ProductID(e.ProductID)).Order(ent.Asc(queueentry.FieldID)).FirstID(ctx)
		if err != nil {
			return err
		}
		if head != e.ID {
			return apperr.New(apperr.Conflict, "lease %d is not at the head of its waiting list", id)
		}
	}
	if err := move(ctx, tx, now, id, Queued, Pending, actor, "served from the waiting list", nil); err != nil {
		return err
	}
	if _, err := tx.QueueEntry.Delete().Where(queueentry.LeaseID(id)).Exec(ctx); err != nil {
		return fmt.Errorf("leave the waiting list: %w", err)
	}
	return nil
}

// serveBatch bounds the leases one ServeQueue run serves per product.
const serveBatch = 200

// ServeQueue lapses the QUEUED leases whose wait ended at now, then serves each product's
// waiting list from its head while the head fits. It is idempotent (a lease is served once,
// whichever replica or run gets there first) and bounded; it returns how many leases it served
// or lapsed.
func (s *Service) ServeQueue(ctx context.Context, now time.Time) (int, error) {
	sys := database.System(ctx)
	n, err := s.lapse(sys, now)
	if err != nil {
		return n, err
	}
	products, err := s.client.QueueEntry.Query().GroupBy(queueentry.FieldProductID).Ints(sys)
	if err != nil {
		return n, fmt.Errorf("waiting lists: %w", err)
	}
	served, err := s.serveProducts(sys, products)
	return n + served, err
}

// serveProducts serves the waiting lists of products from their heads while the head fits; it
// returns how many leases it served.
func (s *Service) serveProducts(ctx context.Context, products []int) (int, error) {
	products = slices.Clone(products)
	slices.Sort(products)
	products = slices.Compact(products)
	n := 0
	var errs []error
	for _, pid := range products {
		for range serveBatch {
			served, err := s.serveHead(ctx, pid)
			if err != nil {
				errs = append(errs, err)
			}
			if !served {
				break
			}
			n++
		}
	}
	return n, errors.Join(errs...)
}

// serveHead serves the head of product pid's waiting list when it fits. It reports whether the
// list moved on (the head was served, refused or left meanwhile), so the next may be tried.
func (s *Service) serveHead(ctx context.Context, pid int) (bool, error) {
	head, err := s.client.QueueEntry.Query().Where(queueentry.ProductID(pid)).Order(ent.Asc(queueentry.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("head of the waiting list of product %d: %w", pid, err)
	}
	// It must head every list it waits in; if not, it waits behind an older lease elsewhere,
	// and this list waits with it.
	entries, err := s.client.QueueEntry.Query().Where(queueentry.LeaseID(head.LeaseID)).All(ctx)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		first, err := s.client.QueueEntry.Query().Where(queueentry.ProductID(e.ProductID)).Order(ent.Asc(queueentry.FieldID)).FirstID(ctx)
		if err != nil {
			return false, err
		}
		if first != e.ID {
			return false, nil
		}
	}
	l, err := s.client.Lease.Get(ctx, head.LeaseID)
	if err != nil {
		return false, database.Wrap(err, "lease %d", head.LeaseID)
	}
	if l.Status != Queued {
		return true, nil // served or ended meanwhile; its entries are on their way out
	}
	o, err := s.loadOwner(ctx, l.OwnerID)
	if err != nil {
		return false, err
	}
	// The rules of a vend, again, as the owner: the catalog, durations, totals, the backend.
	v := viewer.Viewer{UserID: o.id, Name: o.name, Role: o.role}
	if o.costCenterID != nil {
		v.CostCenterID = *o.costCenterID
	}
	vctx := viewer.NewContext(ctx, v)
	p, err := s.resolveStored(vctx, l.Request)
	if err == nil {
		err = checkDuration(p, l.Duration)
	}
	if err == nil {
		err = checkTotals(p.billed, l.Duration.Std())
	}
	if err == nil {
		err = s.checkDispenser(ctx, o, p, l.Duration)
	}
	if err != nil {
		if refusedNow(err) {
			return true, s.refuseQueued(ctx, l, err)
		}
		return false, err
	}
	spec := newLease{owner: o, plan: p, duration: l.Duration, actor: queueActor, serving: true}
	_, items, err := s.claim(ctx, spec, &l.ID)
	switch {
	case errors.Is(err, apperr.OutOfStock):
		return false, nil // the head does not fit yet: nobody behind it goes first
	case errors.Is(err, apperr.Conflict):
		return true, nil // another run took it, or it left
	case err != nil && refusedNow(err):
		return true, s.refuseQueued(ctx, l, err)
	case err != nil:
		return false, err
	}
	if _, err := s.dispense(ctx, l.ID, o, l.Duration, p, items, queueActor, false); err != nil {
		// The vend failed (REJECTED, the owner told, as for any vend); the next may go.
		_, _ = s.loadAndEmit(ctx, l.ID, "")
		return true, nil
	}
	_, _ = s.loadAndEmit(ctx, l.ID, "")
	return true, nil
}

// refusedNow reports whether err is policy refusing a lease (rather than a failure to retry).
func refusedNow(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.PolicyViolation, apperr.NotFound, apperr.InvalidArgument, apperr.Forbidden:
		return true
	}
	return false
}

// refuseQueued ends a QUEUED lease that policy refuses when its turn comes: REJECTED with the
// reason, its owner told, its entries gone.
func (s *Service) refuseQueued(ctx context.Context, l *ent.Lease, reason error) error {
	msg := "refused when its turn came: " + reason.Error()
	if ae, ok := apperr.As(reason); ok {
		msg = "refused when its turn came: " + ae.Message
	}
	return s.leaveQueue(ctx, l, queueActor, msg, true)
}

// leaveQueue ends a QUEUED lease (QUEUED → REJECTED) with msg: nothing was claimed, nothing is
// charged. notice tells the owner.
func (s *Service) leaveQueue(sys context.Context, l *ent.Lease, actor, msg string, notice bool) error {
	now := s.now()
	err := s.store.Write(sys, func(tx *database.Tx) error {
		if err := leaveQueueTx(sys, tx, now, l.ID, actor, msg); err != nil {
			return err
		}
		if !notice {
			return nil
		}
		return s.notice(sys, tx, now, notify.Event{Kind: notify.KindRejected, LeaseID: &l.ID, Message: msg})
	})
	if err != nil {
		return err
	}
	s.deliver()
	_, _ = s.loadAndEmit(sys, l.ID, "")
	return nil
}

// leaveQueueTx moves lease id QUEUED → REJECTED inside tx and deletes its entries.
func leaveQueueTx(ctx context.Context, tx *database.Tx, now time.Time, id int, actor, msg string) error {
	err := move(ctx, tx, now, id, Queued, Rejected, actor, msg, func(u *ent.LeaseUpdate) {
		u.SetStatusMessage(msg).SetEndedAt(now)
	})
	if err != nil {
		return err
	}
	if _, err := tx.QueueEntry.Delete().Where(queueentry.LeaseID(id)).Exec(ctx); err != nil {
		return fmt.Errorf("leave the waiting list: %w", err)
	}
	return nil
}

// withdraw takes a QUEUED lease off the waiting list at the viewer's request (returnLease):
// REJECTED, nothing charged; the lists move on.
func (s *Service) withdraw(ctx context.Context, v viewer.Viewer, l *ent.Lease) error {
	msg := "withdrawn from the waiting list by " + v.Name
	if err := s.leaveQueue(ctx, l, v.Name, msg, v.UserID != l.OwnerID); err != nil {
		if errors.Is(err, apperr.Conflict) {
			return apperr.New(apperr.Conflict, "lease %d is no longer waiting: it was served or lapsed meanwhile", l.ID)
		}
		return err
	}
	s.KickQueue()
	return nil
}

// lapseBatch bounds the leases one run lapses.
const lapseBatch = 500

// lapse ends the QUEUED leases whose wait ran out at now (REJECTED, the owner told).
func (s *Service) lapse(ctx context.Context, now time.Time) (int, error) {
	due, err := s.client.Lease.Query().Where(entlease.StatusEQ(Queued), entlease.QueuedUntilLTE(now)).
		Order(ent.Asc(entlease.FieldID)).Limit(lapseBatch).All(ctx)
	if err != nil {
		return 0, fmt.Errorf("find lapsed leases: %w", err)
	}
	n := 0
	for _, l := range due {
		msg := fmt.Sprintf("lapsed: nothing came free within %s of waiting; nothing is charged", maxWaitOf(l))
		err := s.leaveQueue(ctx, l, queueActor, msg, true)
		if errors.Is(err, apperr.Conflict) {
			continue // served meanwhile
		} else if err != nil {
			return n, fmt.Errorf("lapse lease %d: %w", l.ID, err)
		}
		n++
	}
	return n, nil
}

func maxWaitOf(l *ent.Lease) duration.Duration {
	if l.MaxWait != nil {
		return *l.MaxWait
	}
	if l.QueuedUntil != nil {
		return duration.Duration(l.QueuedUntil.Sub(l.CreatedAt).Truncate(time.Second))
	}
	return 0
}

// QueuePosition is a QUEUED lease's place in its product's waiting list (1 is served next);
// for a lease waiting for several products, the furthest back among them. It is nil for a lease
// that is not QUEUED.
func (s *Service) QueuePosition(ctx context.Context, l *ent.Lease) (*int, error) {
	if l.Status != Queued {
		return nil, nil
	}
	sys := database.System(ctx)
	entries, err := s.client.QueueEntry.Query().Where(queueentry.LeaseID(l.ID)).All(sys)
	if err != nil {
		return nil, fmt.Errorf("queue position of lease %d: %w", l.ID, err)
	}
	if len(entries) == 0 {
		return nil, nil // it left the queue meanwhile
	}
	pos := 0
	for _, e := range entries {
		n, err := s.client.QueueEntry.Query().Where(queueentry.ProductID(e.ProductID), queueentry.IDLTE(e.ID)).Count(sys)
		if err != nil {
			return nil, fmt.Errorf("queue position of lease %d: %w", l.ID, err)
		}
		pos = max(pos, n)
	}
	return &pos, nil
}

// queueViolations checks the waiting list's promises (see Violations): a QUEUED lease holds no
// item, waits in at least one list, and has an end to its wait; every entry belongs to a QUEUED
// lease, at most one per product; so each product's positions are 1..n, one per lease.
func queueViolations(ctx context.Context, c *ent.Client) ([]string, error) {
	var out []string
	queued, err := c.Lease.Query().Where(entlease.StatusEQ(Queued)).WithAllocations().All(ctx)
	if err != nil {
		return nil, err
	}
	entries, err := c.QueueEntry.Query().Order(ent.Asc(queueentry.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	waiting := map[int]int{}
	perProduct := map[[2]int]int{}
	for _, e := range entries {
		waiting[e.LeaseID]++
		perProduct[[2]int{e.ProductID, e.LeaseID}]++
		if perProduct[[2]int{e.ProductID, e.LeaseID}] == 2 {
			out = append(out, fmt.Sprintf("lease %d waits twice in the list of product %d", e.LeaseID, e.ProductID))
		}
	}
	isQueued := map[int]bool{}
	for _, l := range queued {
		isQueued[l.ID] = true
		if len(l.Edges.Allocations) > 0 {
			out = append(out, fmt.Sprintf("QUEUED lease %d has %d allocations", l.ID, len(l.Edges.Allocations)))
		}
		if waiting[l.ID] == 0 {
			out = append(out, fmt.Sprintf("QUEUED lease %d is on no waiting list", l.ID))
		}
		if l.QueuedUntil == nil {
			out = append(out, fmt.Sprintf("QUEUED lease %d has no end to its wait", l.ID))
		}
	}
	for id, n := range waiting {
		if !isQueued[id] {
			out = append(out, fmt.Sprintf("lease %d is not QUEUED but has %d waiting-list entries", id, n))
		}
	}
	return out, nil
}
