package lease

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/booking"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/viewer"
)

// BookingConfig holds the rules of leasing ahead (the leasing: booking: section).
type BookingConfig struct {
	// Horizon is how far ahead a product that names no bookingHorizon may be booked (default 90d).
	Horizon duration.Duration `yaml:"horizon"`
	// Lead is how long before its start the scheduler claims and dispenses a reservation, so that
	// it is ACTIVE at its start (default 10m).
	Lead duration.Duration `yaml:"lead"`
	// Grace is how long after its start a reservation short of items waits for them before it
	// fails (default 4h).
	Grace duration.Duration `yaml:"grace"`
	// Reminders are how long before its start the owner is told a reservation is coming (default
	// the notices' thresholds: 72h, 24h, 1h).
	Reminders []duration.Duration `yaml:"reminders"`
}

// DefaultBooking is used for zero fields.
var DefaultBooking = BookingConfig{
	Horizon: duration.Duration(90 * duration.Day),
	Lead:    duration.Duration(10 * time.Minute),
	Grace:   duration.Duration(4 * time.Hour),
}

func (c BookingConfig) withDefaults() BookingConfig {
	if c.Horizon <= 0 {
		c.Horizon = DefaultBooking.Horizon
	}
	if c.Lead <= 0 {
		c.Lead = DefaultBooking.Lead
	}
	if c.Grace <= 0 {
		c.Grace = DefaultBooking.Grace
	}
	if len(c.Reminders) == 0 {
		c.Reminders = notify.DefaultThresholds
	}
	return c
}

func (s *Service) booking() BookingConfig { return s.cfg.Booking.withDefaults() }

// interval is a reservation's booked [start, end).
type interval struct{ start, end time.Time }

// startAt is when a reservation activated at now starts: its booked start, or now when it is
// served late. Billing runs from there.
func (iv interval) startAt(now time.Time) time.Time {
	if now.After(iv.start) {
		return now
	}
	return iv.start
}

// startSlack is how close to now a startsAt counts as "now": a vend at once, not a reservation.
const startSlack = time.Minute

// bookedStart reports whether in books ahead, and from when.
func (s *Service) bookedStart(in VendInput) (time.Time, bool, error) {
	if in.StartsAt == nil {
		return time.Time{}, false, nil
	}
	start := in.StartsAt.UTC().Truncate(time.Microsecond)
	now := s.now()
	switch {
	case start.Before(now.Add(-startSlack)):
		return time.Time{}, false, invalid("startsAt: %s is in the past", start.Format(time.RFC3339))
	case !start.After(now.Add(startSlack)):
		return time.Time{}, false, nil
	}
	return start, true, nil
}

// checkHorizon applies each billed product's booking horizon to a start.
func (s *Service) checkHorizon(p *plan, now, start time.Time) error {
	for _, l := range p.billed {
		h := s.horizon(l.product)
		if start.Sub(now) > h {
			return apperr.New(apperr.PolicyViolation, "%s can be booked at most %s ahead; %s is %s away",
				l.product.Sku, duration.Duration(h), start.Format(time.RFC3339), duration.Duration(start.Sub(now).Truncate(time.Minute)))
		}
	}
	return nil
}

// horizon is how far ahead p may be booked.
func (s *Service) horizon(p *ent.Product) time.Duration {
	if p.BookingHorizon != nil && *p.BookingHorizon > 0 {
		return p.BookingHorizon.Std()
	}
	return s.booking().Horizon.Std()
}

