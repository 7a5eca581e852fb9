package scheduler

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
)

// TestLastSuccessAndInterval: the gauges an alert on a job that stopped succeeding needs: each
// job's interval, and its last run without error from the job-run log (whichever replica ran
// it), or the scheduler's start when it never succeeded.
func TestLastSuccessAndInterval(t *testing.T) {
	t.Parallel()
	b := setup(t)
	noop := func(context.Context, time.Time) (int, error) { return 0, nil }
	s := b.scheduler(t, Config{Schedules: map[string]string{ExpireLeases: "1m", CloseBills: "10 0 * * *"}},
		Job{Name: ExpireLeases, Run: noop}, Job{Name: CloseBills, Run: noop}, Job{Name: ReclaimItems, Run: noop})
	sys := database.System(context.Background())
	ok := t0.Add(-10 * time.Minute)
	// expire-leases: succeeded on another replica, then failed here; close-bills: never ran.
	require.NoError(t, b.store.Client.JobRun.Create().SetJob(ExpireLeases).SetReplica("leader").
		SetStartedAt(ok.Add(-time.Second)).SetFinishedAt(ok).Exec(sys))
	require.NoError(t, b.store.Client.JobRun.Create().SetJob(ExpireLeases).SetReplica("test").
		SetStartedAt(t0.Add(-time.Minute)).SetFinishedAt(t0.Add(-time.Minute)).SetError("boom").Exec(sys))
	require.NoError(t, b.store.Client.JobRun.Create().SetJob(ReclaimItems).SetReplica("test").
		SetStartedAt(t0.Add(-time.Second)).Exec(sys)) // still running: not a success yet
	require.Len(t, s.Jobs(), 3)

	want := `
# HELP hardcandy_job_interval_seconds Each job's schedule as an interval (for a cron schedule, the gap between its next two runs).
# TYPE hardcandy_job_interval_seconds gauge
hardcandy_job_interval_seconds{job="close-bills"} 86400
hardcandy_job_interval_seconds{job="expire-leases"} 60
hardcandy_job_interval_seconds{job="reclaim-items"} 30
# HELP hardcandy_job_last_success_timestamp_seconds When each job last finished without error, from the job-run log: the leader's runs show on every replica.
# TYPE hardcandy_job_last_success_timestamp_seconds gauge
hardcandy_job_last_success_timestamp_seconds{job="close-bills"} ` + seconds(t0) + `
hardcandy_job_last_success_timestamp_seconds{job="expire-leases"} ` + seconds(ok) + `
hardcandy_job_last_success_timestamp_seconds{job="reclaim-items"} ` + seconds(t0) + `
`
	require.NoError(t, testutil.GatherAndCompare(b.reg, strings.NewReader(want),
		"hardcandy_job_interval_seconds", "hardcandy_job_last_success_timestamp_seconds"))
}

func seconds(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }
