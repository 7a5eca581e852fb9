package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/hardcandy/hardcandy/httplog"
)

// maxSpanOperation bounds the operation name a span repeats from a client.
const maxSpanOperation = 64

// instrumentationName names the tracer of GraphQL spans.
const instrumentationName = "github.com/hardcandy/hardcandy/graph"

// observeRequest traces each operation as a span, tells the request log its name, and puts the
// request id in every error's extensions (requestId), so a user's report of an error can be
// found in the logs and traces.
func observeRequest(tp trace.TracerProvider) graphql.OperationMiddleware {
	if tp == nil {
		tp = noop.NewTracerProvider()
	}
	tracer := tp.Tracer(instrumentationName)
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		typ, name := "unknown", oc.OperationName
		if oc.Operation != nil {
			typ = string(oc.Operation.Operation)
			if name == "" {
				name = oc.Operation.Name
			}
		}
		httplog.SetOperation(ctx, name)
		spanName := typ
		if name != "" {
			spanName += " " + truncate(name, maxSpanOperation)
		}
		ctx, span := tracer.Start(ctx, "graphql "+spanName, trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attribute.String("graphql.operation.type", typ),
				attribute.String("graphql.operation.name", truncate(name, maxSpanOperation)),
				attribute.String("hardcandy.request_id", httplog.RequestID(ctx))))
		handle := next(ctx)
		subscription := typ == "subscription"
		return func(ctx context.Context) *graphql.Response {
			resp := handle(ctx)
			if resp == nil { // a subscription's end
				span.End()
				return nil
			}
			tagErrors(ctx, resp.Errors)
			if len(resp.Errors) > 0 {
				code, _ := resp.Errors[0].Extensions["code"].(string)
				span.SetAttributes(attribute.String("hardcandy.error_code", code))
				if code == "INTERNAL" {
					span.SetStatus(codes.Error, resp.Errors[0].Message)
				}
			}
			if !subscription {
				span.End()
			}
			return resp
		}
	}
}

// tagErrors puts the request id in each error's extensions.
func tagErrors(ctx context.Context, errs gqlerror.List) {
	id := httplog.RequestID(ctx)
	if id == "" {
		return
	}
	for _, e := range errs {
		if e.Extensions == nil {
			e.Extensions = map[string]any{}
		}
		if _, ok := e.Extensions["requestId"]; !ok {
			e.Extensions["requestId"] = id
		}
	}
}

// withRequestID puts the request id on errors raised before any operation runs (a query that
// does not parse or validate), which no operation middleware sees.
func withRequestID(p graphql.ErrorPresenterFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		e := p(ctx, err)
		tagErrors(ctx, gqlerror.List{e})
		return e
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
