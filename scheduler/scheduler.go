// Package scheduler runs Hardcandy's background jobs on gocron: each job is one service function
// Run(ctx, now) that is idempotent and bounded; this package only decides when it runs, records
// each run, and lets admins see and trigger jobs.
package scheduler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/jonboulle/clockwork"
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/jobrun"
)

// Job names.
const (
	ExpireLeases   = "expire-leases"
	ExpiryNotices  = "expiry-notices"
	ReclaimItems   = "reclaim-items"
	RecoverStuck   = "recover-stuck"
	DeliverNotices = "deliver-notices"
	CloseBills     = "close-bills"
	// StartBookings starts reservations a lead time before their start (lease.StartBookings).
	StartBookings = "start-bookings"
	// ServeQueue lapses waits that ran out and serves the waiting lists (lease.ServeQueue): the
	// safety net behind the kicks when items come back.
	ServeQueue = "serve-queue"
)

// DefaultSchedules are used for jobs the configuration does not name. A schedule is an interval
// ("30s", "5m", "1h") or a five-field cron expression in UTC ("10 0 * * *").
var DefaultSchedules = map[string]string{
	ExpireLeases:   "1m",
	ExpiryNotices:  "5m",
	ReclaimItems:   "30s",
	RecoverStuck:   "1m",
	DeliverNotices: "30s",
	CloseBills:     "15m",
	StartBookings:  "1m",
	PruneJobRuns:   "1h",
	ServeQueue:     "1m",
}

// Func is a job's work: it handles what is due at now and reports how many things it handled.
type Func func(ctx context.Context, now time.Time) (int, error)

// Job is a named, scheduled Func.
type Job struct {
	Name string
	Run  Func
}

// Config tunes the scheduler.
type Config struct {
	// Schedules overrides DefaultSchedules per job name.
	Schedules map[string]string `yaml:"schedules"`
	// StopTimeout bounds how long Stop waits for running jobs (default 30s).
	StopTimeout duration.Duration `yaml:"stop_timeout"`
	// RunRetention is how long the job-run log keeps a run (default 7d; see PruneRuns).
	RunRetention duration.Duration `yaml:"run_retention"`
}

// Info describes a job for admins.
type Info struct {
	Name               string
	Schedule           string
	LastRunStartedAt   *time.Time
	LastRunCompletedAt *time.Time
	NextRun            *time.Time
	LastError          *string
	Running            bool
	// LastRunReplica is the replica that ran the job last, from the job-run log: with several
	// replicas, the leader's runs show on every replica, and they survive restarts.
	LastRunReplica *string
}

// state is what the scheduler remembers of a job between runs.
type state struct {
	Job
	schedule string
	handle   gocron.Job

	mu        sync.Mutex
	running   bool
	started   *time.Time
	completed *time.Time
	lastErr   *string
}

// Scheduler runs jobs.
type Scheduler struct {
	gocron  gocron.Scheduler
	elector gocron.Elector
	clock   clockwork.Clock
	logger  *slog.Logger
	client  *ent.Client
	replica string
	tracer  trace.Tracer
	created time.Time // for jobs that never succeeded, see logCollector
	cfg     Config
	jobs    map[string]*state
	order   []string
	metrics *jobMetrics

	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	started atomic.Bool
}

// Options are the scheduler's collaborators.
type Options struct {
	Clock  clockwork.Clock
	Logger *slog.Logger
	// Client records each run in the job-run log.
	Client *ent.Client
	// Registerer receives the job metrics; nil skips them.
	Registerer prometheus.Registerer
	// Elector, when set, lets only the leader among replicas run jobs.
	Elector gocron.Elector
	// Replica names this process in the job-run log (default: host name and pid).
	Replica string
	// Tracer, when set, traces each run as a span.
	Tracer trace.Tracer
}

