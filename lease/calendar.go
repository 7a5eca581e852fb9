package lease

import (
	"context"
	"slices"
	"sort"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

// CalendarSlot is one slot of an availability calendar: how many items of a product can be
// booked for the whole of [From, To), out of how many can serve. It is also the GraphQL
// CalendarSlot.
type CalendarSlot struct {
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Bookable int       `json:"bookable"`
	Capacity int       `json:"capacity"`
}

// maxSlots bounds one calendar.
const maxSlots = 2000

// usage is one product's bookings swept over a window, with what it can serve.
type usage struct {
	line     line
	capacity int
	buffer   time.Duration
	prof     []step
}

// usages reads, per product of p's items, its capacity and the profile of its bookings over
// [from, to) plus its cleaning buffer: one ledger range per product, costing the bookings that
// overlap the window.
func (s *Service) usages(sys context.Context, p *plan, from, to time.Time) ([]usage, error) {
	out := make([]usage, len(p.items))
	for i, l := range p.items {
		buf := l.product.CleaningBuffer.Std()
		capacity, err := serviceable(sys, s.client, l.product.ID)
		if err != nil {
			return nil, err
		}
		spans, err := committed(sys, s.client, l.product.ID, from, to.Add(buf), 0)
		if err != nil {
			return nil, err
		}
		out[i] = usage{line: l, capacity: capacity, buffer: buf, prof: profile(spans, from, to.Add(buf))}
	}
	return out, nil
}

// peakAt is the highest level of prof over [from, to), found from the step in force at from.
func peakAt(prof []step, from, to time.Time) int {
	i := sort.Search(len(prof), func(i int) bool { return prof[i].at.After(from) }) - 1
	m := 0
	for i = max(i, 0); i < len(prof) && prof[i].at.Before(to); i++ {
		m = max(m, prof[i].level)
	}
	return m
}

// bookable is how many of the request (one unit: a product, or a bundle of its components) fit
// over [from, to) beside every booking.
func bookable(us []usage, from, to time.Time) (free, capacity int) {
	for i, u := range us {
		f := max(0, u.capacity-peakAt(u.prof, from, to.Add(u.buffer))) / u.line.qty
		c := u.capacity / u.line.qty
		if i == 0 || f < free {
			free = f
		}
		if i == 0 || c < capacity {
			capacity = c
		}
	}
	return free, capacity
}

// Calendar answers availabilityCalendar: for each slot of [from, to) by step, how many of sku
// can be booked for the whole slot (its cleaning buffer after it included). A bundle counts
// whole bundles. Any signed-in user who may vend the SKU may ask.
func (s *Service) Calendar(ctx context.Context, sku string, from, to time.Time, step duration.Duration) ([]*CalendarSlot, error) {
	_, ctx, err := auth.Authorized(ctx)
	if err != nil {
		return nil, err
	}
	from, to = from.UTC().Truncate(time.Microsecond), to.UTC().Truncate(time.Microsecond)
	switch {
	case step <= 0:
		return nil, invalid("step: must be positive")
	case !to.After(from):
		return nil, invalid("to: must be after from")
	case (to.Sub(from)+step.Std()-1)/step.Std() > maxSlots:
		return nil, invalid("step: %s from %s to %s makes more than %d slots", step, from.Format(time.RFC3339), to.Format(time.RFC3339), maxSlots)
	}
	p, err := s.resolve(ctx, []schematype.LeaseLine{{SKU: sku, Quantity: 1}}, true)
	if err != nil {
		return nil, err
	}
	us, err := s.usages(ctx, p, from, to)
	if err != nil {
		return nil, err
	}
	var out []*CalendarSlot
	for a := from; a.Before(to); a = a.Add(step.Std()) {
		b := a.Add(step.Std())
		if b.After(to) {
			b = to
		}
		free, capacity := bookable(us, a, b)
		out = append(out, &CalendarSlot{From: a, To: b, Bookable: free, Capacity: capacity})
	}
	return out, nil
}

// EarliestQuery asks earliestStart: one SKU or several lines, for how long, from when.
type EarliestQuery struct {
	SKU      *string
	Lines    []*schematype.LeaseLine
	Duration duration.Duration
	After    *time.Time
}

// EarliestStart is the first time at or after q.After (default, and at the earliest, now) when
// the request fits for q.Duration beside every booking, all lines at once, within the products'
// booking horizon; none is OUT_OF_STOCK. The answer is now or the end of some booking (the only
// times a window can start to fit), each checked in memory against the bookings read once.
func (s *Service) EarliestStart(ctx context.Context, q EarliestQuery) (time.Time, error) {
	_, ctx, err := auth.Authorized(ctx)
	if err != nil {
		return time.Time{}, err
	}
	var lines []schematype.LeaseLine
	switch {
	case q.SKU != nil && len(q.Lines) > 0:
		return time.Time{}, invalid("give either sku or lines, not both")
	case q.SKU != nil:
		lines = []schematype.LeaseLine{{SKU: *q.SKU, Quantity: 1}}
	case len(q.Lines) > 0:
		for _, l := range q.Lines {
			lines = append(lines, *l)
		}
	default:
		return time.Time{}, invalid("give sku or lines")
	}
	p, err := s.resolve(ctx, lines, q.SKU != nil)
	if err != nil {
		return time.Time{}, err
	}
	if err := checkDuration(p, q.Duration); err != nil {
		return time.Time{}, err
	}
	now := s.now()
	after := now
	if q.After != nil && q.After.After(now) {
		after = q.After.UTC().Truncate(time.Microsecond)
	}
	latest := now.Add(s.booking().Horizon.Std())
	for _, l := range p.billed {
		latest = minTime(latest, now.Add(s.horizon(l.product)))
	}
	if after.After(latest) {
		return time.Time{}, apperr.New(apperr.PolicyViolation, "after: %s is beyond the booking horizon (%s)", after.Format(time.RFC3339), latest.Format(time.RFC3339))
	}
	d := q.Duration.Std()
	us, err := s.usages(ctx, p, after, latest.Add(d))
	if err != nil {
		return time.Time{}, err
	}
	candidates := []time.Time{after}
	for _, u := range us {
		if u.line.qty > u.capacity {
			return time.Time{}, apperr.New(apperr.OutOfStock, "%s: %d requested, only %d items can serve", u.line.product.Sku, u.line.qty, u.capacity)
		}
		for i := 1; i < len(u.prof); i++ {
			if u.prof[i].level < u.prof[i-1].level && !u.prof[i].at.After(latest) {
				candidates = append(candidates, u.prof[i].at)
			}
		}
	}
	slices.SortFunc(candidates, func(a, b time.Time) int { return a.Compare(b) })
	for _, t := range slices.CompactFunc(candidates, func(a, b time.Time) bool { return a.Equal(b) }) {
		fits := true
		for _, u := range us {
			if peakAt(u.prof, t, t.Add(d+u.buffer))+u.line.qty > u.capacity {
				fits = false
				break
			}
		}
		if fits {
			return t, nil
		}
	}
	return time.Time{}, apperr.New(apperr.OutOfStock, "nothing fits %s for %s before %s, the end of the booking horizon",
		describe(p.request), q.Duration, latest.Format(time.RFC3339))
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
