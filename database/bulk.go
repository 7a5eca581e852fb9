package database

import (
	"context"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/hardcandy/hardcandy/ent"
)

// Set-based statements for work done in bulk (the expiry sweep): one INSERT of many rows, one
// UPDATE ... RETURNING of a whole batch, written here once for both databases.

// maxParams bounds the parameters of one statement, under SQLite's limit (32766) and
// Postgres' (65535).
const maxParams = 30000

// InsertRows inserts rows (each a value per column) into table in as few statements as the
// databases' parameter limits allow.
func InsertRows(ctx context.Context, tx *Tx, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	d := tx.dialect
	if d == dialect.Postgres {
		return insertUnnest(ctx, tx.Tx, table, columns, rows)
	}
	for _, chunk := range Chunks(rows, len(columns), 0) {
		b := entsql.Dialect(d).Insert(table).Columns(columns...)
		for _, r := range chunk {
			b.Values(r...)
		}
		q, args := b.Query()
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("insert %d rows into %s: %w", len(chunk), table, err)
		}
	}
	return nil
}

// insertUnnest inserts rows on Postgres in one statement of one array parameter per column
// (INSERT ... SELECT FROM unnest(...)): the statement's size does not grow with the rows. The
// columns' types follow the values: time.Time, string, int or []byte, any of them nil.
func insertUnnest(ctx context.Context, tx *ent.Tx, table string, columns []string, rows [][]any) error {
	args := make([]any, len(columns))
	casts := make([]string, len(columns))
	for c := range columns {
		var kind any
		for _, r := range rows {
			if r[c] != nil {
				kind = r[c]
				break
			}
		}
		switch kind.(type) {
		case time.Time:
			col := make([]*time.Time, len(rows))
			for i, r := range rows {
				if v, ok := r[c].(time.Time); ok {
					col[i] = &v
				}
			}
			args[c], casts[c] = col, "timestamptz[]"
		case int, int64:
			col := make([]*int64, len(rows))
			for i, r := range rows {
				switch v := r[c].(type) {
				case int:
					n := int64(v)
					col[i] = &n
				case int64:
					col[i] = &v
				}
			}
			args[c], casts[c] = col, "int8[]"
		case []byte:
			col := make([][]byte, len(rows))
			for i, r := range rows {
				if v, ok := r[c].([]byte); ok {
					col[i] = v
				}
			}
			args[c], casts[c] = col, "bytea[]"
		default: // strings, and a column of NULLs
			col := make([]*string, len(rows))
			for i, r := range rows {
				if v, ok := r[c].(string); ok {
					col[i] = &v
				}
			}
			args[c], casts[c] = col, "text[]"
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %q (", table)
	for i, c := range columns {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", c)
	}
	b.WriteString(") SELECT * FROM unnest(")
	for i := range columns {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d::%s", i+1, casts[i])
	}
	b.WriteString(")")
	if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("insert %d rows into %s: %w", len(rows), table, err)
	}
	return nil
}

// IDChunks splits ids into slices small enough for one statement's parameters, leaving room
// for a few more.
func IDChunks(ids []int) [][]int {
	return Chunks(ids, 1, 100)
}

// Chunks splits xs into consecutive slices of as many as fit one statement's parameters, at
// perRow parameters each, after extra parameters the statement has besides. A chunk holds at
// least one element however many parameters it needs; perRow below 1 counts as 1. The chunks
// share xs' backing array.
func Chunks[T any](xs []T, perRow, extra int) [][]T {
	size := max(1, (maxParams-max(0, extra))/max(1, perRow))
	var out [][]T
	for lo := 0; lo < len(xs); lo += size {
		out = append(out, xs[lo:min(lo+size, len(xs))])
	}
	return out
}

// Time scans a timestamp from either database: Postgres' drivers give a time.Time, SQLite's
// gives a time.Time for a column it knows to be one and the stored text otherwise (the values
// of an UPDATE ... RETURNING).
type Time struct {
	T     time.Time
	Valid bool
}

// sqliteLayouts are the forms the SQLite driver writes timestamps in.
var sqliteLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// Scan implements sql.Scanner.
func (t *Time) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*t = Time{}
		return nil
	case time.Time:
		*t = Time{T: x.UTC(), Valid: true}
		return nil
	case []byte:
		return t.parse(string(x))
	case string:
		return t.parse(x)
	}
	return fmt.Errorf("scan %T as a time", v)
}

func (t *Time) parse(s string) error {
	for _, layout := range sqliteLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			*t = Time{T: v.UTC(), Valid: true}
			return nil
		}
	}
	return fmt.Errorf("scan %q as a time", s)
}

// Ptr is the time, or nil when it is NULL.
func (t Time) Ptr() *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.T
	return &v
}
