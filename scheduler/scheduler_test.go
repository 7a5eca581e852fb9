package scheduler

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/ent/jobrun"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

type bundle struct {
	clock *clockwork.FakeClock
	reg   *prometheus.Registry
	store *database.Store
}

func setup(t *testing.T) *bundle {
	t.Helper()
	st, err := database.Open(context.Background(), dbtest.DSN(t, "sched.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return &bundle{clock: clockwork.NewFakeClockAt(t0), reg: prometheus.NewRegistry(), store: st}
}

func (b *bundle) scheduler(t *testing.T, cfg Config, jobs ...Job) *Scheduler {
	t.Helper()
	s, err := New(cfg, Options{Clock: b.clock, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Client: b.store.Client, Registerer: b.reg, Replica: "test"})
	require.NoError(t, err)
	require.NoError(t, s.Register(jobs...))
	t.Cleanup(s.Stop)
	return s
}

// recorder is a job function that records the times it was called with.
type recorder struct {
	mu    sync.Mutex
	times []time.Time
	err   error
}

func (r *recorder) run(_ context.Context, now time.Time) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.times = append(r.times, now)
	return 1, r.err
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.times)
}

// waitRuns waits until rec has seen n runs and the job is idle again, in gocron's eyes too: in
// singleton mode gocron skips a tick that comes while the previous run is still finishing, and
// it counts the run as over only after handing its completion to its own scheduler goroutine,
// which on a loaded machine may take a while. Its limiter is released right after.
func waitRuns(t *testing.T, s *Scheduler, name string, rec *recorder, n int) {
	t.Helper()
	waitFor(t, func() bool {
		info, err := s.Job(name)
		if err != nil || rec.count() != n || info.Running {
			return false
		}
		running, err := s.jobs[name].handle.IsRunning()
		return err == nil && !running
	})
	time.Sleep(10 * time.Millisecond)
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	require.Eventually(t, cond, time.Minute, 2*time.Millisecond)
}

// TestRunsAtStartAndOnSchedule: a job runs once at start, then each interval on the injected
// clock, with the clock's time.
func TestRunsAtStartAndOnSchedule(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rec := &recorder{}
	s := b.scheduler(t, Config{Schedules: map[string]string{ExpireLeases: "1m"}}, Job{Name: ExpireLeases, Run: rec.run})
	require.NoError(t, s.Start(t.Context()))
	waitRuns(t, s, ExpireLeases, rec, 1)
	require.Equal(t, t0, rec.times[0], "the first run happens at start, with the clock's time")
	for i := 2; i <= 4; i++ {
		require.NoError(t, b.clock.BlockUntilContext(t.Context(), 1))
		b.clock.Advance(time.Minute)
		waitRuns(t, s, ExpireLeases, rec, i)
	}
	require.Equal(t, t0.Add(3*time.Minute), rec.times[3])

	info, err := s.Job(ExpireLeases)
	require.NoError(t, err)
	require.Equal(t, "1m", info.Schedule)
	require.Equal(t, t0.Add(3*time.Minute), *info.LastRunStartedAt)
	require.NotNil(t, info.NextRun)
	require.Nil(t, info.LastError)
	require.False(t, info.Running)

	// Every run is in the job-run log, with what it handled.
	runs, err := b.store.Client.JobRun.Query().Where(jobrun.Job(ExpireLeases)).All(database.System(context.Background()))
	require.NoError(t, err)
	require.Len(t, runs, 4)
	require.Equal(t, "test", runs[0].Replica)
	require.Equal(t, 1, runs[0].Handled)
	require.Equal(t, 4.0, testutil.ToFloat64(s.metrics.runs.WithLabelValues(ExpireLeases, "ok")))
}

// TestRunNowAndErrors: RunNow runs at once; a failing run records its error; unknown jobs are
// NOT_FOUND.
func TestRunNowAndErrors(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rec := &recorder{err: errors.New("database on fire")}
	s := b.scheduler(t, Config{Schedules: map[string]string{ReclaimItems: "1h"}}, Job{Name: ReclaimItems, Run: rec.run})
	require.NoError(t, s.Start(t.Context()))
	waitRuns(t, s, ReclaimItems, rec, 1)
	require.NoError(t, s.RunNow(ReclaimItems))
	waitFor(t, func() bool { return rec.count() == 2 })
	waitFor(t, func() bool { return testutil.ToFloat64(s.metrics.runs.WithLabelValues(ReclaimItems, "error")) == 2 })
	info, _ := s.Job(ReclaimItems)
	require.Equal(t, "database on fire", *info.LastError)
	require.ErrorIs(t, s.RunNow("make-coffee"), apperr.NotFound)
	s.Kick("make-coffee") // ignored
}

