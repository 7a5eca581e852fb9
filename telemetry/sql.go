package telemetry

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/hardcandy/hardcandy/database"

	"entgo.io/ent/dialect"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// maxQueryText bounds the statement text a span carries. Statements hold placeholders, never
// the values, so the text names no user's data.
const maxQueryText = 2000

// Driver wraps an ent driver for tracing: each statement is a span, and so is each
// transaction ("db.transaction", from begin to commit, with its statement count), its
// statements as children. Spans are made only under a caller's span, so background work
// (checkpoints, scrapes) adds no root traces. On SQLite, group commit runs many callers'
// transactions in one; there each statement is a span under its own caller's span, and the
// shared transaction has none of its own.
func (t *Telemetry) Driver(d dialect.Driver) dialect.Driver {
	return &tracedDriver{Driver: d, t: t, system: database.ProductName(d.Dialect())}
}

type tracedDriver struct {
	dialect.Driver
	t      *Telemetry
	system string
}

// statement starts a statement's span under parent's, or the span found in ctx.
func (d *tracedDriver) statement(ctx context.Context, query string, parent trace.Span) (context.Context, trace.Span, bool) {
	if parent == nil {
		if !trace.SpanContextFromContext(ctx).IsValid() {
			return ctx, nil, false
		}
	} else {
		ctx = trace.ContextWithSpan(ctx, parent)
	}
	op, table := describeSQL(query)
	name := op
	if table != "" {
		name += " " + table
	}
	text := query
	if len(text) > maxQueryText {
		text = text[:maxQueryText]
	}
	attrs := []attribute.KeyValue{attribute.String("db.system.name", d.system), attribute.String("db.operation.name", op),
		attribute.String("db.query.text", text)}
	if table != "" {
		attrs = append(attrs, attribute.String("db.collection.name", table))
	}
	ctx, span := d.t.tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
	return ctx, span, true
}

func (d *tracedDriver) Exec(ctx context.Context, query string, args, v any) error {
	ctx, span, ok := d.statement(ctx, query, nil)
	err := d.Driver.Exec(ctx, query, args, v)
	if ok {
		endSpan(span, err)
	}
	return err
}

func (d *tracedDriver) Query(ctx context.Context, query string, args, v any) error {
	ctx, span, ok := d.statement(ctx, query, nil)
	err := d.Driver.Query(ctx, query, args, v)
	if ok {
		endSpan(span, err)
	}
	return err
}

func (d *tracedDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	return d.begin(ctx, func(ctx context.Context) (dialect.Tx, error) { return d.Driver.Tx(ctx) })
}

// BeginTx starts a transaction with options when the wrapped driver can.
func (d *tracedDriver) BeginTx(ctx context.Context, opts *stdsql.TxOptions) (dialect.Tx, error) {
	b, ok := d.Driver.(interface {
		BeginTx(context.Context, *stdsql.TxOptions) (dialect.Tx, error)
	})
	if !ok {
		return nil, fmt.Errorf("driver %T does not support BeginTx", d.Driver)
	}
	return d.begin(ctx, func(ctx context.Context) (dialect.Tx, error) { return b.BeginTx(ctx, opts) })
}

func (d *tracedDriver) begin(ctx context.Context, start func(context.Context) (dialect.Tx, error)) (dialect.Tx, error) {
	parent := trace.SpanFromContext(ctx)
	if !parent.SpanContext().IsValid() {
		tx, err := start(ctx)
		if err != nil {
			return nil, err
		}
		return &tracedTx{Tx: tx, d: d}, nil
	}
	ctx, span := d.t.tracer.Start(ctx, "db.transaction", trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attribute.String("db.system.name", d.system)))
	tx, err := start(ctx)
	if err != nil {
		endSpan(span, err)
		return nil, err
	}
	return &tracedTx{Tx: tx, d: d, span: span, parent: parent.SpanContext()}, nil
}

// QueryContext passes a raw query through, traced.
func (d *tracedDriver) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	qe, ok := d.Driver.(interface {
		QueryContext(context.Context, string, ...any) (*stdsql.Rows, error)
	})
	if !ok {
		return nil, fmt.Errorf("driver %T does not run raw queries", d.Driver)
	}
	ctx, span, traced := d.statement(ctx, query, nil)
	rows, err := qe.QueryContext(ctx, query, args...)
	if traced {
		endSpan(span, err)
	}
	return rows, err
}