// book creates a reservation: a SCHEDULED lease over [start, start+duration) whose items are
// booked per product, checked against capacity and the owner's limits over that interval in one
// transaction. No item is claimed until the scheduler starts it.
func (s *Service) book(sys context.Context, v viewer.Viewer, o *owner, p *plan, in VendInput, start time.Time) (*ent.Lease, error) {
	now := s.now()
	end := start.Add(in.Duration.Std())
	if err := s.checkHorizon(p, now, start); err != nil {
		return nil, err
	}
	if err := s.checkDispenser(sys, o, p, in.Duration); err != nil {
		return nil, err
	}
	lim, err := s.loadLimits(sys, o, p)
	if err != nil {
		return nil, err
	}
	awaiting := p.needsApproval()
	var id int
	err = s.store.Write(sys, func(tx *database.Tx) error {
		if err := s.holdLimitsOverTime(sys, tx, lim, start, end, 0); err != nil {
			return err
		}
		if err := s.holdCapacity(sys, tx, p.items, start, end, 0, false); err != nil {
			return err
		}
		l, err := approvalAtCreate(tx.Lease.Create(), awaiting).SetOwnerID(o.id).SetNillableCostCenterID(o.costCenterID).
			SetStatus(Scheduled).SetDuration(in.Duration).
			SetStartsAt(start).SetEndsAt(end).SetRequest(p.request).SetNillableNote(in.Note).
			SetNillableIdempotencyKey(in.IdempotencyKey).SetCreatedAt(now).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return fmt.Errorf("create lease: %w", err)
		}
		id = l.ID
		if err := s.writeBookings(sys, tx, id, o, p.items, start, end); err != nil {
			return err
		}
		msg := fmt.Sprintf("booked from %s to %s", start.Format(time.RFC3339), end.Format(time.RFC3339))
		if awaiting {
			msg += "; awaiting approval by a manager of the cost center"
		}
		if err := event(sys, tx, now, id, v.Name, "status", "", string(Scheduled), msg); err != nil {
			return err
		}
		if awaiting {
			return s.notice(sys, tx, now, notify.Event{Kind: notify.KindApprovalNeeded, LeaseID: &id, Message: msg})
		}
		return nil
	})
	if err != nil {
		return s.idempotent(sys, v.UserID, in.IdempotencyKey, err)
	}
	if awaiting {
		s.deliver()
	}
	s.kickBookings(start)
	return s.loadAndEmit(sys, id, "")
}

// kickBookings asks the scheduler to look at reservations when one starting at start is due
// within the lead time.
func (s *Service) kickBookings(start time.Time) {
	if s.deps.BookingsDue != nil && !start.After(s.now().Add(s.booking().Lead.Std())) {
		s.deps.BookingsDue()
	}
}

// bookClaim is a claim's part in the booking ledger, inside the claim's transaction: a
// reservation that starts leaves SCHEDULED (its bookings were written when it was made); any
// other claim (a vend now, an approval, an expansion) books its interval, refused when it would
// leave a later reservation short.
func (s *Service) bookClaim(ctx context.Context, tx *database.Tx, now time.Time, id int, existing bool, spec newLease, lim *limits, shared bool) error {
	p := spec.plan
	if p.replacing {
		return nil
	}
	if p.booked != nil {
		return move(ctx, tx, now, id, Scheduled, Pending, spec.actor, "starting: items claimed", func(u *ent.LeaseUpdate) {
			u.ClearStatusMessage()
		})
	}
	from, to := now, now.Add(spec.duration.Std())
	if existing {
		l, err := tx.Lease.Query().Where(entlease.ID(id)).Select(entlease.FieldStatus, entlease.FieldEndsAt).Only(ctx)
		if err != nil {
			return fmt.Errorf("lease %d: %w", id, err)
		}
		if l.Status == Active && l.EndsAt != nil {
			to = *l.EndsAt // an expansion keeps the lease's end
		}
	}
	if err := s.holdLimitsOverTime(ctx, tx, lim, from, to, 0); err != nil {
		return err
	}
	if err := s.holdCapacity(ctx, tx, p.items, from, to, 0, shared && !existing); err != nil {
		return err
	}
	return s.writeBookings(ctx, tx, id, spec.owner, p.items, from, to)
}

// productKeys are the lock keys of lines' products, in id order (every caller locks products
// after the owner and the cost center, and in this order).
func productKeys(ids []int) []database.LockKey { return inventory.ProductLockKeys(ids) }

// serviceable counts a product's items that can serve: all but those in maintenance and those
// archived or being archived, read from the stock counters.
func serviceable(ctx context.Context, c *ent.Client, productID int) (int, error) {
	rows, err := c.StockCount.Query().Where(stockcount.ProductID(productID),
		stockcount.StatusNotIn(stockcount.Status(inventory.Maintenance), stockcount.Status(inventory.Archiving), stockcount.Status(inventory.Archived))).
		Select(stockcount.FieldCount).Ints(ctx)
	if err != nil {
		return 0, fmt.Errorf("count serviceable items of product %d: %w", productID, err)
	}
	n := 0
	for _, c := range rows {
		n += c
	}
	return n, nil
}

// The ledger stores a booking as segments of at most a week, only the last followed by the
// cleaning buffer, so that no row spans more than segment plus the longest buffer: the rows
// overlapping a window [from, to) are then among those whose free_at lies in (from, to + reach],
// one bounded range of the (product_id, free_at) index, and a check reads the bookings
// overlapping its window and two weeks after it, not every later booking. A week is what most
// leases last: a vend writes one row, not one per day (rows written with shorter segments
// read the same).
const (
	segment = 7 * 24 * time.Hour
	reach   = segment + 7*24*time.Hour // catalog bounds a cleaning buffer to 7 days
)

// committed reads the bookings of a product overlapping [from, to), leaving out lease except's:
// one bounded range of the (product_id, free_at) index.
func committed(ctx context.Context, c *ent.Client, productID int, from, to time.Time, except int) ([]span, error) {
	rows, err := c.Booking.Query().
		Where(booking.ProductID(productID), booking.FreeAtGT(from), booking.FreeAtLTE(to.Add(reach)),
			booking.StartsAtLT(to), booking.LeaseIDNEQ(except)).
		Select(booking.FieldStartsAt, booking.FieldFreeAt, booking.FieldQuantity).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("bookings of product %d: %w", productID, err)
	}
	out := make([]span, len(rows))
	for i, r := range rows {
		out[i] = span{from: r.StartsAt.UTC(), to: r.FreeAt.UTC(), qty: r.Quantity}
	}
	return out, nil
}

// startCounts is what a check decided at its window's start reads (readAtStart), in one
// statement and so from one snapshot.
type startCounts struct {
	// ahead: a booking of the scope begins within (from, end).
	ahead bool
	// held is what the scope's bookings hold at from.
	held int
	// capacity and available are the product's serviceable items and those AVAILABLE (product
	// checks only).
	capacity, available int
	// allocated is what startQuery.holder holds now (when asked).
	allocated int
}

// startQuery is what readAtStart reads: the bookings of scope over (from, end), lease except's
// left out.
type startQuery struct {
	scope     []predicate.Booking
	product   int // not 0: a product's check, counting buffers and reading its stock counters
	holder    int // not 0: also count the items this user holds now (the per-user limit)
	from, end time.Time
	except    int
}

// fits reports whether qty more items fit within limit over the window when that is decided at
// its start alone: when no booking begins within it. A booking's later rows continue it at its
// quantity, so what the bookings hold then only falls after from, and qty fit throughout when
// they fit at from. False means the window must be read: a booking begins in it, or qty do not
// fit at from.
func (c startCounts) fits(limit, qty int) bool { return !c.ahead && c.held+qty <= limit }

// querier runs a statement: a transaction, or a client outside one.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error)
}