// TestSingleton: a run that is still going is not started a second time.
func TestSingleton(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var running, overlaps, runs atomic.Int32
	release := make(chan struct{})
	slow := func(ctx context.Context, _ time.Time) (int, error) {
		if running.Add(1) > 1 {
			overlaps.Add(1)
		}
		defer running.Add(-1)
		runs.Add(1)
		<-release
		return 0, nil
	}
	s := b.scheduler(t, Config{Schedules: map[string]string{RecoverStuck: "10s"}}, Job{Name: RecoverStuck, Run: slow})
	require.NoError(t, s.Start(t.Context()))
	waitFor(t, func() bool { return runs.Load() == 1 })
	for range 5 {
		_ = s.RunNow(RecoverStuck)
		b.clock.Advance(10 * time.Second)
	}
	info, _ := s.Job(RecoverStuck)
	require.True(t, info.Running)
	close(release)
	waitFor(t, func() bool { i, _ := s.Job(RecoverStuck); return !i.Running })
	require.Zero(t, overlaps.Load())
}

// TestStopWaitsForRunningJobs: Stop lets a running job finish.
func TestStopWaitsForRunningJobs(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var finished atomic.Bool
	started := make(chan struct{})
	job := func(ctx context.Context, _ time.Time) (int, error) {
		close(started)
		time.Sleep(100 * time.Millisecond)
		finished.Store(true)
		return 0, nil
	}
	s, err := New(Config{}, Options{Clock: b.clock, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	require.NoError(t, s.Register(Job{Name: CloseBills, Run: job}))
	require.NoError(t, s.Start(t.Context()))
	<-started
	require.NoError(t, s.StopWithin(context.Background()))
	require.True(t, finished.Load())
}

func TestDefinition(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"30s", "5m", "1h", "1d", "10 0 * * *", "*/5 * * * *"} {
		_, err := Definition(ok)
		require.NoError(t, err, ok)
	}
	for _, bad := range []string{"", "soon", "5x"} {
		_, err := Definition(bad)
		require.Error(t, err, bad)
	}
	// A schedule for a job nobody registered stops Start; one that does not parse, Register.
	s, err := New(Config{Schedules: map[string]string{"nope": "1m"}}, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Register(Job{Name: ExpireLeases, Run: (&recorder{}).run}))
	require.ErrorContains(t, s.Start(t.Context()), `no job named "nope"`)
	s, err = New(Config{Schedules: map[string]string{ExpireLeases: "7x"}}, Options{})
	require.NoError(t, err)
	require.ErrorContains(t, s.Register(Job{Name: ExpireLeases, Run: (&recorder{}).run}), "expire-leases")
	require.ErrorContains(t, s.Register(Job{Name: CloseBills, Run: (&recorder{}).run}, Job{Name: CloseBills}), "registered twice")
}

// TestInfoFromRunLog: a job's last run comes from the job-run log when the log knows a newer run
// than this process, as when another replica leads or before a restart.
func TestInfoFromRunLog(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rec := &recorder{}
	s := b.scheduler(t, Config{Schedules: map[string]string{ExpireLeases: "1h"}}, Job{Name: ExpireLeases, Run: rec.run})

	// Not started: nothing run here, and the log is empty.
	info, err := s.Job(ExpireLeases)
	require.NoError(t, err)
	require.Nil(t, info.LastRunStartedAt)
	require.Nil(t, info.LastRunReplica)

	// The leader, elsewhere, ran it and failed.
	sys := database.System(context.Background())
	started, finished := t0.Add(-time.Minute), t0.Add(-time.Minute+time.Second)
	_, err = b.store.Client.JobRun.Create().SetJob(ExpireLeases).SetReplica("leader/7").SetStartedAt(started).
		SetFinishedAt(finished).SetError("disk on fire").Save(sys)
	require.NoError(t, err)
	info, err = s.Job(ExpireLeases)
	require.NoError(t, err)
	require.Equal(t, "leader/7", *info.LastRunReplica)
	require.Equal(t, started, *info.LastRunStartedAt)
	require.Equal(t, finished, *info.LastRunCompletedAt)
	require.Equal(t, "disk on fire", *info.LastError)

	// Then this replica runs it: its own, newer run shows.
	require.NoError(t, s.Start(t.Context()))
	waitRuns(t, s, ExpireLeases, rec, 1)
	info, err = s.Job(ExpireLeases)
	require.NoError(t, err)
	require.Equal(t, "test", *info.LastRunReplica)
	require.Equal(t, t0, *info.LastRunStartedAt)
	require.Nil(t, info.LastError)
}
