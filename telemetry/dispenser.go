package telemetry

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/hardcandy/hardcandy/dispenser"
)

// Dispenser outcomes, as hardcandy_dispenser_calls_total counts them.
const (
	CallOK      = "ok"
	CallRefused = "refused"
	CallFailed  = "failed"
	CallTimeout = "timeout"
)

// Dispenser decorates each driver a router builds: every call is counted by driver, route,
// action and outcome, timed, and traced as a client span (whose context the http driver sends
// on as traceparent).
func (t *Telemetry) Dispenser() dispenser.Decorator {
	return func(route, driver string, d dispenser.Dispenser) dispenser.Dispenser {
		return &observedDispenser{next: d, t: t, route: route, driver: driver}
	}
}

type observedDispenser struct {
	next          dispenser.Dispenser
	t             *Telemetry
	route, driver string
}

func (o *observedDispenser) start(ctx context.Context, action string, attrs ...attribute.KeyValue) (context.Context, func(error)) {
	began := time.Now()
	attrs = append(attrs, attribute.String("hardcandy.dispenser.driver", o.driver),
		attribute.String("hardcandy.dispenser.route", o.route))
	ctx, span := o.t.tracer.Start(ctx, "dispenser."+action, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
	return ctx, func(err error) {
		outcome := callOutcome(err)
		if m := o.t.metrics; m != nil {
			m.DispenserCall(o.driver, o.route, action, outcome, time.Since(began))
		}
		span.SetAttributes(attribute.String("hardcandy.outcome", outcome))
		if outcome == CallRefused {
			span.End() // the backend's policy said no: an answer, not a failure
			return
		}
		endSpan(span, err)
	}
}

func (o *observedDispenser) Check(ctx context.Context, req dispenser.CheckRequest) error {
	ctx, end := o.start(ctx, dispenser.ActionCheck, attribute.String("hardcandy.sku", req.SKU))
	err := o.next.Check(ctx, req)
	end(err)
	return err
}

func (o *observedDispenser) Vend(ctx context.Context, l dispenser.Lease, it dispenser.Item) (json.RawMessage, error) {
	ctx, end := o.start(ctx, dispenser.ActionVend, attribute.String("hardcandy.sku", it.SKU),
		attribute.Int("hardcandy.lease.id", l.ID), attribute.Int("hardcandy.item.id", it.ID))
	creds, err := o.next.Vend(ctx, l, it)
	end(err)
	return creds, err
}

func (o *observedDispenser) Reclaim(ctx context.Context, it dispenser.Item) error {
	ctx, end := o.start(ctx, dispenser.ActionReclaim, attribute.String("hardcandy.sku", it.SKU),
		attribute.Int("hardcandy.item.id", it.ID))
	err := o.next.Reclaim(ctx, it)
	end(err)
	return err
}

// callOutcome classifies a dispenser call's error.
func callOutcome(err error) string {
	switch de, ok := dispenser.AsError(err); {
	case err == nil:
		return CallOK
	case ok && de.Refused:
		return CallRefused
	case errors.Is(err, context.DeadlineExceeded):
		return CallTimeout
	}
	return CallFailed
}

// Unwrap returns the wrapped driver, for what the router asks of drivers themselves (their
// bounds, dispenser.Bounded).
func (o *observedDispenser) Unwrap() dispenser.Dispenser { return o.next }