// New builds a scheduler with cfg's schedules and no jobs: it is built before the services, so
// that they are handed its kicks (Kicker) at construction, and their jobs are registered after
// (Register). Nothing runs until Start.
func New(cfg Config, o Options) (*Scheduler, error) {
	if o.Clock == nil {
		o.Clock = clockwork.NewRealClock()
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Replica == "" {
		host, _ := os.Hostname()
		o.Replica = fmt.Sprintf("%s/%d", host, os.Getpid())
	}
	stop := cfg.StopTimeout.Std()
	if stop <= 0 {
		stop = 30 * time.Second
	}
	opts := []gocron.SchedulerOption{
		gocron.WithClock(o.Clock), gocron.WithLocation(time.UTC), gocron.WithStopTimeout(stop),
	}
	if o.Elector != nil {
		opts = append(opts, gocron.WithDistributedElector(o.Elector))
	}
	g, err := gocron.NewScheduler(opts...)
	if err != nil {
		return nil, fmt.Errorf("scheduler: %w", err)
	}
	if o.Tracer == nil {
		o.Tracer = noop.NewTracerProvider().Tracer("")
	}
	s := &Scheduler{gocron: g, elector: o.Elector, clock: o.Clock, logger: o.Logger, client: o.Client, replica: o.Replica,
		tracer: o.Tracer, cfg: cfg, jobs: map[string]*state{}, metrics: newJobMetrics(o.Registerer), created: o.Clock.Now().UTC()}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if o.Registerer != nil {
		o.Registerer.MustRegister(&logCollector{s: s})
	}
	return s, nil
}

// Register adds jobs, each on its schedule from the configuration or its default. It is for
// before Start: a job's schedule that does not parse is an error here, and so is a name
// registered twice.
func (s *Scheduler) Register(jobs ...Job) error {
	if s.started.Load() {
		return errors.New("scheduler: register jobs before Start")
	}
	for _, j := range jobs {
		if _, dup := s.jobs[j.Name]; dup {
			return fmt.Errorf("scheduler: %s: registered twice", j.Name)
		}
		spec := DefaultSchedules[j.Name]
		if v, ok := s.cfg.Schedules[j.Name]; ok {
			spec = v
		}
		def, err := Definition(spec)
		if err != nil {
			return fmt.Errorf("scheduler: %s: %w", j.Name, err)
		}
		st := &state{Job: j, schedule: spec}
		st.handle, err = s.gocron.NewJob(def, gocron.NewTask(func() { s.run(st) }),
			gocron.WithName(j.Name),
			// One run at a time: a tick that comes while the last run is still going is
			// skipped (the next one handles what fell due). run keeps the same rule for RunNow.
			gocron.WithSingletonMode(gocron.LimitModeReschedule),
			// Whatever fell due while the server was down is handled at once.
			gocron.WithStartAt(gocron.WithStartImmediately()))
		if err != nil {
			return fmt.Errorf("scheduler: %s: %w", j.Name, err)
		}
		s.jobs[j.Name] = st
		s.order = append(s.order, j.Name)
	}
	return nil
}

// Kicker is the function that kicks the named job (Kick), for a service built before the job is
// registered; nil on a nil scheduler (a replica that runs no jobs), which services take as
// nobody to tell.
func (s *Scheduler) Kicker(name string) func() {
	if s == nil {
		return nil
	}
	return func() { s.Kick(name) }
}

// Definition parses a schedule: an interval such as "30s" or "1d", or a five-field cron
// expression in UTC.
func Definition(spec string) (gocron.JobDefinition, error) {
	spec = strings.TrimSpace(spec)
	if strings.Contains(spec, " ") {
		return gocron.CronJob(spec, false), nil
	}
	d, err := duration.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("schedule %q: an interval such as 30s or 5m, or a cron expression: %w", spec, err)
	}
	return gocron.DurationJob(d.Std()), nil
}

// Start starts running the registered jobs; every job runs once at once. A schedule in the
// configuration that names no registered job is an error, and nothing starts.
func (s *Scheduler) Start(context.Context) error {
	for name := range s.cfg.Schedules {
		if _, ok := s.jobs[name]; !ok {
			return fmt.Errorf("scheduler: schedules: no job named %q; jobs are %s", name, strings.Join(s.order, ", "))
		}
	}
	s.gocron.Start()
	s.started.Store(true)
	return nil
}

