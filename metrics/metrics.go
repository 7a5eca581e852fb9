// Package metrics exposes Prometheus metrics: HTTP requests and GraphQL operations, with counts
// and latencies; the domain's counters (vends, dispenser calls, reclaims, notices, the SQLite
// writer) fed as things happen; and gauges of the database's state read at each scrape. Each
// server has its own registry so tests and replicas never share state.
package metrics

import (
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the registry and the collectors the server feeds.
type Metrics struct {
	Registry     *prometheus.Registry
	httpRequests *prometheus.CounterVec
	httpLatency  *prometheus.HistogramVec
	gqlOps       *prometheus.CounterVec
	gqlLatency   *prometheus.HistogramVec
	// Domain are the counters the services feed.
	Domain *Domain
	logger *slog.Logger

	// known are the operation names used as labels; any other name is "other", so that
	// clients cannot create series at will (a name carrying an id would make one per id).
	known sync.Map
}

// Label values for operations without a known name.
const (
	OperationOther     = "other"
	OperationAnonymous = "anonymous"
)

// KnowOperations adds operation names that may be labels: those of the committed operation
// documents of the CLI and the portal.
func (m *Metrics) KnowOperations(names ...string) {
	for _, n := range names {
		m.known.Store(n, true)
	}
}

// operationLabel is name when it is known, else OperationOther.
func (m *Metrics) operationLabel(name string) string {
	if name == "" {
		return OperationAnonymous
	}
	if _, ok := m.known.Load(name); ok {
		return name
	}
	return OperationOther
}

// methodLabel bounds the method label to the methods HTTP defines.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return method
	}
	return OperationOther
}

// New returns metrics registered on a fresh registry, with Go and process collectors.
func New() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		httpRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_http_requests_total", Help: "HTTP requests by route, method and status code.",
		}, []string{"route", "method", "code"}),
		httpLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hardcandy_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}, []string{"route"}),
		gqlOps: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hardcandy_graphql_operations_total", Help: "GraphQL operations by name, type and outcome (ok or the first error code).",
		}, []string{"operation", "type", "outcome"}),
		gqlLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hardcandy_graphql_operation_duration_seconds", Help: "GraphQL operation latency by name and type.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}, []string{"operation", "type"}),
		Domain: newDomain(),
		logger: slog.Default(),
	}
	m.Registry.MustRegister(m.httpRequests, m.httpLatency, m.gqlOps, m.gqlLatency,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.Registry.MustRegister(m.Domain.collectors()...)
	return m
}

// SetLogger sets where scrape errors (a state gauge's failed read) are logged.
func (m *Metrics) SetLogger(l *slog.Logger) { m.logger = l }

// CollectDB exports the connection pool of db (go_sql_* with db_name=name): connections in use,
// idle, and how often and how long callers waited for one.
func (m *Metrics) CollectDB(db *sql.DB, name string) {
	m.Registry.MustRegister(collectors.NewDBStatsCollector(db, name))
}

// CountSQL exports a running count of SQL statements, read from count.
func (m *Metrics) CountSQL(count func() int64) {
	m.Registry.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "hardcandy_sql_statements_total", Help: "SQL statements sent to the database.",
	}, func() float64 { return float64(count()) }))
}

// Handler serves /metrics. A gauge whose read fails is left out and logged; the rest are served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry,
		ErrorHandling: promhttp.ContinueOnError, ErrorLog: scrapeLog{m}})
}

// scrapeLog is promhttp's error log, in the server's.
type scrapeLog struct{ m *Metrics }

func (l scrapeLog) Println(v ...any) { l.m.logger.Warn("metrics scrape", "err", fmt.Sprint(v...)) }

// Instrument wraps h, recording requests under the given route label.
func (m *Metrics) Instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		m.httpRequests.WithLabelValues(route, methodLabel(r.Method), strconv.Itoa(sw.code)).Inc()
		m.httpLatency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

// ObserveOperation records one GraphQL operation, under its name when it is a known one.
func (m *Metrics) ObserveOperation(name, typ, outcome string, d time.Duration) {
	name = m.operationLabel(name)
	m.gqlOps.WithLabelValues(name, typ, outcome).Inc()
	m.gqlLatency.WithLabelValues(name, typ).Observe(d.Seconds())
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer (websocket upgrades, flush).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
