package scheduler

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/robfig/cron/v3"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/jobrun"
)

var (
	lastSuccessDesc = prometheus.NewDesc("hardcandy_job_last_success_timestamp_seconds",
		"When each job last finished without error, from the job-run log: the leader's runs show on every replica.", []string{"job"}, nil)
	intervalDesc = prometheus.NewDesc("hardcandy_job_interval_seconds",
		"Each job's schedule as an interval (for a cron schedule, the gap between its next two runs).", []string{"job"}, nil)
)

// logCollector reports each job's schedule and last success at each scrape, the latter read from
// the job-run log through its (job, started_at) index: an alert on a job that stopped
// succeeding must see the leader's runs from any replica, and runs from before a restart.
type logCollector struct{ s *Scheduler }

func (c *logCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- lastSuccessDesc
	ch <- intervalDesc
}

func (c *logCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(database.System(context.Background()), 5*time.Second)
	defer cancel()
	now := c.s.clock.Now().UTC()
	for _, name := range c.s.order {
		st := c.s.jobs[name]
		if every := Interval(st.schedule, now); every > 0 {
			ch <- prometheus.MustNewConstMetric(intervalDesc, prometheus.GaugeValue, every.Seconds(), name)
		}
		if c.s.client == nil {
			continue
		}
		last, err := c.s.client.JobRun.Query().
			Where(jobrun.Job(name), jobrun.FinishedAtNotNil(), jobrun.ErrorIsNil()).
			Order(ent.Desc(jobrun.FieldStartedAt)).Select(jobrun.FieldFinishedAt).First(ctx)
		switch {
		case ent.IsNotFound(err):
			// Never succeeded: count from this scheduler's start, so a job failing from its
			// first run still trips the alert three intervals on.
			ch <- prometheus.MustNewConstMetric(lastSuccessDesc, prometheus.GaugeValue,
				float64(c.s.created.UnixMilli())/1000, name)
		case err != nil:
			ch <- prometheus.NewInvalidMetric(lastSuccessDesc, err)
			return
		case last.FinishedAt != nil:
			ch <- prometheus.MustNewConstMetric(lastSuccessDesc, prometheus.GaugeValue,
				float64(last.FinishedAt.UnixMilli())/1000, name)
		}
	}
}

// Interval returns how often a schedule runs at now: the interval itself, or for a cron
// expression the gap between its next two runs; zero for a schedule that does not parse.
func Interval(spec string, now time.Time) time.Duration {
	if d, err := duration.Parse(spec); err == nil {
		return d.Std()
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return 0
	}
	next := sched.Next(now)
	return sched.Next(next).Sub(next)
}
