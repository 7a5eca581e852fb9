package scheduler

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/jobrun"
)

// PruneJobRuns is the job that deletes old entries of the job-run log.
const PruneJobRuns = "prune-job-runs"

// DefaultRunRetention is how long the job-run log keeps a run: a week of runs is about 80,000
// rows with the default schedules.
const DefaultRunRetention = duration.Duration(7 * duration.Day)

// pruneBatch bounds the rows one run deletes.
const pruneBatch = 5_000

// PruneRuns returns the job that deletes runs started longer than retention ago (0 means
// DefaultRunRetention) from the job-run log, at most pruneBatch per run, and keeps each job's
// latest run however old, since admins see it in schedulerJobs.
func PruneRuns(client *ent.Client, retention duration.Duration) Func {
	if retention <= 0 {
		retention = DefaultRunRetention
	}
	return func(ctx context.Context, now time.Time) (int, error) {
		sys := database.System(ctx)
		cutoff := now.Add(-retention.Std())
		jobs, err := client.JobRun.Query().Where(jobrun.StartedAtLT(cutoff)).GroupBy(jobrun.FieldJob).Strings(sys)
		if err != nil {
			return 0, fmt.Errorf("prune job runs: %w", err)
		}
		deleted := 0
		for _, job := range jobs {
			if deleted >= pruneBatch {
				break
			}
			latest, err := client.JobRun.Query().Where(jobrun.Job(job)).Order(ent.Desc(jobrun.FieldStartedAt), ent.Desc(jobrun.FieldID)).
				FirstID(sys)
			if err != nil {
				return deleted, fmt.Errorf("prune job runs of %s: %w", job, err)
			}
			ids, err := client.JobRun.Query().Where(jobrun.Job(job), jobrun.StartedAtLT(cutoff), jobrun.IDNEQ(latest)).
				Limit(pruneBatch - deleted).IDs(sys)
			if err != nil || len(ids) == 0 {
				if err != nil {
					return deleted, fmt.Errorf("prune job runs of %s: %w", job, err)
				}
				continue
			}
			n, err := client.JobRun.Delete().Where(jobrun.IDIn(ids...)).Exec(sys)
			deleted += n
			if err != nil {
				return deleted, fmt.Errorf("prune job runs of %s: %w", job, err)
			}
		}
		return deleted, nil
	}
}
