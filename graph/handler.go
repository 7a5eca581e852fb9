package graph

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"go.opentelemetry.io/otel/trace"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/metrics"
	"github.com/hardcandy/hardcandy/viewer"
)

// Options tune the GraphQL handler.
type Options struct {
	// MaxDepth bounds how deeply a query may nest fields.
	MaxDepth int
	// MaxComplexity bounds a request's cost (see budget); without a token AnonymousComplexity
	// applies.
	MaxComplexity int
	// WebsocketInitTimeout closes a websocket that sends no connection_init in time
	// (DefaultWebsocketInitTimeout).
	WebsocketInitTimeout time.Duration
	Metrics              *metrics.Metrics
	Logger               *slog.Logger
	// Tracing, when set, traces each operation (see observeRequest).
	Tracing trace.TracerProvider
}

// DefaultOptions are the limits the server runs with unless configured.
var DefaultOptions = Options{MaxDepth: 12, MaxComplexity: 250_000}

// NewHandler returns the GraphQL HTTP handler (POST and GET; OPTIONS for preflight).
func NewHandler(r *Resolver, o Options) http.Handler {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MaxDepth == 0 {
		o.MaxDepth = DefaultOptions.MaxDepth
	}
	if o.MaxComplexity == 0 {
		o.MaxComplexity = DefaultOptions.MaxComplexity
	}
	if o.WebsocketInitTimeout == 0 {
		o.WebsocketInitTimeout = DefaultWebsocketInitTimeout
	}
	cfg := Config{Resolvers: r}
	cfg.Directives.Admin = func(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
		if _, err := auth.RequireAdmin(ctx, graphql.GetFieldContext(ctx).Field.Name); err != nil {
			return nil, err
		}
		return next(ctx)
	}

	srv := handler.New(NewExecutableSchema(cfg))
	srv.AddTransport(transport.Websocket{
		Implementation:        sockets{},
		KeepAlivePingInterval: 10 * time.Second,
		InitFunc:              wsAuth(r.Auth),
		InitTimeout:           o.WebsocketInitTimeout,
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(jsonPOST{})
	srv.SetQueryCache(newPageArgsCache(1000))
	srv.SetParserTokenLimit(ParserTokenLimit)
	srv.Use(extension.Introspection{})
	srv.Use(limits{maxDepth: o.MaxDepth})
	srv.Use(budget{max: o.MaxComplexity})
	srv.SetErrorPresenter(withRequestID(presenter(o.Logger)))
	srv.SetRecoverFunc(recoverer(o.Logger))
	if o.Metrics != nil {
		srv.AroundOperations(observe(o.Metrics)) // outermost: it sees refused operations too
	}
	srv.AroundOperations(observeRequest(o.Tracing)) // request log, span, requestId on errors
	srv.AroundOperations(requireViewer)
	// No entgql.Transactioner: mutations run in the services' own short transactions, because a
	// transaction held across field resolution would also be held across dispenser calls.
	return withSockets(anonymousBudget(codedRefusals(withItemsLoader(r.Store, srv))))
}

// requireViewer refuses every operation without a signed-in viewer, except introspection, so
// GraphiQL can show the schema before a token is pasted.
func requireViewer(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if _, ok := viewer.FromContext(ctx); ok {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	if introspectionOnly(oc.Operation.SelectionSet) {
		return next(ctx)
	}
	_, err := auth.Require(ctx)
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{codedError(err)}})
}

func introspectionOnly(set ast.SelectionSet) bool {
	for _, sel := range set {
		f, ok := sel.(*ast.Field)
		if !ok || (f.Name != "__schema" && f.Name != "__type" && f.Name != "__typename") {
			return false
		}
	}
	return true
}

func observe(m *metrics.Metrics) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		start := time.Now()
		handle := next(ctx)
		oc := graphql.GetOperationContext(ctx)
		return func(ctx context.Context) *graphql.Response {
			resp := handle(ctx)
			if resp == nil { // a subscription's end
				return nil
			}
			typ, outcome, name := "unknown", "ok", oc.OperationName
			if oc.Operation != nil {
				typ = string(oc.Operation.Operation)
				if name == "" {
					name = oc.Operation.Name
				}
			}
			if len(resp.Errors) > 0 {
				outcome = "error"
				if c, ok := resp.Errors[0].Extensions["code"].(string); ok {
					outcome = c
				}
			}
			m.ObserveOperation(name, typ, outcome, time.Since(start))
			return resp
		}
	}
}
