package telemetry

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
)

func TestDescribeSQL(t *testing.T) {
	t.Parallel()
	tests := []struct{ query, op, table string }{
		{`SELECT "leases"."id" FROM "leases" WHERE "leases"."status" = $1`, "SELECT", "leases"},
		{"SELECT `inventory_items`.`id` FROM `inventory_items` LIMIT 1", "SELECT", "inventory_items"},
		{`INSERT INTO "allocations" ("lease_id") VALUES ($1)`, "INSERT", "allocations"},
		{`UPDATE "leases" SET "status" = $1`, "UPDATE", "leases"},
		{`DELETE FROM "notices" WHERE id = 1`, "DELETE", "notices"},
		{`SAVEPOINT hardcandy_tx`, "SAVEPOINT", ""},
		{`  `, "SQL", ""},
	}
	for _, tt := range tests {
		op, table := describeSQL(tt.query)
		require.Equal(t, tt.op, op, tt.query)
		require.Equal(t, tt.table, table, tt.query)
	}
}

func TestCallOutcome(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want string
	}{
		{nil, CallOK},
		{&dispenser.Error{Message: "quota", Refused: true}, CallRefused},
		{&dispenser.Error{Message: "slow", Err: fmt.Errorf("post: %w", context.DeadlineExceeded)}, CallTimeout},
		{&dispenser.Error{Message: "boom"}, CallFailed},
		{errors.New("plain"), CallFailed},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, callOutcome(tt.err), "%v", tt.err)
	}
}
