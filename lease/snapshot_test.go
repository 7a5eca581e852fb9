package lease

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/notify"
)

// sameLease requires want and got to agree on every exported field of ent.Lease but the edges
// and those in skip: a field added to the schema later is compared until a snapshot says it
// does not carry it. Times compare as instants.
func sameLease(t *testing.T, want, got *ent.Lease, skip ...string) {
	t.Helper()
	wv, gv := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	compared := 0
	for i := range wv.NumField() {
		f := wv.Type().Field(i)
		if !f.IsExported() || f.Name == "Edges" || slices.Contains(skip, f.Name) {
			continue
		}
		compared++
		w, g := wv.Field(i).Interface(), gv.Field(i).Interface()
		switch w := w.(type) {
		case time.Time:
			require.True(t, w.Equal(g.(time.Time)), "%s: stored %v, in memory %v", f.Name, w, g)
			continue
		case *time.Time:
			g := g.(*time.Time)
			require.Equal(t, w == nil, g == nil, "%s: stored %v, in memory %v", f.Name, w, g)
			if w != nil {
				require.True(t, w.Equal(*g), "%s: stored %v, in memory %v", f.Name, *w, *g)
			}
			continue
		}
		require.Equal(t, w, g, f.Name)
	}
	require.Positive(t, compared)
}

// recorder is the outbox, keeping the in-memory lease of each event it is handed.
type recorder struct {
	Notifier
	mu     sync.Mutex
	leases map[string][]*ent.Lease
}

func (r *recorder) Enqueue(ctx context.Context, tx *database.Tx, now time.Time, ev notify.Event) error {
	if ev.Lease != nil {
		r.mu.Lock()
		r.leases[ev.Kind] = append(r.leases[ev.Kind], ev.Lease)
		r.mu.Unlock()
	}
	return r.Notifier.Enqueue(ctx, tx, now, ev)
}

// TestActivatedIsTheStoredLease: the lease a vend answers with is the stored one, every field,
// with a clock off the microsecond (Postgres keeps microseconds).
func TestActivatedIsTheStoredLease(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.clock.Advance(1234567891 * time.Nanosecond)
	note, key := "for the demo", "k-snapshot"
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(2), Note: &note, IdempotencyKey: &key})
	stored, err := b.client.Lease.Get(database.System(context.Background()), l.ID)
	require.NoError(t, err)
	sameLease(t, stored, l)
}

// TestVendedLeaseIsTheStoredLease: the lease the vended notice is written from is the stored one
// in every field it carries (snapshot.go lists those it does not), and so are its edges.
func TestVendedLeaseIsTheStoredLease(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rec := &recorder{Notifier: notify.NewOutbox(notify.Config{}), leases: map[string][]*ent.Lease{}}
	b.with(Deps{Notices: rec})
	b.clock.Advance(987654321 * time.Nanosecond)
	l := b.vend(t, "bob", VendInput{Lines: []*schematype.LeaseLine{{SKU: "3A.small", Quantity: 2}, {SKU: "4E.lab3", Quantity: 1}}, Duration: days(1)})
	require.Len(t, rec.leases[notify.KindVended], 1)
	mem := rec.leases[notify.KindVended][0]

	sys := database.System(context.Background())
	stored, err := b.client.Lease.Query().Where(entlease.ID(l.ID)).
		WithOwner().WithAllocations(func(q *ent.AllocationQuery) { q.WithItem(func(q *ent.InventoryItemQuery) { q.WithProduct() }) }).
		Only(sys)
	require.NoError(t, err)
	sameLease(t, stored, mem, "CreatedAt", "UpdatedAt", "EndedAt", "Note", "StatusMessage", "AwaitingApproval",
		"IdempotencyKey", "DecidedBy", "MaxWait", "QueuedUntil")

	require.NotNil(t, mem.Edges.Owner)
	require.Equal(t, stored.Edges.Owner.ID, mem.Edges.Owner.ID)
	require.Equal(t, stored.Edges.Owner.Name, mem.Edges.Owner.Name)
	type alloc struct {
		ID, ItemID, LeaseID, ProductID int
		Name, SKU                      string
	}
	flat := func(l *ent.Lease) []alloc {
		var out []alloc
		for _, a := range l.Edges.Allocations {
			out = append(out, alloc{ID: a.ID, ItemID: a.ItemID, LeaseID: a.LeaseID, ProductID: a.Edges.Item.ProductID,
				Name: a.Edges.Item.Name, SKU: a.Edges.Item.Edges.Product.Sku})
		}
		return out
	}
	require.Len(t, stored.Edges.Allocations, 6, "two 3A.small and a lab of four")
	require.ElementsMatch(t, flat(stored), flat(mem))
}