// readAtStart reads, in one statement, whether a booking of w.scope (lease w.except's left out)
// begins within (w.from, w.end) and what scope's bookings hold at from: the rows covering from, one
// per booking, where reading the window costs every day of every booking in it. For a product
// (productID not 0) it counts the rows in their cleaning buffer too (a product's capacity counts
// them; what an owner holds does not) and reads the product's stock counters. Every part reads a
// covering index: the opening rows, the running rows, the buffered rows, the counters.
func readAtStart(ctx context.Context, q querier, dialect string, w startQuery) (startCounts, error) {
	scope, productID, from, end, except := w.scope, w.product, w.from, w.end, w.except
	b := entsql.Dialect(dialect)
	bookings := func(sel *entsql.Selector, ps ...predicate.Booking) *entsql.Selector {
		sel.From(b.Table(booking.Table))
		ps = append(slices.Clone(scope), ps...)
		if except != 0 {
			ps = append(ps, booking.LeaseIDNEQ(except))
		}
		for _, p := range ps {
			p(sel)
		}
		return sel
	}
	sum := func(sel *entsql.Selector, ps ...predicate.Booking) *entsql.Selector {
		sel = bookings(sel, ps...)
		return sel.Select(castSum(sel.C(booking.FieldQuantity)))
	}
	parts := []entsql.Querier{
		entsql.Exists(bookings(b.SelectExpr(entsql.Expr("1")), opening(), booking.StartsAtGT(from), booking.StartsAtLT(end))),
		// The rows covering from: those running (a row ends at most a segment after it starts)
		// and those in their cleaning buffer.
		sum(b.Select(), booking.EndsAtGT(from), booking.EndsAtLTE(from.Add(segment)), booking.StartsAtLTE(from)),
	}
	if productID != 0 {
		stock := func(ps ...predicate.StockCount) *entsql.Selector {
			sel := b.Select().From(b.Table(stockcount.Table))
			sel.Select(castSum(sel.C(stockcount.FieldCount)))
			for _, p := range append(ps, stockcount.ProductID(productID)) {
				p(sel)
			}
			return sel
		}
		parts = append(parts,
			sum(b.Select(), inBuffer(), booking.FreeAtGT(from), booking.EndsAtLTE(from)),
			stock(stockcount.StatusNotIn(stockcount.Status(inventory.Maintenance), stockcount.Status(inventory.Archiving), stockcount.Status(inventory.Archived))),
			stock(stockcount.StatusEQ(stockcount.Status(inventory.Available))))
	}
	if w.holder != 0 {
		// What the user holds now: their unreleased allocations, one range of the
		// (owner_id, released_at) index (see countLimits).
		sel := b.Select().From(b.Table(allocation.Table))
		sel.Select(entsql.Count(sel.C(allocation.FieldID)))
		allocation.OwnerID(w.holder)(sel)
		allocation.ReleasedAtIsNil()(sel)
		parts = append(parts, sel)
	}
	query, args := b.SelectExpr(entsql.ExprFunc(func(eb *entsql.Builder) {
		for i, p := range parts {
			if i > 0 {
				eb.Comma()
			}
			if _, ok := p.(*entsql.Predicate); ok {
				eb.Join(p)
				continue
			}
			eb.Wrap(func(eb *entsql.Builder) { eb.Join(p) })
		}
	})).Query()
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return startCounts{}, fmt.Errorf("bookings at %s: %w", from.Format(time.RFC3339), err)
	}
	defer rows.Close()
	var c startCounts
	var buffered int
	dest := []any{&c.ahead, &c.held}
	if productID != 0 {
		dest = append(dest, &buffered, &c.capacity, &c.available)
	}
	if w.holder != 0 {
		dest = append(dest, &c.allocated)
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return startCounts{}, fmt.Errorf("bookings at %s: %w", from.Format(time.RFC3339), err)
		}
		return startCounts{}, fmt.Errorf("bookings at %s: no row", from.Format(time.RFC3339))
	}
	if err := rows.Scan(dest...); err != nil {
		return startCounts{}, fmt.Errorf("bookings at %s: %w", from.Format(time.RFC3339), err)
	}
	c.held += buffered
	return c, rows.Close()
}

// castSum sums column, 0 for no rows, as an integer on both databases (Postgres sums a bigint
// to a numeric).
func castSum(column string) string {
	return fmt.Sprintf("CAST(COALESCE(SUM(%s), 0) AS BIGINT)", column)
}

// sumQuantity sums the rows' quantities, 0 for none.
func sumQuantity(s *entsql.Selector) string {
	return fmt.Sprintf("COALESCE(SUM(%s), 0)", s.C(booking.FieldQuantity))
}

// opening keeps the first row of each booking, spelled as the booking_openings index's
// condition so that both databases read that index.
func opening() predicate.Booking {
	return func(s *entsql.Selector) {
		s.Where(entsql.P(func(b *entsql.Builder) { b.Ident(s.C(booking.FieldOpens)) }))
	}
}

// inBuffer keeps the rows followed by a cleaning buffer, spelled as the booking_buffers index's
// condition.
func inBuffer() predicate.Booking {
	return func(s *entsql.Selector) {
		s.Where(entsql.ColumnsGT(s.C(booking.FieldFreeAt), s.C(booking.FieldEndsAt)))
	}
}

