package dispenser_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
)

var (
	testLease = dispenser.Lease{
		ID:       42,
		User:     dispenser.User{Name: "alice", Email: "alice@example.com", Role: "USER", CostCenter: "ENG"},
		Duration: "7d",
		StartsAt: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC),
		EndsAt:   time.Date(2026, 11, 9, 9, 0, 0, 0, time.UTC),
	}
	testItem = dispenser.Item{ID: 7, Name: "node-7", SKU: "3D.xl", Tier: 3, Type: "D", Size: "xl", Pool: "lab"}
)

// itemOfType returns testItem with another type.
func itemOfType(typ string) dispenser.Item {
	it := testItem
	it.Type = typ
	return it
}

// requireError asserts err is a *dispenser.Error and returns it.
func requireError(t *testing.T, err error) *dispenser.Error {
	t.Helper()
	require.Error(t, err)
	e, ok := dispenser.AsError(err)
	require.True(t, ok, "want *dispenser.Error, got %T: %v", err, err)
	return e
}

// newDispenser builds a dispenser or fails the test.
func newDispenser(t *testing.T, cfg dispenser.Config, opts ...dispenser.Option) dispenser.Dispenser {
	t.Helper()
	d, err := dispenser.New(cfg, opts...)
	require.NoError(t, err)
	return d
}

// decodeObject decodes credentials that must be a flat JSON object of strings.
func decodeObject(t *testing.T, raw json.RawMessage) map[string]string {
	t.Helper()
	var m map[string]string
	require.NoError(t, json.Unmarshal(raw, &m), "credentials %s", raw)
	return m
}

func ptr[T any](v T) *T { return &v }
