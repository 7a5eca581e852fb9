package lease

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"
	"golang.org/x/sync/errgroup"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	entevent "github.com/hardcandy/hardcandy/ent/event"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// expireBatch is how many leases one transaction expires.
const expireBatch = 1000

// expireParts is how many transactions the sweep runs at once on Postgres, each over its own
// part of the due leases (id modulo expireParts), so they never take the same lease. Most of a
// batch's time is the server's, in row writes and their foreign-key checks, and one transaction
// uses one backend: on two cores three parts sweep 100,000 leases in about half the time of one
// (BenchmarkExpire). SQLite has one writer, so there the sweep is one part.
const expireParts = 3

// expire ends every ACTIVE lease whose end has passed at now: EXPIRED, allocations released,
// items to REBUILDING, one transaction per batch, then reclamation is triggered. It is an
// idempotent sweep ("expire every lease with end <= now"), so a run missed during downtime is
// caught up by the next; it costs what is due, not the size of the leases table (the
// (status, ends_at) index). It returns how many leases it expired.
//
// Each batch is a handful of set-based statements whatever its size: one UPDATE ... RETURNING
// takes the leases that are still ACTIVE and due (a lease returned or extended meanwhile is not
// among them), one releases their allocations and returns the items, the items move through
// inventory.TransitionAll, and the events and notices are bulk inserts.
func (s *Service) expire(ctx context.Context, now time.Time) (int, error) {
	// The one state machine decides the transition, once for the whole sweep.
	if err := Machine.Check(Active, Expired); err != nil {
		return 0, err
	}
	sys := database.System(ctx)
	parts := 1
	if s.store.Dialect == dialect.Postgres {
		parts = expireParts
	}
	var (
		total atomic.Int64
		g     errgroup.Group
	)
	for part := range parts {
		g.Go(func() error {
			n, err := s.expirePart(sys, now, dueIn{part: part, parts: parts})
			total.Add(int64(n))
			return err
		})
	}
	err := g.Wait()
	if total.Load() > 0 {
		s.kickReclaim()
		s.deliver()
	}
	return int(total.Load()), err
}

// dueIn is the part of the due leases one of the sweep's transactions takes: those whose id
// modulo parts is part.
type dueIn struct{ part, parts int }

// where is the condition that keeps a statement to the part, on the id column named.
func (d dueIn) where(column string) string {
	if d.parts <= 1 {
		return ""
	}
	return fmt.Sprintf(" AND %s %% %d = %d", column, d.parts, d.part)
}

// expirePart expires the due leases of one part, batch by batch, and returns how many.
func (s *Service) expirePart(ctx context.Context, now time.Time, in dueIn) (int, error) {
	total := 0
	skus := map[int]string{}
	for {
		var batch []*ent.Lease
		err := s.store.Write(ctx, func(tx *database.Tx) error {
			var err error
			batch, err = s.expireBatch(ctx, tx, now, in, skus)
			return err
		})
		if err != nil {
			return total, fmt.Errorf("expire leases: %w", err)
		}
		for _, l := range batch {
			s.emit(l, string(Expired))
		}
		n := len(batch)
		total += n
		if n < expireBatch {
			return total, nil
		}
	}
}

// expireBatch expires up to expireBatch due leases of the part inside tx and returns them, each with its
// released allocations and their items (what the notices describe). skus caches products' SKUs
// across batches.
func (s *Service) expireBatch(ctx context.Context, tx *database.Tx, now time.Time, in dueIn, skus map[int]string) ([]*ent.Lease, error) {
	leases, err := takeDue(ctx, tx, now, in)
	if err != nil || len(leases) == 0 {
		return nil, err
	}
	ids := make([]int, len(leases))
	byID := make(map[int]*ent.Lease, len(leases))
	for i, l := range leases {
		ids[i] = l.ID
		byID[l.ID] = l
	}
	const why = "the lease's end has passed"
	rows := make([][]any, len(ids))
	for i, id := range ids {
		rows[i] = []any{now, "scheduler", "status", string(Active), string(Expired), why, id}
	}
	if err := database.InsertRows(ctx, tx, entevent.Table, []string{entevent.FieldAt, entevent.FieldActor, entevent.FieldKind,
		entevent.FieldFrom, entevent.FieldTo, entevent.FieldMessage, entevent.FieldLeaseID}, rows); err != nil {
		return nil, fmt.Errorf("lease events: %w", err)
	}
	if err := lapseRequests(ctx, tx, now, ids, "the lease expired first"); err != nil {
		return nil, err
	}
	// A lease swept before its booked end (its end was moved earlier) frees the rest of its
	// bookings, as every other way a lease ends does.
	if err := trimBookings(ctx, tx, now, ids); err != nil {
		return nil, err
	}
	allocs, err := releaseHeld(ctx, tx, now, ids)
	if err != nil {
		return nil, err
	}
	itemIDs := make([]int, len(allocs))
	for i, a := range allocs {
		itemIDs[i] = a.ItemID
	}
	moved, err := inventory.TransitionAll(ctx, tx, now, inventory.BulkMove{ItemIDs: itemIDs, To: inventory.Rebuilding,
		Actor: "scheduler", Reason: "lease expired", Likely: []inventory.Status{inventory.Leased}})
	if err != nil {
		return nil, err
	}
	items := make(map[int]*ent.InventoryItem, len(moved))
	var unknown []int
	for _, m := range moved {
		items[m.ID] = &ent.InventoryItem{ID: m.ID, Name: m.Name, ProductID: m.ProductID, Status: inventory.Rebuilding}
		if _, ok := skus[m.ProductID]; !ok {
			skus[m.ProductID] = ""
			unknown = append(unknown, m.ProductID)
		}
	}
	if len(unknown) > 0 {
		ps, err := tx.Product.Query().Where(product.IDIn(unknown...)).Select(product.FieldID, product.FieldSku).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("products of expired items: %w", err)
		}
		for _, p := range ps {
			skus[p.ID] = p.Sku
		}
	}
	for _, a := range allocs {
		l := byID[a.LeaseID]
		if it := items[a.ItemID]; it != nil && l != nil {
			it.Edges.Product = &ent.Product{ID: it.ProductID, Sku: skus[it.ProductID]}
			a.Edges.Item = it
			l.Edges.Allocations = append(l.Edges.Allocations, a)
		}
	}
	if s.deps.Notices != nil {
		if err := s.deps.Notices.EnqueueOwners(ctx, tx, now, notify.KindExpired, leases, why); err != nil {
			return nil, err
		}
	}
	return leases, nil
}