// holdCapacity checks, in tx and one booking at a time per product (database.Lock; SQLite's
// single writer), that lines' items fit over [from, to) plus each product's cleaning buffer,
// beside every other booking (lease except's left out). Too few is OUT_OF_STOCK naming, per
// product, the window that is short and the latest end that would fit.
//
// shared is for a claim that takes its items now, already locked in tx: on Postgres it then
// holds the products' locks shared, so that vends of one product do not wait for each other,
// and it keeps them only where that is safe, otherwise errExclusive asks for the claim to run
// again with shared false. It is safe where no booking begins within the window and the
// bookings covering its start are no more than the product's busy items (serviceable, not
// AVAILABLE), all read in one statement: every booking then has an item behind it, so the
// items each concurrent vend takes (AVAILABLE ones, each taken once) are as many free places,
// and no two vends together can book more than the product has. The moves that could leave a
// booking without its item (an item wiped before its buffer ends, or taken out of service
// under a lease) lock the product exclusively (inventory.lockFreed), so they never happen
// under such vends; a reservation that began and has not taken its items yet shows as more
// booked than busy.
func (s *Service) holdCapacity(ctx context.Context, tx *database.Tx, lines []line, from, to time.Time, except int, shared bool) error {
	ids := make([]int, len(lines))
	for i, l := range lines {
		ids[i] = l.product.ID
	}
	shared = shared && tx.Concurrent()
	lock := database.Lock
	if shared {
		lock = database.LockShared
	}
	if err := lock(ctx, tx, productKeys(ids)...); err != nil {
		return err
	}
	var short []string
	for _, l := range lines {
		buf := l.product.CleaningBuffer.Std()
		end := to.Add(buf)
		at, err := readAtStart(ctx, tx, tx.Dialect(), startQuery{scope: []predicate.Booking{booking.ProductID(l.product.ID)},
			product: l.product.ID, from: from, end: end, except: except})
		if err != nil {
			return err
		}
		capacity := at.capacity
		if shared && !(at.fits(capacity, l.qty) && at.held <= at.capacity-at.available) {
			return errExclusive
		}
		if at.fits(capacity, l.qty) {
			continue
		}
		spans, err := committed(ctx, tx.Client(), l.product.ID, from, end, except)
		if err != nil {
			return err
		}
		if c, ok := fit(profile(spans, from, end), end, capacity, l.qty); !ok {
			short = append(short, describeShort(l.product.Sku, l.qty, capacity, c, from, buf))
		}
	}
	if len(short) > 0 {
		return apperr.New(apperr.OutOfStock, "%s", strings.Join(short, "; "))
	}
	return nil
}

// errExclusive is holdCapacity asking for its claim to run again, holding the products'
// locks exclusively.
var errExclusive = errors.New("the claim needs the products' locks to itself")

// describeShort says why qty of sku do not fit from from: the window short of items and the
// latest end that would fit (the conflict's start less the cleaning buffer).
func describeShort(sku string, qty, capacity int, c conflict, from time.Time, buf time.Duration) string {
	msg := fmt.Sprintf("%s: %d requested, %d of %d bookable from %s to %s", sku, qty, c.Free, capacity,
		c.From.Format(time.RFC3339), c.To.Format(time.RFC3339))
	if latest := c.From.Add(-buf); latest.After(from) {
		return msg + "; the latest end that fits is " + latest.Format(time.RFC3339)
	}
	return msg + "; nothing fits from " + from.Format(time.RFC3339)
}

// writeBookings records lines' bookings for lease id over [from, to).
func (s *Service) writeBookings(ctx context.Context, tx *database.Tx, id int, o *owner, lines []line, from, to time.Time) error {
	var creates []*ent.BookingCreate
	for _, l := range lines {
		creates = append(creates, segments(tx.Booking, id, l.product.ID, o.id, o.costCenterID, l.qty, l.product.CleaningBuffer, from, to, true)...)
	}
	for start := 0; start < len(creates); start += eventChunk {
		if err := tx.Booking.CreateBulk(creates[start:min(start+eventChunk, len(creates))]...).Exec(ctx); err != nil {
			return fmt.Errorf("bookings of lease %d: %w", id, err)
		}
	}
	return nil
}

