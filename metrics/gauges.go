package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// StockRow is one product's items per status.
type StockRow struct {
	Product  string
	Vendable bool
	Counts   map[string]int
}

// NoticeBacklog is what waits in the outbox on one channel.
type NoticeBacklog struct {
	Channel string
	Queued  int
	Oldest  time.Time // zero when nothing waits
}

// Sources read what the state gauges report, at each scrape. Each must be cheap: a few rows
// through an index (the stock counters, never the items table). A nil source is skipped.
type Sources struct {
	Stock             func(ctx context.Context) ([]StockRow, error)
	OldestMaintenance func(ctx context.Context) (time.Time, error)
	Leases            func(ctx context.Context) (map[string]int, error)
	Notices           func(ctx context.Context) ([]NoticeBacklog, error)
	// Now is the clock ages are measured on.
	Now func() time.Time
	// Timeout bounds one scrape's reads (default 5s).
	Timeout time.Duration
}

var (
	itemsDesc = prometheus.NewDesc("hardcandy_inventory_items",
		"Inventory items by product (SKU) and status, from the stock counters.", []string{"product", "status"}, nil)
	vendableDesc = prometheus.NewDesc("hardcandy_product_vendable",
		"1 for a product people can vend, 0 for a retired or expired one.", []string{"product"}, nil)
	maintenanceAgeDesc = prometheus.NewDesc("hardcandy_inventory_maintenance_oldest_age_seconds",
		"How long the item longest in MAINTENANCE has been there; 0 when none is.", nil, nil)
	leasesDesc = prometheus.NewDesc("hardcandy_leases",
		"Leases in a live status (PENDING, ACTIVE); ended leases are counted by hardcandy_lease_flows_total.", []string{"status"}, nil)
	queuedDesc = prometheus.NewDesc("hardcandy_notices_queued",
		"Notices waiting in the outbox (neither delivered nor given up), by channel.", []string{"channel"}, nil)
	oldestNoticeDesc = prometheus.NewDesc("hardcandy_notices_oldest_undelivered_age_seconds",
		"Age of the oldest notice waiting in the outbox, by channel; 0 when none waits.", []string{"channel"}, nil)
)

// stateCollector reads the database's state at each scrape.
type stateCollector struct{ src Sources }

// CollectState registers gauges read from src at each scrape.
func (m *Metrics) CollectState(src Sources) {
	if src.Now == nil {
		src.Now = time.Now
	}
	if src.Timeout <= 0 {
		src.Timeout = 5 * time.Second
	}
	m.Registry.MustRegister(&stateCollector{src: src})
}

func (c *stateCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{itemsDesc, vendableDesc, maintenanceAgeDesc, leasesDesc, queuedDesc, oldestNoticeDesc} {
		ch <- d
	}
}

func (c *stateCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), c.src.Timeout)
	defer cancel()
	now := c.src.Now()
	age := func(since time.Time) float64 {
		if since.IsZero() || since.After(now) {
			return 0
		}
		return now.Sub(since).Seconds()
	}
	fail := func(d *prometheus.Desc, err error) { ch <- prometheus.NewInvalidMetric(d, err) }

	if c.src.Stock != nil {
		rows, err := c.src.Stock(ctx)
		if err != nil {
			fail(itemsDesc, err)
		}
		for _, r := range rows {
			for status, n := range r.Counts {
				ch <- prometheus.MustNewConstMetric(itemsDesc, prometheus.GaugeValue, float64(n), r.Product, status)
			}
			ch <- prometheus.MustNewConstMetric(vendableDesc, prometheus.GaugeValue, boolValue(r.Vendable), r.Product)
		}
	}
	if c.src.OldestMaintenance != nil {
		if since, err := c.src.OldestMaintenance(ctx); err != nil {
			fail(maintenanceAgeDesc, err)
		} else {
			ch <- prometheus.MustNewConstMetric(maintenanceAgeDesc, prometheus.GaugeValue, age(since))
		}
	}
	if c.src.Leases != nil {
		counts, err := c.src.Leases(ctx)
		if err != nil {
			fail(leasesDesc, err)
		}
		for status, n := range counts {
			ch <- prometheus.MustNewConstMetric(leasesDesc, prometheus.GaugeValue, float64(n), status)
		}
	}
	if c.src.Notices != nil {
		backlogs, err := c.src.Notices(ctx)
		if err != nil {
			fail(queuedDesc, err)
		}
		for _, b := range backlogs {
			ch <- prometheus.MustNewConstMetric(queuedDesc, prometheus.GaugeValue, float64(b.Queued), b.Channel)
			ch <- prometheus.MustNewConstMetric(oldestNoticeDesc, prometheus.GaugeValue, age(b.Oldest), b.Channel)
		}
	}
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
