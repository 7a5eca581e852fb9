package lease

import (
	"context"
	"fmt"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
)

// LiveStatuses are the statuses a lease passes through; the others are where it ends, and
// their counts only grow, so monitoring counts the flows that end leases instead.
var LiveStatuses = []Status{Scheduled, Pending, Active, Queued}

// LiveCounts counts the leases in each live status, each through the (status, ends_at) index:
// monitoring reads it at every scrape, and it costs what is live, not the lease history.
func LiveCounts(ctx context.Context, client *ent.Client) (map[Status]int, error) {
	out := make(map[Status]int, len(LiveStatuses))
	for _, st := range LiveStatuses {
		n, err := client.Lease.Query().Where(entlease.StatusEQ(st)).Count(database.System(ctx))
		if err != nil {
			return nil, fmt.Errorf("count %s leases: %w", st, err)
		}
		out[st] = n
	}
	return out, nil
}
