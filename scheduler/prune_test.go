package scheduler

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/jobrun"
)

// TestPruneJobRuns: the job-run log keeps runs for the retention, and each job's latest run
// however old; a run deletes at most pruneBatch rows, the next run goes on.
func TestPruneJobRuns(t *testing.T) {
	t.Parallel()
	b := setup(t)
	c := b.store.Client
	sys := database.System(context.Background())
	add := func(job string, n int, ago time.Duration) {
		for start := 0; start < n; start += 1000 {
			var rows []*ent.JobRunCreate
			for i := start; i < min(start+1000, n); i++ {
				at := t0.Add(-ago).Add(time.Duration(i) * time.Second)
				rows = append(rows, c.JobRun.Create().SetJob(job).SetReplica("r/1").SetStartedAt(at).SetFinishedAt(at))
			}
			require.NoError(t, c.JobRun.CreateBulk(rows...).Exec(sys))
		}
	}
	add(ExpireLeases, pruneBatch+100, 10*24*time.Hour) // old: to go, but not all in one run
	add(ExpireLeases, 50, 24*time.Hour)                // recent: kept
	add(CloseBills, 3, 30*24*time.Hour)                // old, the latest kept
	prune := PruneRuns(c, duration.Duration(7*24*time.Hour))

	n, err := prune(sys, t0)
	require.NoError(t, err)
	require.Equal(t, pruneBatch, n, "bounded")
	n, err = prune(sys, t0)
	require.NoError(t, err)
	require.Equal(t, 100+2, n)
	n, err = prune(sys, t0)
	require.NoError(t, err)
	require.Zero(t, n, "idempotent")

	count := func(job string) int {
		n, err := c.JobRun.Query().Where(jobrun.Job(job)).Count(sys)
		require.NoError(t, err)
		return n
	}
	require.Equal(t, 50, count(ExpireLeases))
	require.Equal(t, 1, count(CloseBills), "a job's latest run stays")

	// Scheduled like any job.
	s := b.scheduler(t, Config{}, Job{Name: PruneJobRuns, Run: prune})
	info, err := s.Job(PruneJobRuns)
	require.NoError(t, err)
	require.Equal(t, "1h", info.Schedule)
}
