package billing

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/costcenter"
)

// TestDraftIDRoundTrip: a draft's id reads back as its cost center, month and currency, no two
// drafts share one, and none falls in a table's range.
func TestDraftIDRoundTrip(t *testing.T) {
	start := ent.TableStart(costcenter.Table)
	seen := map[int]bool{}
	for _, cc := range []int{start + 1, start + 2, start + 70000} {
		for _, month := range []string{"2026-01", "2026-12", "2099-07"} {
			for _, cur := range []string{"AAA", "EUR", "USD", "ZZZ"} {
				id := DraftID(cc, month, cur)
				require.NotZero(t, id)
				require.False(t, seen[id])
				seen[id] = true
				require.Empty(t, ent.TableOf(id), "outside every table's range")
				gotCC, gotMonth, gotCur, ok := parseDraftID(id)
				require.True(t, ok)
				require.Equal(t, []any{cc, month, cur}, []any{gotCC, gotMonth, gotCur})
				require.Less(t, id, 1<<53, "exact in a JavaScript number too")
			}
		}
	}
	require.Zero(t, DraftID(start+1, "2026-13", "EUR"))
	require.Zero(t, DraftID(start+1, "2026-11", "eur"))
	_, _, _, ok := parseDraftID(start + 1)
	require.False(t, ok)
}
