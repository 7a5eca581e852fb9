package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/jonboulle/clockwork"
	"go.opentelemetry.io/otel/trace"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/httplog"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/metrics"
	"github.com/hardcandy/hardcandy/telemetry"
	"github.com/hardcandy/hardcandy/viewer"
)

// tracerProvider is the tracer provider of t; nil when tracing is off.
func tracerProvider(t *telemetry.Tracing) trace.TracerProvider {
	if t == nil || !t.Enabled {
		return nil
	}
	return t.Provider
}

// startTracing sets so.tracing from the OTEL_* environment (off unless an OTLP endpoint is set).
func startTracing(ctx context.Context, so *serveOptions, logger *slog.Logger) (*tracingHandle, error) {
	if so.tracing == nil {
		t, err := telemetry.FromEnv(ctx, buildVersion())
		if err != nil {
			return nil, err
		}
		so.tracing = t
	}
	if so.tracing.Enabled {
		logger.Info("tracing: sending spans over OTLP/HTTP", "endpoint", so.tracing.Endpoint)
	}
	return &tracingHandle{so.tracing}, nil
}

type tracingHandle struct{ t *telemetry.Tracing }

// flush sends the spans still buffered, within a few seconds.
func (h *tracingHandle) flush(logger *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.t.Shutdown(ctx); err != nil {
		logger.Warn("tracing: flushing spans at shutdown", "err", err)
	}
}

// buildVersion is the module version the binary was built from, for traces.
func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// gate answers for the server until it is ready: /healthz says the process lives, /readyz and
// everything else say what it is still doing (503), so a load balancer sends nothing yet and an
// orchestrator does not restart a replica in the middle of its migrations.
type gate struct {
	addr    string
	status  atomic.Pointer[string]
	app     atomic.Pointer[http.Handler]
	waiting http.Handler
}

func newGate(addr string, logger *slog.Logger) *gate {
	g := &gate{addr: addr}
	g.starting("starting")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "not ready: "+*g.status.Load(), http.StatusServiceUnavailable)
	})
	g.waiting = httplog.Middleware(logger, mux)
	return g
}

// starting says what the server is doing before it is ready.
func (g *gate) starting(what string) { g.status.Store(&what) }

// ready hands every request to h from now on.
func (g *gate) ready(h http.Handler) { g.app.Store(&h) }

func (g *gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := g.app.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	g.waiting.ServeHTTP(w, r)
}

// startHTTP listens (on so.listener when set) and serves through a gate that is not ready yet;
// errc receives the server's end.
func startHTTP(so *serveOptions, logger *slog.Logger) (*http.Server, *gate, chan error, error) {
	ln := so.listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", so.addr); err != nil {
			return nil, nil, nil, fmt.Errorf("listen on %s: %w", so.addr, err)
		}
	}
	g := newGate(ln.Addr().String(), logger)
	srv := &http.Server{
		Handler:           g,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       so.reqTimeout,
		WriteTimeout:      so.reqTimeout + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	logger.Info("listening; not ready until the database is open", "listen", ln.Addr().String())
	return srv, g, errc, nil
}

// logViewer tells the request log who is signed in (auth.Middleware runs just before).
func logViewer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v, ok := viewer.FromContext(r.Context()); ok {
			httplog.SetUser(r.Context(), v.UserID)
		}
		next.ServeHTTP(w, r)
	})
}

// instrument connects the store to metrics (the SQLite writer, the connection pool) and the
// gauges read at each scrape; the services got their observers at construction (withLeasing).
func instrument(st *database.Store, svc *services, m *metrics.Metrics, tel *telemetry.Telemetry, clock clockwork.Clock, logger *slog.Logger) {
	m.SetLogger(logger)
	st.ObserveWriter(m.Domain)
	m.CollectDB(st.DB, st.Dialect)
	client := st.Client
	m.CollectState(metrics.Sources{
		Now: clock.Now,
		Stock: func(ctx context.Context) ([]metrics.StockRow, error) {
			stock, err := inventory.StockCounts(ctx, client, clock.Now())
			out := make([]metrics.StockRow, 0, len(stock))
			for _, s := range stock {
				row := metrics.StockRow{Product: s.SKU, Vendable: s.Vendable, Counts: make(map[string]int, len(s.Counts))}
				for status, n := range s.Counts {
					row.Counts[string(status)] = n
				}
				out = append(out, row)
			}
			return out, err
		},
		OldestMaintenance: func(ctx context.Context) (time.Time, error) { return inventory.OldestInMaintenance(ctx, client) },
		Leases: func(ctx context.Context) (map[string]int, error) {
			counts, err := lease.LiveCounts(ctx, client)
			out := make(map[string]int, len(counts))
			for status, n := range counts {
				out[string(status)] = n
			}
			return out, err
		},
		Notices: func(ctx context.Context) ([]metrics.NoticeBacklog, error) {
			backlogs, err := svc.deliverer.Backlogs(ctx)
			out := make([]metrics.NoticeBacklog, 0, len(backlogs))
			for _, b := range backlogs {
				out = append(out, metrics.NoticeBacklog{Channel: b.Channel, Queued: b.Queued, Oldest: b.Oldest})
			}
			return out, err
		},
	})
}