// segments are the ledger rows of one booking over [from, to): a row per week at most, the last
// followed by the cleaning buffer.
func segments(c *ent.BookingClient, leaseID, productID, ownerID int, costCenterID *int, qty int, buf duration.Duration, from, to time.Time, opens bool) []*ent.BookingCreate {
	var out []*ent.BookingCreate
	for a := from; a.Before(to); opens = false {
		b := a.Add(segment)
		free := b
		if !b.Before(to) {
			b, free = to, to.Add(buf.Std())
		}
		out = append(out, c.Create().SetLeaseID(leaseID).SetProductID(productID).SetOwnerID(ownerID).
			SetNillableCostCenterID(costCenterID).SetQuantity(qty).SetStartsAt(a).SetEndsAt(b).SetBuffer(buf).SetFreeAt(free).SetOpens(opens))
		a = b
	}
	return out
}

// holdLimitsOverTime applies the per-user limit and the cost center's entitlements at every
// instant of [from, to): what the owner (or the cost center) holds and has booked then, plus
// lim's items, stays within the limit. Lease except's bookings are left out. It locks the owner
// and the cost center as holdLimits does.
func (s *Service) holdLimitsOverTime(ctx context.Context, tx *database.Tx, lim *limits, from, to time.Time, except int) error {
	if err := lockLimits(ctx, tx, lim); err != nil {
		return err
	}
	held := func(q *ent.BookingQuery) ([]span, error) {
		rows, err := q.Where(booking.FreeAtGT(from), booking.FreeAtLTE(to.Add(reach)), booking.EndsAtGT(from),
			booking.StartsAtLT(to), booking.LeaseIDNEQ(except)).
			Select(booking.FieldStartsAt, booking.FieldEndsAt, booking.FieldQuantity).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("bookings held: %w", err)
		}
		out := make([]span, len(rows))
		for i, r := range rows {
			out[i] = span{from: r.StartsAt.UTC(), to: r.EndsAt.UTC(), qty: r.Quantity}
		}
		return out, nil
	}
	// What the owner holds and has booked, read day by day only when a booking of theirs begins
	// within the window or the count at its start does not fit.
	at, err := lim.ownerAtStart(ctx, tx, from, to, except)
	if err != nil {
		return err
	}
	if !at.fits(lim.max, lim.want) {
		spans, err := held(tx.Booking.Query().Where(booking.OwnerID(lim.owner.id)))
		if err != nil {
			return err
		}
		if c, ok := fit(profile(spans, from, to), to, lim.max, lim.want); !ok {
			return apperr.New(apperr.PolicyViolation, "per-user limit: %s holds or has booked %d items from %s to %s and asks for %d more; the limit is %d",
				lim.owner.name, lim.max-c.Free, c.From.Format(time.RFC3339), c.To.Format(time.RFC3339), lim.want, lim.max)
		}
	}
	for _, e := range lim.entitled {
		spans, err := held(tx.Booking.Query().Where(booking.CostCenterID(lim.cc.ID), booking.ProductID(e.product.ID)))
		if err != nil {
			return err
		}
		if c, ok := fit(profile(spans, from, to), to, e.limit, e.qty); !ok {
			return apperr.New(apperr.PolicyViolation, "entitlement: cost center %s may hold %d of %s and holds or has booked %d from %s to %s; %d more would exceed it",
				lim.cc.Code, e.limit, e.product.Sku, e.limit-c.Free, c.From.Format(time.RFC3339), c.To.Format(time.RFC3339), e.qty)
		}
	}
	return nil
}

// terminal reports whether a lease in st has ended.
func terminal(st Status) bool { return st == Expired || st == Returned || st == Rejected }