// Stop starts no new runs and waits, within the stop timeout, for running ones to finish; what
// went wrong is logged.
func (s *Scheduler) Stop() {
	if err := s.StopWithin(context.Background()); err != nil {
		s.logger.Error("scheduler stop", "err", err)
	}
}

// StopWithin is Stop that waits for running jobs only until ctx ends (the server's drain
// deadline): then it cancels their context and waits for them to return, which they do at once
// (a job waiting for the database gives up, and every job is an idempotent sweep that its next
// run finishes). Without that, a job queued behind a backlog of writes would hold shutdown for
// the whole stop timeout.
func (s *Scheduler) StopWithin(ctx context.Context) error {
	s.started.Store(false)
	stopped := make(chan struct{})
	defer close(stopped)
	go func() {
		select {
		case <-ctx.Done():
			s.cancel()
		case <-stopped:
		}
	}()
	err := s.gocron.Shutdown()
	s.cancel()
	s.wg.Wait()
	return err
}

// run is what gocron calls: it runs the job's function with the clock's time and records it.
func (s *Scheduler) run(st *state) {
	s.wg.Add(1)
	defer s.wg.Done()
	start := s.clock.Now().UTC()
	st.mu.Lock()
	if st.running { // a tick or a RunNow while the last run is still going: one run at a time
		st.mu.Unlock()
		return
	}
	st.running, st.started = true, &start
	st.mu.Unlock()

	// The run log is the scheduler's own bookkeeping, whoever the job acts for.
	sys := database.System(s.ctx)
	var logID *int
	if s.client != nil {
		if r, err := s.client.JobRun.Create().SetJob(st.Name).SetReplica(s.replica).SetStartedAt(start).
			Save(sys); err == nil {
			logID = &r.ID
		}
	}
	began := time.Now() // the run's duration is real time, whatever the clock says
	ctx, span := s.tracer.Start(s.ctx, "job "+st.Name, trace.WithAttributes(attribute.String("hardcandy.job", st.Name)))
	n, err := st.Run(ctx, start)
	span.SetAttributes(attribute.Int("hardcandy.job.handled", n))
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
	end := s.clock.Now().UTC()
	elapsed := time.Since(began)
	// The run log is finished before the run counts as over, so that whoever sees the job idle
	// also sees its log complete.
	if logID != nil {
		upd := s.client.JobRun.UpdateOneID(*logID).SetFinishedAt(end).SetHandled(n)
		if err != nil {
			upd.SetError(err.Error())
		}
		_ = upd.Exec(context.WithoutCancel(sys))
	}

	st.mu.Lock()
	st.running, st.completed = false, &end
	if err != nil {
		msg := err.Error()
		st.lastErr = &msg
	} else {
		st.lastErr = nil
	}
	st.mu.Unlock()

	s.metrics.observe(st.Name, n, err, elapsed)
	switch {
	case err != nil && !errors.Is(err, context.Canceled):
		s.logger.Error("job failed", "job", st.Name, "handled", n, "duration", elapsed, "err", err)
	case n > 0:
		s.logger.Info("job ran", "job", st.Name, "handled", n, "duration", elapsed)
	default:
		s.logger.Debug("job ran", "job", st.Name, "handled", n, "duration", elapsed)
	}
}

// RunNow runs a job at once, outside its schedule.
func (s *Scheduler) RunNow(name string) error {
	st, ok := s.jobs[name]
	if !ok {
		return apperr.New(apperr.NotFound, "no job named %q; jobs are %s", name, strings.Join(s.order, ", "))
	}
	if !s.started.Load() {
		return apperr.New(apperr.Conflict, "the scheduler is not running")
	}
	// gocron would quietly skip the run on a replica that does not lead: say so instead.
	if s.elector != nil {
		ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
		err := s.elector.IsLeader(ctx)
		cancel()
		if err != nil {
			return apperr.Wrap(err, apperr.Conflict, "this replica (%s) does not run the jobs now: another replica leads; %s runs there on schedule", s.replica, name)
		}
	}
	// Run directly rather than through gocron, whose singleton mode drops a RunNow that arrives
	// while it still counts the last run as running; run itself never overlaps two runs.
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.run(st)
	}()
	return nil
}

