package database

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestChunks(t *testing.T) {
	t.Parallel()
	seq := func(n int) []int {
		xs := make([]int, n)
		for i := range xs {
			xs[i] = i
		}
		return xs
	}
	tests := []struct {
		name          string
		n             int
		perRow, extra int
		wantLens      []int
	}{
		{name: "empty", n: 0, perRow: 1, wantLens: nil},
		{name: "fits one statement", n: maxParams, perRow: 1, wantLens: []int{maxParams}},
		{name: "one over", n: maxParams + 1, perRow: 1, wantLens: []int{maxParams, 1}},
		{name: "room for extras", n: maxParams, perRow: 1, extra: 100, wantLens: []int{maxParams - 100, 100}},
		{name: "parameters per row", n: 7000, perRow: 10, wantLens: []int{3000, 3000, 1000}},
		{name: "a row wider than the limit goes alone", n: 2, perRow: maxParams * 2, wantLens: []int{1, 1}},
		{name: "zero per row counts as one", n: 3, perRow: 0, wantLens: []int{3}},
		{name: "negative extra counts as none", n: maxParams + 1, perRow: 1, extra: -5, wantLens: []int{maxParams, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			xs := seq(tt.n)
			chunks := Chunks(xs, tt.perRow, tt.extra)
			var lens []int
			var joined []int
			for _, c := range chunks {
				lens = append(lens, len(c))
				joined = append(joined, c...)
			}
			require.Equal(t, tt.wantLens, lens)
			if tt.n > 0 {
				require.Equal(t, xs, joined, "the chunks are xs in order")
			}
		})
	}
}
