package lease

import (
	"slices"
	"time"
)

// span is one booking as the capacity sweep sees it: qty items committed over [from, to).
type span struct {
	from, to time.Time
	qty      int
}

// step is one piece of a usage profile: level items are committed from at until the next step
// (the last until the profile's end).
type step struct {
	at    time.Time
	level int
}

// profile sweeps the spans over [from, to): the committed level at every instant, as steps in
// time order, the first at from. It costs O(n log n) in the spans given, which the ledger query
// limits to those overlapping the window.
func profile(spans []span, from, to time.Time) []step {
	type edge struct {
		at time.Time
		d  int
	}
	edges := make([]edge, 0, 2*len(spans))
	base := 0
	for _, s := range spans {
		if !s.to.After(from) || !s.from.Before(to) || s.qty == 0 {
			continue
		}
		if !s.from.After(from) {
			base += s.qty
		} else {
			edges = append(edges, edge{s.from, s.qty})
		}
		if s.to.Before(to) {
			edges = append(edges, edge{s.to, -s.qty})
		}
	}
	slices.SortFunc(edges, func(a, b edge) int { return a.at.Compare(b.at) })
	out := []step{{at: from, level: base}}
	for _, e := range edges {
		last := &out[len(out)-1]
		if e.at.Equal(last.at) {
			last.level += e.d
			continue
		}
		out = append(out, step{at: e.at, level: last.level + e.d})
	}
	// Merge equal neighbours, so each step is a change.
	merged := out[:1]
	for _, s := range out[1:] {
		if s.level != merged[len(merged)-1].level {
			merged = append(merged, s)
		}
	}
	return merged
}

// peak is the highest level of prof over [from, to).
func peak(prof []step, from, to time.Time) int {
	m := 0
	for i, s := range prof {
		end := to
		if i+1 < len(prof) {
			end = prof[i+1].at
		}
		if !end.After(from) {
			continue
		}
		if !s.at.Before(to) {
			break
		}
		m = max(m, s.level)
	}
	return m
}

// conflict is where a booking would not fit: from From to To fewer than the asked items are free
// (Free of them).
type conflict struct {
	From, To time.Time
	Free     int
}

// fit reports whether want more items fit under capacity at every instant of prof (a profile of
// the window asked for, ending at end); when they do not, it returns the first stretch where
// they do not.
func fit(prof []step, end time.Time, capacity, want int) (conflict, bool) {
	for i, s := range prof {
		if s.level+want <= capacity {
			continue
		}
		c := conflict{From: s.at, To: end, Free: max(0, capacity-s.level)}
		for j := i + 1; j < len(prof); j++ {
			if prof[j].level+want <= capacity {
				c.To = prof[j].at
				break
			}
			c.Free = min(c.Free, max(0, capacity-prof[j].level))
		}
		return c, false
	}
	return conflict{}, true
}