// Kick asks for a job to run soon; it never blocks or fails. A missing job is ignored, and so is
// a kick before Start or after Stop (every job runs at start anyway; gocron's RunNow would block
// on a scheduler that is not running).
func (s *Scheduler) Kick(name string) {
	if !s.started.Load() { // and once started, jobs are no longer registered: the map is fixed
		return
	}
	if st, ok := s.jobs[name]; ok {
		_ = st.handle.RunNow()
	}
}

// Jobs describes every job, in registration order.
func (s *Scheduler) Jobs() []Info {
	out := make([]Info, 0, len(s.order))
	for _, name := range s.order {
		out = append(out, s.info(s.jobs[name]))
	}
	return out
}

// Job describes one job.
func (s *Scheduler) Job(name string) (Info, error) {
	st, ok := s.jobs[name]
	if !ok {
		return Info{}, apperr.New(apperr.NotFound, "no job named %q; jobs are %s", name, strings.Join(s.order, ", "))
	}
	return s.info(st), nil
}

func (s *Scheduler) info(st *state) Info {
	st.mu.Lock()
	in := Info{Name: st.Name, Schedule: st.schedule, LastRunStartedAt: st.started, LastRunCompletedAt: st.completed,
		LastError: st.lastErr, Running: st.running}
	st.mu.Unlock()
	if next, err := st.handle.NextRun(); err == nil && !next.IsZero() {
		next = next.UTC()
		in.NextRun = &next
	}
	s.fromLog(&in)
	return in
}

// fromLog fills in the last run from the job-run log when it is newer than this process saw:
// a run on the leading replica, or one before a restart.
func (s *Scheduler) fromLog(in *Info) {
	if s.client == nil {
		return
	}
	ctx, cancel := context.WithTimeout(database.System(s.ctx), 2*time.Second)
	defer cancel()
	last, err := s.client.JobRun.Query().Where(jobrun.Job(in.Name)).Order(ent.Desc(jobrun.FieldStartedAt)).First(ctx)
	if err != nil {
		return // no run logged yet, or the log is unreachable: what this process saw stands
	}
	in.LastRunReplica = &last.Replica
	if in.LastRunStartedAt != nil && !last.StartedAt.After(*in.LastRunStartedAt) {
		return
	}
	started := last.StartedAt.UTC()
	in.LastRunStartedAt, in.LastError = &started, last.Error
	in.LastRunCompletedAt = nil
	if last.FinishedAt != nil {
		finished := last.FinishedAt.UTC()
		in.LastRunCompletedAt = &finished
	}
}

type jobMetrics struct {
	runs     *prometheus.CounterVec
	handled  *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newJobMetrics(reg prometheus.Registerer) *jobMetrics {
	if reg == nil {
		return nil
	}
	m := &jobMetrics{
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_job_runs_total", Help: "Scheduler job runs by job and outcome (ok or error).",
		}, []string{"job", "outcome"}),
		handled: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_job_items_handled_total", Help: "Things handled by scheduler jobs (leases expired, items reclaimed, ...).",
		}, []string{"job"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hardcandy_job_duration_seconds", Help: "Scheduler job run duration.",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10),
		}, []string{"job"}),
	}
	reg.MustRegister(m.runs, m.handled, m.duration)
	return m
}

func (m *jobMetrics) observe(job string, n int, err error, d time.Duration) {
	if m == nil {
		return
	}
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.runs.WithLabelValues(job, outcome).Inc()
	m.handled.WithLabelValues(job).Add(float64(n))
	m.duration.WithLabelValues(job).Observe(d.Seconds())
}
