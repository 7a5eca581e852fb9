package main

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/leader"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/leasefeed"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/reclaim"
	"github.com/hardcandy/hardcandy/scheduler"
	"github.com/hardcandy/hardcandy/secret"

	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime/debug"
	"time"

	"entgo.io/ent/dialect"

	"github.com/jonboulle/clockwork"
	"github.com/spf13/cobra"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/cli"
	"github.com/hardcandy/hardcandy/custom"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/graph"
	"github.com/hardcandy/hardcandy/graph/graphiql"
	"github.com/hardcandy/hardcandy/httplog"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/metrics"
	"github.com/hardcandy/hardcandy/portal"
	"github.com/hardcandy/hardcandy/rest"
	"github.com/hardcandy/hardcandy/telemetry"
)

// serveOptions are the flags of `hardcandy serve`.
type serveOptions struct {
	addr         string
	demo         bool
	maxBody      int64
	reqTimeout   time.Duration
	drainTimeout time.Duration
	pprofAddr    string
	config       string
	secretKey    string
	noScheduler  bool
	noMigrate    bool
	schedules    []string

	// tracing is where spans go (nil: nowhere); serve sets it from the OTEL_* environment.
	tracing *telemetry.Tracing
	// listener, when set (tests), is served instead of listening on addr; beforeOpen, when
	// set (tests), runs once the listener is up, before the database is opened and migrated.
	listener   net.Listener
	beforeOpen func()
}