// takeDue moves up to expireBatch ACTIVE leases whose end has passed to EXPIRED in one
// statement and returns them as they now are. Which of the due leases a batch takes does not
// matter (all are taken before the sweep ends), so the batch is not sorted: sorting would make
// every batch read all the due leases, and the sweep cost grow with the square of what is due. The outer conditions are checked again on each
// row as it is updated, so on Postgres a lease a concurrent return or extension changed first
// is skipped rather than expired.
func takeDue(ctx context.Context, tx *database.Tx, now time.Time, in dueIn) ([]*ent.Lease, error) {
	q := tx.Queries()
	p := q.Param
	status := q.Filter(entlease.FieldStatus) // the outer check filters the rows found by id
	stmt := fmt.Sprintf(`UPDATE %[1]s SET %[2]s = %[3]s, %[4]s = %[5]s, %[6]s = %[7]s
		WHERE %[8]s IN (SELECT %[8]s FROM %[1]s WHERE %[2]s = %[9]s AND %[10]s <= %[11]s%[21]s LIMIT %[12]d)
		AND %[13]s = %[14]s AND %[10]s <= %[15]s
		RETURNING %[8]s, %[16]s, %[17]s, %[18]s, %[19]s, %[10]s, %[20]s`,
		entlease.Table, entlease.FieldStatus, p(1), entlease.FieldEndedAt, p(2), entlease.FieldUpdatedAt, p(3),
		entlease.FieldID, p(4), entlease.FieldEndsAt, p(5), expireBatch,
		status, p(6), p(7),
		entlease.FieldOwnerID, entlease.FieldCostCenterID, entlease.FieldRequest, entlease.FieldStartsAt, entlease.FieldDuration,
		in.where(entlease.FieldID))
	// A scan that collects first would visit every lease an earlier batch expired and make the
	// sweep quadratic; walking the index marks them dead on the way and later batches skip them.
	if err := q.WalkIndex(ctx, tx); err != nil {
		return nil, fmt.Errorf("leases %s→%s: %w", Active, Expired, err)
	}
	rows, err := tx.QueryContext(ctx, stmt, string(Expired), now, now, string(Active), now, string(Active), now)
	if err != nil {
		return nil, fmt.Errorf("leases %s→%s: %w", Active, Expired, err)
	}
	defer rows.Close()
	var out []*ent.Lease
	for rows.Next() {
		var (
			l            = &ent.Lease{Status: Expired}
			costCenter   sql.NullInt64
			request      []byte
			starts, ends database.Time
			dur          int64
		)
		if err := rows.Scan(&l.ID, &l.OwnerID, &costCenter, &request, &starts, &ends, &dur); err != nil {
			return nil, fmt.Errorf("leases %s→%s: %w", Active, Expired, err)
		}
		if costCenter.Valid {
			id := int(costCenter.Int64)
			l.CostCenterID = &id
		}
		if len(request) > 0 {
			if err := json.Unmarshal(request, &l.Request); err != nil {
				return nil, fmt.Errorf("lease %d request: %w", l.ID, err)
			}
		}
		ended := now
		l.StartsAt, l.EndsAt, l.EndedAt, l.Duration, l.UpdatedAt = starts.Ptr(), ends.Ptr(), &ended, duration.Duration(dur), now
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("leases %s→%s: %w", Active, Expired, err)
	}
	return out, nil
}

// releaseHeld releases the unreleased allocations of the leases in one statement (per chunk of
// ids) and returns them.
func releaseHeld(ctx context.Context, tx *database.Tx, now time.Time, leaseIDs []int) ([]*ent.Allocation, error) {
	dq := tx.Queries()
	var out []*ent.Allocation
	for _, chunk := range database.IDChunks(leaseIDs) {
		in, inArgs := dq.InIDs(allocation.FieldLeaseID, 2, chunk)
		q := fmt.Sprintf("UPDATE %s SET %s = %s WHERE %s AND %s IS NULL RETURNING %s, %s, %s",
			allocation.Table, allocation.FieldReleasedAt, dq.Param(1),
			in, allocation.FieldReleasedAt, allocation.FieldID, allocation.FieldLeaseID, allocation.FieldItemID)
		rows, err := tx.QueryContext(ctx, q, append([]any{now}, inArgs...)...)
		if err != nil {
			return nil, fmt.Errorf("release allocations: %w", err)
		}
		for rows.Next() {
			released := now
			a := &ent.Allocation{ReleasedAt: &released}
			if err := rows.Scan(&a.ID, &a.LeaseID, &a.ItemID); err != nil {
				rows.Close()
				return nil, fmt.Errorf("release allocations: %w", err)
			}
			out = append(out, a)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("release allocations: %w", err)
		}
	}
	return out, nil
}
