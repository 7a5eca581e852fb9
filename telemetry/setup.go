// Package telemetry joins the services to metrics and traces: it implements the observer
// interfaces the services call (lease flows and vend phases, reclaims, notice deliveries, the
// SQLite writer), decorates the dispenser, wraps the SQL driver, and sets up OpenTelemetry
// tracing from the standard OTEL_* environment.
package telemetry

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// ServiceName is the service.name traces carry unless OTEL_SERVICE_NAME says otherwise.
const ServiceName = "hardcandy"

// Tracing is how the server traces: a provider, and the function that flushes and stops it.
type Tracing struct {
	Provider trace.TracerProvider
	// Enabled is false when no exporter is configured: the provider is then a no-op.
	Enabled bool
	// Endpoint is where spans go, for the start-up log.
	Endpoint string
	shutdown func(context.Context) error
}

// Shutdown sends the spans still buffered and stops the exporter.
func (t *Tracing) Shutdown(ctx context.Context) error {
	if t.shutdown == nil {
		return nil
	}
	return t.shutdown(ctx)
}

// Off is tracing turned off.
func Off() *Tracing { return &Tracing{Provider: noop.NewTracerProvider()} }

// FromEnv sets up tracing as the OpenTelemetry environment variables say. It is off unless
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT is set (and
// OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none do not turn it off); spans then go over OTLP/HTTP
// with protobuf, batched. The exporter reads the rest of its settings (headers, timeout,
// certificates, compression) from the standard variables itself; the sampler comes from
// OTEL_TRACES_SAMPLER (parent-based, always on, by default), the resource from
// OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
func FromEnv(ctx context.Context, version string) (*Tracing, error) {
	endpoint := firstEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
	if endpoint == "" || strings.EqualFold(os.Getenv("OTEL_SDK_DISABLED"), "true") ||
		strings.EqualFold(os.Getenv("OTEL_TRACES_EXPORTER"), "none") {
		return Off(), nil
	}
	if p := firstEnv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"); p != "" && p != "http/protobuf" {
		return nil, fmt.Errorf("tracing: OTEL_EXPORTER_OTLP_PROTOCOL=%s: this build exports over http/protobuf only (an OpenTelemetry Collector accepts it on port 4318)", p)
	}
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("tracing: OTLP exporter for %s: %w", endpoint, err)
	}
	res, err := resource.Merge(resource.Default(), resource.NewWithAttributes(semconv.SchemaURL,
		semconv.ServiceName(ServiceName), semconv.ServiceVersion(version)))
	if err != nil {
		return nil, fmt.Errorf("tracing: resource: %w", err)
	}
	// The environment (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES) wins over the defaults.
	if env, err := resource.New(ctx, resource.WithFromEnv()); err == nil {
		if merged, err := resource.Merge(res, env); err == nil {
			res = merged
		}
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
	return &Tracing{Provider: tp, Enabled: true, Endpoint: endpoint, shutdown: func(ctx context.Context) error {
		return errors.Join(tp.Shutdown(ctx))
	}}, nil
}

// Propagator is how trace context crosses process boundaries: W3C traceparent and tracestate.
var Propagator propagation.TextMapPropagator = propagation.TraceContext{}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(os.Getenv(n)); v != "" {
			return v
		}
	}
	return ""
}
