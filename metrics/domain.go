package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Domain are the counters and histograms the services feed as things happen. Gauges of what is
// in the database are read at scrape time instead (see Gauges). No label carries a user, lease
// or item id: products are catalog SKUs, the rest fixed sets.
type Domain struct {
	vends          *prometheus.CounterVec
	vendPhases     *prometheus.HistogramVec
	flows          *prometheus.CounterVec
	flowDuration   *prometheus.HistogramVec
	leasesExpired  prometheus.Counter
	dispenserCalls *prometheus.CounterVec
	dispenserTime  *prometheus.HistogramVec
	reclaims       *prometheus.CounterVec
	deliveries     *prometheus.CounterVec
	batchSize      prometheus.Histogram
	writeWait      prometheus.Histogram
}

// latencyBuckets run from half a millisecond to about eight seconds.
var latencyBuckets = prometheus.ExponentialBuckets(0.0005, 2, 15)

// slowBuckets run from 10 ms to about 40 minutes: dispenser calls and flows that wait on them
// (real provisioning takes minutes).
var slowBuckets = prometheus.ExponentialBuckets(0.01, 3, 12)

func newDomain() *Domain {
	return &Domain{
		vends: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_vends_total",
			Help: "Vends by product (SKU) and outcome: active, pending (awaiting approval), refused (by the dispenser's check), failed (the dispenser failed), out_of_stock, policy, invalid, denied, conflict or error.",
		}, []string{"product", "outcome"}),
		vendPhases: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hardcandy_vend_phase_duration_seconds", Help: "Time a vend spends in each phase: claim (first transaction), dispense (the dispenser calls), activate (second transaction).",
			Buckets: slowBuckets,
		}, []string{"phase"}),
		flows: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_lease_flows_total", Help: "Lease flows (vend, return, expire) by outcome.",
		}, []string{"flow", "outcome"}),
		flowDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hardcandy_lease_flow_duration_seconds", Help: "Lease flow duration (vend, return, expire).",
			Buckets: slowBuckets,
		}, []string{"flow"}),
		leasesExpired: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "hardcandy_leases_expired_total", Help: "Leases the expiry sweep ended.",
		}),
		dispenserCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_dispenser_calls_total", Help: "Dispenser calls by driver, route (item type or default), action (check, vend, reclaim) and outcome (ok, refused, failed, timeout).",
		}, []string{"driver", "route", "action", "outcome"}),
		dispenserTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hardcandy_dispenser_call_duration_seconds", Help: "Dispenser call latency by driver and action, retries included.",
			Buckets: slowBuckets,
		}, []string{"driver", "action"}),
		reclaims: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_reclaims_total", Help: "Item reclamations by outcome: ok (AVAILABLE again), retry (failed, tried again later), maintenance (failed for the last time).",
		}, []string{"outcome"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_notice_deliveries_total", Help: "Notices settled by a delivery attempt, by channel and outcome: delivered, failed (retried later), given_up.",
		}, []string{"channel", "outcome"}),
		batchSize: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "hardcandy_sqlite_batch_transactions", Help: "Write transactions per SQLite group commit.",
			Buckets: prometheus.ExponentialBuckets(1, 2, 7), // 1 .. 64, the batch limit
		}),
		writeWait: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "hardcandy_sqlite_write_wait_seconds", Help: "Time a SQLite write transaction waits for the writer before it runs.",
			Buckets: latencyBuckets,
		}),
	}
}

func (d *Domain) collectors() []prometheus.Collector {
	return []prometheus.Collector{d.vends, d.vendPhases, d.flows, d.flowDuration, d.leasesExpired,
		d.dispenserCalls, d.dispenserTime, d.reclaims, d.deliveries, d.batchSize, d.writeWait}
}

// Vend counts one vend of each product; products is empty when the request never resolved
// against the catalog, counted as product "none".
func (d *Domain) Vend(products []string, outcome string) {
	if len(products) == 0 {
		d.vends.WithLabelValues("none", outcome).Inc()
		return
	}
	for _, p := range products {
		d.vends.WithLabelValues(p, outcome).Inc()
	}
}

// VendPhase records how long a vend phase took.
func (d *Domain) VendPhase(phase string, took time.Duration) {
	d.vendPhases.WithLabelValues(phase).Observe(took.Seconds())
}

// Flow counts a lease flow and its duration.
func (d *Domain) Flow(flow, outcome string, took time.Duration) {
	d.flows.WithLabelValues(flow, outcome).Inc()
	d.flowDuration.WithLabelValues(flow).Observe(took.Seconds())
}

// Expired counts leases the expiry sweep ended.
func (d *Domain) Expired(n int) { d.leasesExpired.Add(float64(n)) }

// DispenserCall counts one dispenser call.
func (d *Domain) DispenserCall(driver, route, action, outcome string, took time.Duration) {
	d.dispenserCalls.WithLabelValues(driver, route, action, outcome).Inc()
	d.dispenserTime.WithLabelValues(driver, action).Observe(took.Seconds())
}

// Reclaimed counts one item's reclamation.
func (d *Domain) Reclaimed(outcome string) { d.reclaims.WithLabelValues(outcome).Inc() }

// Delivered counts notices a delivery attempt settled.
func (d *Domain) Delivered(channel, outcome string, notices int) {
	d.deliveries.WithLabelValues(channel, outcome).Add(float64(notices))
}

// Waited records a SQLite write transaction's wait for the writer.
func (d *Domain) Waited(took time.Duration) { d.writeWait.Observe(took.Seconds()) }

// Committed records the size of a SQLite group commit.
func (d *Domain) Committed(transactions int) { d.batchSize.Observe(float64(transactions)) }