func newServeCommand(opts *options) *cobra.Command {
	so := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web portal, the GraphQL API, GraphiQL and the JSON routes",
		Long: `Serve the web portal at /, the GraphQL API at /graphql, GraphiQL at /graphiql, /healthz,
/readyz and Prometheus /metrics.

With no configuration it uses a SQLite file in the working directory, applying migrations at
start. --demo loads a demo catalog, inventory and users on first start and prints their tokens.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			logger, err := opts.logger(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			return serve(cmd.Context(), opts, so, logger, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&so.addr, "addr", env("HARDCANDY_ADDR", "127.0.0.1:8080"), "listen address ($HARDCANDY_ADDR)")
	f.BoolVar(&so.demo, "demo", env("HARDCANDY_DEMO", "") == "true", "load demo data on first start and print the demo users' tokens ($HARDCANDY_DEMO=true)")
	f.Int64Var(&so.maxBody, "max-body", 1<<20, "largest request body in bytes")
	f.DurationVar(&so.reqTimeout, "request-timeout", 30*time.Second, "longest time one request may take")
	f.DurationVar(&so.drainTimeout, "drain-timeout", 20*time.Second, "how long shutdown waits for requests in flight")
	f.StringVar(&so.config, "config", env("HARDCANDY_CONFIG", config.DefaultPath), "configuration file: dispensers per product type, leasing rules ($HARDCANDY_CONFIG)")
	f.StringVar(&so.secretKey, "secret-key-file", env("HARDCANDY_SECRET_KEY_FILE", ""), "key that seals credentials at rest; generated (0600) beside the SQLite file when absent; $HARDCANDY_SECRET_KEY (base64) overrides")
	f.BoolVar(&so.noMigrate, "no-migrate", env("HARDCANDY_NO_MIGRATE", "") == "true", "do not apply migrations at start; refuse to start on a Postgres schema older than this build ($HARDCANDY_NO_MIGRATE=true)")
	f.BoolVar(&so.noScheduler, "no-scheduler", env("HARDCANDY_NO_SCHEDULER", "") == "true", "run no scheduler jobs: an API-only replica ($HARDCANDY_NO_SCHEDULER=true)")
	f.StringArrayVar(&so.schedules, "schedule", envList("HARDCANDY_SCHEDULES"), "a job's schedule as NAME=SPEC, e.g. expire-leases=30s or close-bills='10 0 * * *'; repeatable ($HARDCANDY_SCHEDULES, comma-separated)")
	f.StringVar(&so.pprofAddr, "pprof-addr", env("HARDCANDY_PPROF_ADDR", ""), "serve Go profiles (/debug/pprof) on this separate address, e.g. 127.0.0.1:6060; off when empty ($HARDCANDY_PPROF_ADDR)")
	return cmd
}

// services are the business services every entry point shares.
type services struct {
	router    *dispenser.Router
	auth      *auth.Service
	catalog   *catalog.Service
	inventory *inventory.Service
	lease     *lease.Service
	reclaim   *reclaim.Service
	feed      *leasefeed.Feed
	outbox    *notify.Outbox
	expiring  *notify.Expiring
	deliverer *notify.Deliverer
	billing   *billing.Service
}

func newServices(st *database.Store, clock clockwork.Clock) *services {
	return &services{
		auth:      auth.NewService(st, clock),
		catalog:   catalog.NewService(st, clock),
		inventory: inventory.NewService(st, clock),
	}
}

// withLeasing adds the services that reach the dispenser, seal credentials and send notices. The
// scheduler (nil on a replica that runs no jobs) is built before them: each service is handed
// the kicks it needs here, and nothing is assigned to it later.
func (s *services) withLeasing(st *database.Store, clock clockwork.Clock, cfg *config.File, key []byte, logger *slog.Logger,
	tel *telemetry.Telemetry, sched *scheduler.Scheduler) error {
	router, err := dispenser.NewRouter(cfg.Dispensers, dispenser.WithClock(clock),
		dispenser.WithDecorator(tel.Dispenser()), dispenser.WithPropagator(telemetry.Propagator))
	if err != nil {
		return fmt.Errorf("dispensers: %w", err)
	}
	box, err := secret.New(key)
	if err != nil {
		return err
	}
	s.router = router
	s.feed = leasefeed.New()
	s.outbox = notify.NewOutbox(cfg.Notices)
	leasing := cfg.Leasing
	if len(leasing.Booking.Reminders) == 0 { // reservations are announced at the notices' thresholds
		leasing.Booking.Reminders = cfg.Notices.Thresholds
	}
	deliver, reclaimNow := sched.Kicker(scheduler.DeliverNotices), sched.Kicker(scheduler.ReclaimItems)
	s.lease = lease.NewService(st, clock, router, box, leasing, lease.Deps{Feed: s.feed, Notices: s.outbox, Deliver: deliver,
		Reclaim: reclaimNow, BookingsDue: sched.Kicker(scheduler.StartBookings), Observer: tel.Lease()})
	// Items back on the shelf serve the waiting lists at once, on a replica that runs the jobs.
	var restocked func()
	if sched != nil {
		restocked = s.lease.KickQueue
	}
	s.inventory = inventory.NewService(st, clock, inventory.Deps{Reclaim: reclaimNow, Restocked: restocked})
	s.reclaim = reclaim.NewService(st, clock, router, cfg.Reclaim, reclaim.Deps{Notices: s.outbox, Deliver: deliver,
		Restocked: restocked, Observer: tel.Reclaim()})
	s.expiring = notify.NewExpiring(st, s.outbox, cfg.Notices)
	s.deliverer = notify.NewDeliverer(st, cfg.Notices, logger, clock, nil)
	s.deliverer.Observer = tel.Deliveries()
	s.billing, err = billing.NewService(st, clock, cfg.Billing)
	return err
}

// openServices opens the database, applies migrations and builds the services: the operator
// commands' path.
func openServices(ctx context.Context, opts *options) (*database.Store, *services, error) {
	st, err := database.Open(ctx, opts.db, database.Options{Migrate: true})
	if err != nil {
		return nil, nil, err
	}
	return st, newServices(st, clockwork.NewRealClock()), nil
}

// app is a wired server: store, services and the HTTP handler.
type app struct {
	store     *database.Store
	svc       *services
	handler   http.Handler
	metrics   *metrics.Metrics
	resolver  *graph.Resolver
	telemetry *telemetry.Telemetry
	// sched runs the jobs, elected among replicas on Postgres (elector); both nil on a replica
	// that runs none (--no-scheduler). Built before the services, started by serve.
	sched   *scheduler.Scheduler
	elector *leader.Elector
}

// schedulerConfig lays flag and environment schedules over the configuration file's.
func schedulerConfig(cfg scheduler.Config, flags []string) scheduler.Config {
	out := cfg
	out.Schedules = map[string]string{}
	for k, v := range cfg.Schedules {
		out.Schedules[k] = v
	}
	for _, f := range flags {
		if name, spec, ok := strings.Cut(f, "="); ok {
			out.Schedules[strings.TrimSpace(name)] = strings.TrimSpace(spec)
		}
	}
	return out
}

// newApp wires a server: the scheduler first (unless so says this replica runs no jobs), then
// the services, each handed what it needs, then the jobs, the API and the handler. Nothing runs
// until serve starts it.
func newApp(st *database.Store, clock clockwork.Clock, so *serveOptions, cfg *config.File, key []byte, logger *slog.Logger) (*app, error) {
	m := metrics.New()
	tel := telemetry.New(m, tracerProvider(so.tracing))
	schedCfg := schedulerConfig(cfg.Scheduler, so.schedules)
	var (
		sched   *scheduler.Scheduler
		elector *leader.Elector
	)
	if !so.noScheduler {
		o := scheduler.Options{Clock: clock, Logger: logger, Client: st.Client, Registerer: m.Registry, Tracer: tel.Tracer()}
		if st.Dialect == dialect.Postgres {
			// Replicas share one Postgres: only the one holding the lock runs jobs.
			elector = leader.New(st.DB, "scheduler", logger)
			o.Elector = elector
		}
		var err error
		if sched, err = scheduler.New(schedCfg, o); err != nil {
			return nil, err
		}
	}
	svc := newServices(st, clock)
	if err := svc.withLeasing(st, clock, cfg, key, logger, tel, sched); err != nil {
		return nil, err
	}
	if err := checkTimeouts(so.reqTimeout, svc); err != nil {
		return nil, err
	}
	if c, ok := st.Driver.(*database.CountingDriver); ok {
		m.CountSQL(c.Count)
	}
	known, err := graph.OperationNames(operationDocuments...)
	if err != nil {
		return nil, err
	}
	m.KnowOperations(append(known, graph.BuiltinOperations...)...)
	instrument(st, svc, m, tel, clock, logger)
	resolver := &graph.Resolver{
		Store: st, Client: st.Client, Auth: svc.auth, Catalog: svc.catalog, Inventory: svc.inventory, Leasing: svc.lease, Billing: svc.billing,
		Custom: custom.NewService(st, clock, svc.catalog, svc.inventory),
		Clock:  clock, Logger: logger, Feed: svc.feed,
	}
	if sched != nil {
		resolver.Jobs = sched
		if err := sched.Register(jobs(st, svc, schedCfg)...); err != nil {
			return nil, err
		}
	}
	gql := graph.NewHandler(resolver, graph.Options{Metrics: m, Logger: logger, Tracing: tracerProvider(so.tracing)})

	mux := http.NewServeMux()
	api := http.NewServeMux()
	api.Handle("/graphql", gql)
	rest.Routes(api, st.Client, svc.catalog)
	rest.Reports(api, svc.billing)
	authed := svc.auth.Middleware(logViewer(limitBody(so.maxBody, timeout(so.reqTimeout, api))))
	mux.Handle("/graphql", m.Instrument("/graphql", authed))
	for _, p := range []string{"/products", "/admin/products", "/admin/products/", "/reports/"} {
		mux.Handle(p, m.Instrument("/rest", authed))
	}
	ide := graphiql.Handler("Hardcandy", "/graphql")
	// The IDE's page answers at /graphiql; its relative asset URLs resolve under /graphiql/assets/.
	mux.Handle("/graphiql", m.Instrument("/graphiql", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r2 := *r
		u := *r.URL
		u.Path = "/"
		r2.URL = &u
		ide.ServeHTTP(w, &r2)
	})))
	mux.Handle("/graphiql/assets/", m.Instrument("/graphiql", ide))
	mux.Handle("/", m.Instrument("/portal", portal.Handler()))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := st.Ping(ctx); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ready\n")
	})
	mux.Handle("GET /metrics", m.Handler())
	return &app{store: st, svc: svc, handler: httplog.Middleware(logger, securityHeaders(mux)), metrics: m, resolver: resolver, telemetry: tel,
		sched: sched, elector: elector}, nil
}

// operationDocuments are the committed GraphQL documents of the clients this server knows (the
// CLI's and the portal's): their operation names are the metric labels.
var operationDocuments = append(cli.Documents(), portal.Operations)

// vendMargin is what a vend needs besides its dispenser calls: its checks and two transactions.
const vendMargin = 10 * time.Second

// checkTimeouts refuses configurations in which a vend could outlive its request or be rolled
// back by the repair while its backend still provisions. The vend's outcome is recorded either
// way (the lease service runs it detached from the request), but a request that ends first loses
// its answer, and a repair that comes first wipes a machine the backend did provision.
func checkTimeouts(reqTimeout time.Duration, svc *services) error {
	bound := svc.lease.DispenseBound()
	need := bound + vendMargin
	pending := svc.lease.PendingTimeout()
	slowest := func(limit time.Duration) string {
		var slow []string
		for _, t := range dispenser.ItemTypes {
			if b := svc.router.Bounds()[t]; b >= limit {
				slow = append(slow, fmt.Sprintf("%s up to %s", t, b))
			}
		}
		return strings.Join(slow, ", ")
	}
	if reqTimeout < need {
		return usageError{fmt.Errorf("--request-timeout %s is too short: a vend may take %s, its dispenser calls up to %s (item types %s; "+
			"capped by leasing.dispense_timeout) and %s for its transactions, and a client whose request ends first loses the answer. "+
			"Give --request-timeout %s or more, or lower the dispensers' timeout and retries, or leasing.dispense_timeout",
			reqTimeout, need, bound, slowest(reqTimeout-vendMargin), vendMargin, need)}
	}
	// The repair rolls back a vend whose lease has waited pending_timeout since its claim.
	if bound > 0 && pending <= bound {
		return usageError{fmt.Errorf("leasing.pending_timeout %s is too short: a vend's dispenser calls may take up to %s (item types %s; "+
			"capped by leasing.dispense_timeout), and the repair would roll back vends still at the dispenser. Set it above %s",
			pending, bound, slowest(pending), bound)}
	}
	return nil
}

// defaultGCPercent trades memory for CPU: the live heap is small (tens of MB), and collecting
// less often lifts throughput by a third under load. GOGC in the environment wins.
const defaultGCPercent = 400

func serve(ctx context.Context, opts *options, so *serveOptions, logger *slog.Logger, out io.Writer) error {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	postgres := database.IsPostgres(opts.db)
	keyPath := so.secretKey
	if keyPath == "" && postgres && os.Getenv("HARDCANDY_SECRET_KEY") == "" {
		// A key generated per replica would seal credentials no other replica can open.
		return usageError{errors.New("on Postgres every replica needs the same secret key: give --secret-key-file or $HARDCANDY_SECRET_KEY")}
	}
	if keyPath == "" {
		keyPath = filepath.Join(filepath.Dir(database.SQLitePath(opts.db)), "hardcandy.key")
	}
	tracing, err := startTracing(ctx, so, logger)
	if err != nil {
		return err
	}
	defer tracing.flush(logger)
	// Listen first, so probes hear "starting" (and /readyz fails) while migrations run.
	srv, gate, errc, err := startHTTP(so, logger)
	if err != nil {
		return err
	}
	defer srv.Close() //nolint:errcheck // after Shutdown, or on a failed start
	if !so.noMigrate {
		gate.starting("applying database migrations")
	}
	if so.beforeOpen != nil {
		so.beforeOpen()
	}
	st, err := database.Open(ctx, opts.db, database.Options{Migrate: !so.noMigrate, WrapDriver: func(d dialect.Driver) dialect.Driver {
		if so.tracing.Enabled {
			d = telemetry.New(nil, so.tracing.Provider).Driver(d)
		}
		return database.NewCountingDriver(d)
	}})
	if err != nil {
		return err
	}
	defer st.Close()
	gate.starting("loading configuration and starting services")
	if so.noMigrate && postgres {
		status, err := database.PostgresMigrationStatus(opts.db)
		if err != nil {
			return err
		}
		if status.Dirty || status.Current < status.Latest {
			return fmt.Errorf("the database schema is at migration %d%s and this build needs %d: run `hardcandy migrate` first",
				status.Current, map[bool]string{true: " (dirty: a migration failed half way)"}[status.Dirty], status.Latest)
		}
	}
	cfg, err := config.Load(so.config)
	if err != nil {
		return err
	}
	key, generated, err := secret.Load(keyPath, os.Getenv("HARDCANDY_SECRET_KEY"))
	if err != nil {
		return err
	}
	if generated {
		logger.Warn("generated a new secret key for credentials; back it up with the database", "path", keyPath)
	}
	clock := clockwork.NewRealClock()
	a, err := newApp(st, clock, so, cfg, key, logger)
	if err != nil {
		return err
	}
	// The long-lived pieces start in order and stop in reverse at shutdown: the bridge that
	// carries lease events between replicas, the leader election, the scheduler.
	var parts []part
	if postgres {
		// Lease events reach subscribers on every replica, whichever one changed the lease.
		dsn, _, err := database.PostgresDSN(opts.db)
		if err != nil {
			return err
		}
		parts = append(parts, leasefeed.NewPostgresBridge(dsn, a.svc.feed, logger))
	}
	if a.elector != nil {
		parts = append(parts, a.elector)
	}
	// stopBy is when shutdown must be over: the drain deadline once a signal came. Everything
	// after the HTTP drain (the scheduler's running jobs, the store) is bounded by it too.
	stopBy := context.Background()
	if a.sched != nil {
		parts = append(parts, drained{a.sched, &stopBy, logger})
	}
	stop, err := startParts(ctx, parts)
	if err != nil {
		return err
	}
	defer stop()
	if so.demo {
		users, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: a.svc.auth, Catalog: a.svc.catalog, Inventory: a.svc.inventory})
		if err != nil {
			return fmt.Errorf("load demo data: %w", err)
		}
		printDemoUsers(out, users)
	}
	gate.ready(a.handler)
	if so.pprofAddr != "" {
		go func() {
			pm := http.NewServeMux()
			pm.HandleFunc("/debug/pprof/", pprof.Index)
			pm.HandleFunc("/debug/pprof/profile", pprof.Profile)
			pm.HandleFunc("/debug/pprof/trace", pprof.Trace)
			logger.Warn("profiling endpoint enabled", "addr", so.pprofAddr)
			ps := &http.Server{Addr: so.pprofAddr, Handler: pm, ReadHeaderTimeout: 5 * time.Second}
			if err := ps.ListenAndServe(); err != nil {
				logger.Error("profiling endpoint", "err", err)
			}
		}()
	}
	// addr comes first: scripts and tests read the address from it; the portal answers there.
	logger.Info("hardcandy serving", "addr", "http://"+gate.addr+"/", "portal", "/", "graphiql", "/graphiql", "graphql", "/graphql", "db", describeDB(opts.db))
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down: draining requests", "timeout", so.drainTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), so.drainTimeout)
	defer cancel()
	stopBy = sctx
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		// Requests still running are abandoned with the process: a vend between its two
		// transactions is rolled back by the repair after leasing.pending_timeout. Closing the
		// store now answers whatever waits for the writer (after a storm of clients that gave
		// up, thousands of vends still running for nobody can be queued there, and a job's
		// last write behind them), so the scheduler and the store stop at once, not once the
		// backlog is written.
		_ = st.Close()
		return fmt.Errorf("shutdown: requests still running after --drain-timeout %s are abandoned: %w", so.drainTimeout, err)
	}
	logger.Info("stopped")
	return nil
}

// part is a long-lived piece of the server (the Postgres bridge, the elector, the scheduler):
// serve starts them in order and stops them in reverse.
type part interface {
	Start(ctx context.Context) error
	Stop()
}

// startParts starts parts in order and returns what stops the started ones in reverse; when one
// fails to start, those before it are stopped again.
func startParts(ctx context.Context, parts []part) (stop func(), err error) {
	stop = func() {}
	for i, p := range parts {
		if err := p.Start(ctx); err != nil {
			stopAll(parts[:i])
			return stop, err
		}
	}
	return func() { stopAll(parts) }, nil
}

func stopAll(parts []part) {
	for i := len(parts) - 1; i >= 0; i-- {
		parts[i].Stop()
	}
}

// drained is the scheduler as a part of serve: its stop lets running jobs finish until the drain
// deadline (*by, set when the signal came), then cancels them.
type drained struct {
	*scheduler.Scheduler
	by     *context.Context
	logger *slog.Logger
}

func (d drained) Stop() {
	d.logger.Info("stopping the scheduler: letting running jobs finish until the drain deadline")
	if err := d.StopWithin(*d.by); err != nil {
		d.logger.Error("scheduler stop", "err", err)
	}
}

// jobs are the scheduler's jobs, each the function of the service that owns its rule.
func jobs(st *database.Store, svc *services, cfg scheduler.Config) []scheduler.Job {
	return []scheduler.Job{
		{Name: scheduler.ExpireLeases, Run: svc.lease.Expire},
		{Name: scheduler.ReclaimItems, Run: svc.reclaim.Run},
		{Name: scheduler.RecoverStuck, Run: svc.lease.Repair},
		{Name: scheduler.ExpiryNotices, Run: svc.expiring.Run},
		{Name: scheduler.DeliverNotices, Run: svc.deliverer.Run},
		{Name: scheduler.CloseBills, Run: svc.billing.Close},
		{Name: scheduler.StartBookings, Run: svc.lease.StartBookings},
		{Name: scheduler.PruneJobRuns, Run: scheduler.PruneRuns(st.Client, cfg.RunRetention)},
		{Name: scheduler.ServeQueue, Run: svc.lease.ServeQueue},
	}
}

func printDemoUsers(out io.Writer, users []demo.User) {
	if len(users) == 0 {
		fmt.Fprintln(out, "demo data already present; tokens were printed on first start (issue more with `hardcandy token issue --user NAME`)")
		return
	}
	fmt.Fprintln(out, "Demo users (tokens are shown only now; paste one into the portal's sign-in, or into GraphiQL's Headers as {\"Authorization\": \"Bearer TOKEN\"}):")
	for _, u := range users {
		fmt.Fprintf(out, "  %-6s %-8s %-6s %s\n", u.Name, u.Role, u.CostCenter, u.Token)
	}
}

// limitBody refuses bodies larger than n bytes with 413, however they are sent: with a length
// that says so, or chunked (read up to the limit first). The refusal is coded, in the format of
// the route: GraphQL's errors on /graphql, the JSON routes' error elsewhere.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := func() {
			err := apperr.New(apperr.InvalidArgument, "request body larger than %d bytes", n)
			if r.URL.Path == "/graphql" {
				graph.WriteRefusal(w, http.StatusRequestEntityTooLarge, err)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": string(err.Code), "message": err.Message}})
		}
		if r.ContentLength > n {
			tooLarge()
			return
		}
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, n))
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge()
			return
		} else if err != nil {
			http.Error(w, "the request body could not be read", http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// timeout bounds a request's context; handlers and the database give up when it ends. A
// websocket (a subscription) lives as long as its client: it gets no timeout and no
// read/write deadlines from the server's.
func timeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			rc := http.NewResponseController(w)
			_ = rc.SetReadDeadline(time.Time{})
			_ = rc.SetWriteDeadline(time.Time{})
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// describeDB names the database for the log: a Postgres URL without its password, or the SQLite
// DSN with the server's settings.
func describeDB(dsn string) string {
	if database.IsPostgres(dsn) {
		return database.Redact(dsn)
	}
	return database.SQLiteDSN(dsn)
}
