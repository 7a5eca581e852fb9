package telemetry

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/metrics"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/reclaim"
)

// InstrumentationName names the tracer every Hardcandy span comes from.
const InstrumentationName = "github.com/hardcandy/hardcandy"

// Telemetry feeds one server's metrics and traces.
type Telemetry struct {
	metrics *metrics.Domain
	tracer  trace.Tracer
}

// New returns the observers for m (nil: metrics off) and tp (nil: tracing off).
func New(m *metrics.Metrics, tp trace.TracerProvider) *Telemetry {
	if tp == nil {
		tp = noop.NewTracerProvider()
	}
	t := &Telemetry{tracer: tp.Tracer(InstrumentationName)}
	if m != nil {
		t.metrics = m.Domain
	}
	return t
}

// Tracer is the tracer for spans of other packages (GraphQL operations, scheduler jobs).
func (t *Telemetry) Tracer() trace.Tracer { return t.tracer }

// endSpan ends span with err as its status.
func endSpan(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}

// Lease observes the lease flows: lease_flows, vends, vend phases; a span per flow and phase.
func (t *Telemetry) Lease() lease.Observer { return leaseObserver{t} }

type leaseObserver struct{ t *Telemetry }

func (o leaseObserver) Flow(ctx context.Context, flow string) (context.Context, func(lease.Outcome)) {
	start := time.Now()
	ctx, span := o.t.tracer.Start(ctx, "lease."+flow)
	return ctx, func(out lease.Outcome) {
		took := time.Since(start)
		if m := o.t.metrics; m != nil {
			m.Flow(flow, out.Result, took)
			switch flow {
			case lease.FlowVend:
				m.Vend(out.Products, out.Result)
			case lease.FlowExpire:
				m.Expired(out.Count)
			}
		}
		span.SetAttributes(attribute.String("hardcandy.outcome", out.Result))
		if len(out.Products) > 0 {
			span.SetAttributes(attribute.StringSlice("hardcandy.products", out.Products))
		}
		if flow == lease.FlowExpire {
			span.SetAttributes(attribute.Int("hardcandy.leases", out.Count))
		}
		// A refusal or an empty shelf is the service working; only failures are errors.
		if out.Result == lease.OutcomeFailed || out.Result == lease.OutcomeError {
			endSpan(span, out.Err)
			return
		}
		span.End()
	}
}

func (o leaseObserver) Phase(ctx context.Context, phase string) (context.Context, func(error)) {
	start := time.Now()
	ctx, span := o.t.tracer.Start(ctx, "lease."+phase)
	return ctx, func(err error) {
		if m := o.t.metrics; m != nil {
			m.VendPhase(phase, time.Since(start))
		}
		endSpan(span, err)
	}
}

// Reclaim observes reclaim runs (a span each) and counts each item's outcome.
func (t *Telemetry) Reclaim() reclaim.Observer { return reclaimObserver{t} }

type reclaimObserver struct{ t *Telemetry }

func (o reclaimObserver) Run(ctx context.Context) (context.Context, func(int, error)) {
	ctx, span := o.t.tracer.Start(ctx, "reclaim.run")
	return ctx, func(n int, err error) {
		span.SetAttributes(attribute.Int("hardcandy.items", n))
		endSpan(span, err)
	}
}

func (o reclaimObserver) Reclaimed(ctx context.Context, outcome string) {
	if m := o.t.metrics; m != nil {
		m.Reclaimed(outcome)
	}
	trace.SpanFromContext(ctx).AddEvent("reclaimed", trace.WithAttributes(attribute.String("hardcandy.outcome", outcome)))
}

// Deliveries counts notice deliveries.
func (t *Telemetry) Deliveries() notify.DeliveryObserver { return deliveryObserver{t} }

type deliveryObserver struct{ t *Telemetry }

func (o deliveryObserver) Delivered(channel, outcome string, n int) {
	if m := o.t.metrics; m != nil {
		m.Delivered(channel, outcome, n)
	}
}
