package lease

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestCapacitySweep(t *testing.T) {
	t0 := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
	tests := []struct {
		name     string
		spans    []span
		from, to time.Time
		want     []step
		peak     int
		capacity int
		ask      int
		fits     bool
		conflict conflict
	}{
		{name: "empty", from: h(0), to: h(10), want: []step{{h(0), 0}}, capacity: 2, ask: 2, fits: true},
		{name: "capacity zero", from: h(0), to: h(10), want: []step{{h(0), 0}}, capacity: 0, ask: 1,
			conflict: conflict{From: h(0), To: h(10), Free: 0}},
		{name: "outside the window", spans: []span{{h(-5), h(0), 3}, {h(10), h(12), 3}}, from: h(0), to: h(10),
			want: []step{{h(0), 0}}, capacity: 1, ask: 1, fits: true},
		{name: "covering the start", spans: []span{{h(-5), h(2), 1}}, from: h(0), to: h(10),
			want: []step{{h(0), 1}, {h(2), 0}}, peak: 1, capacity: 2, ask: 1, fits: true},
		{name: "touching ends do not overlap", spans: []span{{h(0), h(4), 1}, {h(4), h(8), 1}}, from: h(0), to: h(10),
			want: []step{{h(0), 1}, {h(8), 0}}, peak: 1, capacity: 1, ask: 1,
			conflict: conflict{From: h(0), To: h(8), Free: 0}},
		{name: "stacked", spans: []span{{h(1), h(5), 2}, {h(3), h(9), 3}, {h(4), h(6), 1}}, from: h(0), to: h(10),
			want: []step{{h(0), 0}, {h(1), 2}, {h(3), 5}, {h(4), 6}, {h(5), 4}, {h(6), 3}, {h(9), 0}},
			peak: 6, capacity: 7, ask: 2, conflict: conflict{From: h(4), To: h(5), Free: 1}},
		{name: "fits under the peak", spans: []span{{h(1), h(5), 2}, {h(3), h(9), 3}}, from: h(0), to: h(10),
			want: []step{{h(0), 0}, {h(1), 2}, {h(3), 5}, {h(5), 3}, {h(9), 0}}, peak: 5, capacity: 7, ask: 2, fits: true},
		{name: "conflict to the end", spans: []span{{h(6), h(20), 4}}, from: h(0), to: h(10),
			want: []step{{h(0), 0}, {h(6), 4}}, peak: 4, capacity: 4, ask: 1, conflict: conflict{From: h(6), To: h(10), Free: 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prof := profile(tc.spans, tc.from, tc.to)
			require.Equal(t, tc.want, prof)
			require.Equal(t, tc.peak, peak(prof, tc.from, tc.to))
			c, ok := fit(prof, tc.to, tc.capacity, tc.ask)
			require.Equal(t, tc.fits, ok)
			if !ok {
				require.Equal(t, tc.conflict, c)
			}
		})
	}
}

func TestPeakOfPart(t *testing.T) {
	t0 := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
	prof := profile([]span{{h(2), h(4), 3}, {h(6), h(7), 1}}, h(0), h(10))
	for _, tc := range []struct {
		from, to time.Time
		want     int
	}{{h(0), h(2), 0}, {h(0), h(3), 3}, {h(4), h(6), 0}, {h(3), h(7), 3}, {h(5), h(10), 1}, {h(7), h(10), 0}} {
		require.Equal(t, tc.want, peak(prof, tc.from, tc.to), "%s..%s", tc.from, tc.to)
	}
}