// trimBookings ends the bookings of leases that ended at now, inside the transaction that ended
// them: a booking not begun is deleted, one under way ends now and keeps its cleaning buffer.
func trimBookings(ctx context.Context, tx *database.Tx, now time.Time, ids []int) error {
	for start := 0; start < len(ids); start += eventChunk {
		chunk := ids[start:min(start+eventChunk, len(ids))]
		if _, err := tx.Booking.Delete().Where(booking.LeaseIDIn(chunk...), booking.StartsAtGTE(now)).Exec(ctx); err != nil {
			return fmt.Errorf("free bookings: %w", err)
		}
		rows, err := tx.Booking.Query().Where(booking.LeaseIDIn(chunk...), booking.EndsAtGTE(now)).
			Select(booking.FieldBuffer).All(ctx)
		if err != nil {
			return fmt.Errorf("free bookings: %w", err)
		}
		buffers := make([]duration.Duration, len(rows))
		for i, r := range rows {
			buffers[i] = r.Buffer
		}
		for _, buf := range slices.Compact(slices.Sorted(slices.Values(buffers))) {
			// The segment under way ends now (one that ends exactly now included: it becomes the
			// last) and takes the buffer.
			if err := tx.Booking.Update().Where(booking.LeaseIDIn(chunk...), booking.EndsAtGTE(now), booking.Buffer(buf)).
				SetEndsAt(now).SetFreeAt(now.Add(buf.Std())).Exec(ctx); err != nil {
				return fmt.Errorf("free bookings: %w", err)
			}
		}
	}
	return nil
}

// extendBookings moves lease l's bookings to end at newEnd, inside the extension's transaction,
// when every product can serve them until then (and its cleaning buffer after): an extension that
// would leave a later reservation short is a POLICY_VIOLATION naming the window and the latest
// end that fits. A lease booked before the ledger existed has no bookings and extends as before.
func (s *Service) extendBookings(ctx context.Context, tx *database.Tx, l *ent.Lease, newEnd time.Time) error {
	rows, err := tx.Booking.Query().Where(booking.LeaseID(l.ID), booking.EndsAtGTE(*l.EndsAt)).All(ctx)
	if err != nil || len(rows) == 0 {
		return err
	}
	ids := make([]int, len(rows))
	for i, r := range rows {
		ids[i] = r.ProductID
	}
	if err := database.Lock(ctx, tx, productKeys(ids)...); err != nil {
		return err
	}
	prods, err := tx.Product.Query().Where(product.IDIn(ids...)).All(ctx)
	if err != nil {
		return err
	}
	for _, r := range rows {
		i := slices.IndexFunc(prods, func(p *ent.Product) bool { return p.ID == r.ProductID })
		if i < 0 {
			continue
		}
		p := prods[i]
		buf := r.Buffer.Std()
		from, end := r.EndsAt.UTC(), newEnd.Add(buf)
		capacity, err := serviceable(ctx, tx.Client(), p.ID)
		if err != nil {
			return err
		}
		spans, err := committed(ctx, tx.Client(), p.ID, from, end, l.ID)
		if err != nil {
			return err
		}
		if c, ok := fit(profile(spans, from, end), end, capacity, r.Quantity); !ok {
			msg := fmt.Sprintf("extending lease %d to %s would leave a booking short: %s has %d of %d free from %s to %s",
				l.ID, newEnd.Format(time.RFC3339), p.Sku, c.Free, capacity, c.From.Format(time.RFC3339), c.To.Format(time.RFC3339))
			if latest := c.From.Add(-buf); latest.After(*l.EndsAt) {
				msg += "; the latest end that fits is " + latest.Format(time.RFC3339)
			} else {
				msg += "; the lease cannot be extended now"
			}
			return apperr.New(apperr.PolicyViolation, "%s", msg)
		}
		// The last segment is no longer the last: its buffer moves to the new end.
		if err := tx.Booking.UpdateOne(r).SetFreeAt(r.EndsAt).Exec(ctx); err != nil {
			return fmt.Errorf("extend booking: %w", err)
		}
		more := segments(tx.Booking, l.ID, r.ProductID, r.OwnerID, r.CostCenterID, r.Quantity, r.Buffer, r.EndsAt.UTC(), newEnd, false)
		if err := tx.Booking.CreateBulk(more...).Exec(ctx); err != nil {
			return fmt.Errorf("extend booking: %w", err)
		}
	}
	return nil
}

// cancelBooking cancels a SCHEDULED lease (returnLease before its start): REJECTED with nothing
// charged and its bookings freed.
func (s *Service) cancelBooking(ctx context.Context, tx *database.Tx, now time.Time, id int, actor string) error {
	msg := "cancelled by " + actor + " before its start"
	err := move(ctx, tx, now, id, Scheduled, Rejected, actor, msg, func(u *ent.LeaseUpdate) {
		approvalSettled(u).SetStatusMessage(msg).SetEndedAt(now)
	})
	if errors.Is(err, apperr.Conflict) {
		return apperr.New(apperr.Conflict, "lease %d is starting; return it once it is ACTIVE", id)
	}
	return err
}