// ExecContext passes a raw statement through, traced.
func (d *tracedDriver) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	ex, ok := d.Driver.(interface {
		ExecContext(context.Context, string, ...any) (stdsql.Result, error)
	})
	if !ok {
		return nil, fmt.Errorf("driver %T does not run raw statements", d.Driver)
	}
	ctx, span, traced := d.statement(ctx, query, nil)
	res, err := ex.ExecContext(ctx, query, args...)
	if traced {
		endSpan(span, err)
	}
	return res, err
}

// tracedTx is a transaction whose statements are spans: children of its own span when they
// run for the caller that began it, of their own caller's otherwise.
type tracedTx struct {
	dialect.Tx
	d          *tracedDriver
	span       trace.Span // nil: begun outside any span
	parent     trace.SpanContext
	statements atomic.Int64
}

// parentFor is the span a statement run with ctx belongs under: the transaction's when ctx is
// the caller that began it.
func (t *tracedTx) parentFor(ctx context.Context) trace.Span {
	if t.span != nil && trace.SpanContextFromContext(ctx).Equal(t.parent) {
		return t.span
	}
	return nil
}

func (t *tracedTx) Exec(ctx context.Context, query string, args, v any) error {
	t.statements.Add(1)
	ctx, span, ok := t.d.statement(ctx, query, t.parentFor(ctx))
	err := t.Tx.Exec(ctx, query, args, v)
	if ok {
		endSpan(span, err)
	}
	return err
}

func (t *tracedTx) Query(ctx context.Context, query string, args, v any) error {
	t.statements.Add(1)
	ctx, span, ok := t.d.statement(ctx, query, t.parentFor(ctx))
	err := t.Tx.Query(ctx, query, args, v)
	if ok {
		endSpan(span, err)
	}
	return err
}

// ExecContext runs a raw statement in the transaction (savepoints), traced.
func (t *tracedTx) ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error) {
	ex, ok := t.Tx.(interface {
		ExecContext(context.Context, string, ...any) (stdsql.Result, error)
	})
	if !ok {
		return nil, fmt.Errorf("raw statements are not supported by %T", t.Tx)
	}
	t.statements.Add(1)
	ctx, span, traced := t.d.statement(ctx, query, t.parentFor(ctx))
	res, err := ex.ExecContext(ctx, query, args...)
	if traced {
		endSpan(span, err)
	}
	return res, err
}

// QueryContext runs a raw query in the transaction, traced.
func (t *tracedTx) QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error) {
	qe, ok := t.Tx.(interface {
		QueryContext(context.Context, string, ...any) (*stdsql.Rows, error)
	})
	if !ok {
		return nil, fmt.Errorf("raw queries are not supported by %T", t.Tx)
	}
	t.statements.Add(1)
	ctx, span, traced := t.d.statement(ctx, query, t.parentFor(ctx))
	rows, err := qe.QueryContext(ctx, query, args...)
	if traced {
		endSpan(span, err)
	}
	return rows, err
}

func (t *tracedTx) Commit() error {
	err := t.Tx.Commit()
	t.end("commit", err)
	return err
}

func (t *tracedTx) Rollback() error {
	err := t.Tx.Rollback()
	t.end("rollback", err)
	return err
}

func (t *tracedTx) end(how string, err error) {
	if t.span == nil {
		return
	}
	t.span.SetAttributes(attribute.Int64("db.statements", t.statements.Load()), attribute.String("db.transaction.end", how))
	endSpan(t.span, err)
}

// describeSQL names a statement by its operation and first table, for span names.
func describeSQL(query string) (op, table string) {
	q := strings.TrimSpace(query)
	fields := strings.Fields(q)
	if len(fields) == 0 {
		return "SQL", ""
	}
	op = strings.ToUpper(fields[0])
	after := map[string]string{"SELECT": "FROM", "DELETE": "FROM", "INSERT": "INTO", "UPDATE": "UPDATE"}[op]
	if after == "" {
		return op, ""
	}
	for i, f := range fields {
		if strings.EqualFold(f, after) && i+1 < len(fields) && (op != "UPDATE" || i == 0) {
			t := strings.Trim(fields[i+1], "`\"();")
			if i := strings.LastIndexByte(t, '.'); i >= 0 {
				t = strings.Trim(t[i+1:], "`\"")
			}
			return op, t
		}
	}
	return op, ""
}
