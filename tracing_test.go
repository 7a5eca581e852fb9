package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/stretchr/testify/require"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/telemetry"
)

// spanTree indexes recorded spans by their parent.
type spanTree struct {
	spans    tracetest.SpanStubs
	children map[trace.SpanID][]tracetest.SpanStub
}

func newSpanTree(spans tracetest.SpanStubs) *spanTree {
	t := &spanTree{spans: spans, children: map[trace.SpanID][]tracetest.SpanStub{}}
	for _, s := range spans {
		t.children[s.Parent.SpanID()] = append(t.children[s.Parent.SpanID()], s)
	}
	for id := range t.children {
		slices.SortFunc(t.children[id], func(a, b tracetest.SpanStub) int { return a.StartTime.Compare(b.StartTime) })
	}
	return t
}

func (t *spanTree) named(name string) []tracetest.SpanStub {
	var out []tracetest.SpanStub
	for _, s := range t.spans {
		if s.Name == name {
			out = append(out, s)
		}
	}
	return out
}

func (t *spanTree) childNames(s tracetest.SpanStub) []string {
	var out []string
	for _, c := range t.children[s.SpanContext.SpanID()] {
		out = append(out, c.Name)
	}
	return out
}

// descendants lists the names of every span under s.
func (t *spanTree) descendants(s tracetest.SpanStub) []string {
	var out []string
	for _, c := range t.children[s.SpanContext.SpanID()] {
		out = append(out, c.Name)
		out = append(out, t.descendants(c)...)
	}
	return out
}

func attr(s tracetest.SpanStub, key string) string {
	for _, a := range s.Attributes {
		if string(a.Key) == key {
			return a.Value.Emit()
		}
	}
	return ""
}

// TestVendSpanTree: with tracing on, one vend through GraphQL is one trace: the operation, the
// vend flow under it, the dispenser's check and the three phases under that, the dispenser
// call under the dispense phase, SQL statements under the phases, and the http backend
// receiving the dispenser call's traceparent.
func TestVendSpanTree(t *testing.T) {
	t.Parallel()
	var (
		mu          sync.Mutex
		traceparent []string
	)
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		mu.Lock()
		traceparent = append(traceparent, r.Header.Get("Traceparent"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"status": "ok", "credentials": map[string]string{"user": "root"}})
	}))
	t.Cleanup(backend.Close)

	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
	zero := 0
	cfg := &config.File{Dispensers: map[string]dispenser.Config{"D": {Driver: "http", URL: backend.URL, Timeout: dispenser.Duration(10 * time.Second), Retries: &zero}}}
	so := &serveOptions{tracing: &telemetry.Tracing{Provider: tp, Enabled: true}}
	s := startOps(t, cfg, so, database.Options{WrapDriver: func(d dialect.Driver) dialect.Driver {
		return telemetry.New(nil, tp).Driver(d)
	}})
	exp.Reset() // the demo data's setup

	res, _ := s.gql(t, "alice", `mutation Vend { vend(input: {sku: "4D.small", duration: "1d"}) { id status } }`, nil, nil)
	require.Empty(t, res.Errors)
	require.NoError(t, tp.ForceFlush(context.Background()))
	tree := newSpanTree(exp.GetSpans())

	ops := tree.named("graphql mutation Vend")
	require.Len(t, ops, 1)
	op := ops[0]
	require.False(t, op.Parent.IsValid(), "the operation is the trace's root")
	require.Equal(t, trace.SpanKindServer, op.SpanKind)
	for _, s := range tree.spans {
		require.Equal(t, op.SpanContext.TraceID(), s.SpanContext.TraceID(), "%s belongs to the vend's trace", s.Name)
	}
	require.Equal(t, []string{"lease.vend"}, tree.childNames(op))
	vend := tree.named("lease.vend")[0]
	require.Equal(t, "active", attr(vend, "hardcandy.outcome"))

	var flow []string
	for _, name := range tree.childNames(vend) {
		if strings.HasPrefix(name, "lease.") || strings.HasPrefix(name, "dispenser.") {
			flow = append(flow, name)
		}
	}
	require.Equal(t, []string{"dispenser.check", "lease.claim", "lease.dispense", "lease.activate"}, flow)

	dispense := tree.named("lease.dispense")[0]
	require.Equal(t, []string{"dispenser.vend"}, tree.childNames(dispense))
	call := tree.named("dispenser.vend")[0]
	require.Equal(t, trace.SpanKindClient, call.SpanKind)
	require.Equal(t, "http", attr(call, "hardcandy.dispenser.driver"))
	require.Equal(t, "D", attr(call, "hardcandy.dispenser.route"))
	require.Equal(t, "ok", attr(call, "hardcandy.outcome"))

	require.Contains(t, tree.descendants(tree.named("lease.claim")[0]), "INSERT leases", "the claim's SQL")
	require.Contains(t, tree.descendants(tree.named("lease.activate")[0]), "UPDATE leases", "the activation's SQL")
	for _, st := range tree.named("INSERT leases") {
		require.Equal(t, trace.SpanKindClient, st.SpanKind)
		require.NotEmpty(t, attr(st, "db.system.name"))
		require.Contains(t, attr(st, "db.query.text"), "INSERT INTO")
	}

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, traceparent, 1, "one vend call reached the backend")
	parts := strings.Split(traceparent[0], "-")
	require.Len(t, parts, 4, traceparent[0])
	require.Equal(t, op.SpanContext.TraceID().String(), parts[1], "the backend joins the vend's trace")
	require.Equal(t, call.SpanContext.SpanID().String(), parts[2], "as a child of the dispenser call")
}