// Reschedule moves or stretches a SCHEDULED lease to [startsAt, endsAt): the owner, a manager of
// its cost center or an admin may. Durations, the horizon, the limits and capacity are checked
// for the new interval, beside every other booking, in the transaction that moves it: either the
// new interval holds, or the lease keeps the old one.
func (s *Service) Reschedule(ctx context.Context, id int, startsAt, endsAt time.Time) (*ent.Lease, error) {
	v, sys, l, err := s.actOn(ctx, id, "rescheduleLease")
	if err != nil {
		return nil, err
	}
	if l.Status != Scheduled || l.StartsAt == nil {
		return nil, apperr.New(apperr.Conflict, "lease %d is %s; only a SCHEDULED lease can be rescheduled", id, l.Status)
	}
	now := s.now()
	start, end := startsAt.UTC().Truncate(time.Microsecond), endsAt.UTC().Truncate(time.Microsecond)
	switch {
	case !start.After(now):
		return nil, invalid("startsAt: %s is not in the future", start.Format(time.RFC3339))
	case !end.After(start):
		return nil, invalid("endsAt: must be after startsAt")
	}
	d := duration.Duration(end.Sub(start))
	p, err := s.resolveStored(sys, l.Request)
	if err != nil {
		return nil, err
	}
	if err := checkDuration(p, d); err != nil {
		return nil, err
	}
	if err := checkTotals(p.billed, d.Std()); err != nil {
		return nil, err
	}
	if err := s.checkHorizon(p, now, start); err != nil {
		return nil, err
	}
	o, err := s.loadOwner(sys, l.OwnerID)
	if err != nil {
		return nil, err
	}
	lim, err := s.loadLimits(sys, o, p)
	if err != nil {
		return nil, err
	}
	err = s.store.Write(sys, func(tx *database.Tx) error {
		// Locks first (owner, cost center, products), then the lease row, as a starting claim.
		if err := s.holdLimitsOverTime(sys, tx, lim, start, end, id); err != nil {
			return err
		}
		if err := s.holdCapacity(sys, tx, p.items, start, end, id, false); err != nil {
			return err
		}
		n, err := tx.Lease.Update().Where(entlease.ID(id), entlease.StatusEQ(Scheduled), entlease.StartsAt(*l.StartsAt)).
			SetStartsAt(start).SetEndsAt(end).SetDuration(d).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "lease %d changed meanwhile (it may be starting); try again", id)
		}
		if _, err := tx.Booking.Delete().Where(booking.LeaseID(id)).Exec(sys); err != nil {
			return fmt.Errorf("bookings of lease %d: %w", id, err)
		}
		if err := s.writeBookings(sys, tx, id, o, p.items, start, end); err != nil {
			return err
		}
		return event(sys, tx, now, id, v.Name, "rescheduled", "", "",
			fmt.Sprintf("now from %s to %s", start.Format(time.RFC3339), end.Format(time.RFC3339)))
	})
	if err != nil {
		return nil, database.Wrap(err, "reschedule lease %d", id)
	}
	s.kickBookings(start)
	return s.loadAndEmit(sys, id, "RESCHEDULED")
}

// approveBooking decides for a reservation awaiting approval: it stays SCHEDULED, now to be
// started by the scheduler. Its items were booked when it was made.
func (s *Service) approveBooking(sys context.Context, v viewer.Viewer, l *ent.Lease) (*ent.Lease, error) {
	now := s.now()
	err := s.store.Write(sys, func(tx *database.Tx) error {
		n, err := approvalDecided(tx.Lease.Update().Where(entlease.ID(l.ID), entlease.StatusEQ(Scheduled)), v.Name).
			SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "lease %d is no longer awaiting approval", l.ID)
		}
		return event(sys, tx, now, l.ID, v.Name, "approved", "", "", "approved by "+v.Name)
	})
	if err != nil {
		return nil, database.Wrap(err, "approve lease %d", l.ID)
	}
	if l.StartsAt != nil {
		s.kickBookings(*l.StartsAt)
	}
	return s.loadAndEmit(sys, l.ID, "")
}
