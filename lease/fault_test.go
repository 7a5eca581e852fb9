package lease

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/notify"
)

// leaseItems is the items a lease holds now (open allocations).
func (b *bundle) leaseItems(t *testing.T, leaseID int) []*ent.InventoryItem {
	t.Helper()
	sys := database.System(context.Background())
	as, err := b.client.Allocation.Query().Where(allocation.LeaseID(leaseID), allocation.ReleasedAtIsNil()).
		WithItem().All(sys)
	require.NoError(t, err)
	var out []*ent.InventoryItem
	for _, a := range as {
		out = append(out, a.Edges.Item)
	}
	return out
}

func (b *bundle) noticeKinds(t *testing.T, leaseID int) []string {
	t.Helper()
	ks, err := b.client.Notice.Query().Where(notice.LeaseID(leaseID)).Select(notice.FieldKind).Strings(database.System(context.Background()))
	require.NoError(t, err)
	return ks
}

// TestMarkFaultyReplaces: a leased item marked faulty goes to MAINTENANCE, and the lease holds a
// dispensed replacement of the same product (with credentials), the owner told.
func TestMarkFaultyReplaces(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	l := b.vend(t, "alice", VendInput{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1}, {SKU: "4E.small", Quantity: 1}}, Duration: days(2)})
	before := b.leaseItems(t, l.ID)
	require.Len(t, before, 2)
	broken := before[0]

	_, err := b.svc.MarkFaulty(b.as["alice"], broken.ID, "disk")
	require.ErrorIs(t, err, apperr.Forbidden)
	_, err = b.svc.MarkFaulty(b.as["admin"], broken.ID, " ")
	require.ErrorIs(t, err, apperr.InvalidArgument)

	f, err := b.svc.MarkFaulty(b.as["admin"], broken.ID, "disk failed")
	require.NoError(t, err)
	require.Equal(t, inventory.Maintenance, f.Item.Status)
	require.NotNil(t, f.Replacement)
	require.Equal(t, inventory.Leased, f.Replacement.Status)
	require.Equal(t, broken.ProductID, f.Replacement.ProductID, "the same product")
	require.Equal(t, Active, f.Lease.Status)
	require.Contains(t, f.Message, "replaced by "+f.Replacement.Name)

	now := b.leaseItems(t, l.ID)
	require.Len(t, now, 2)
	require.NotContains(t, []int{now[0].ID, now[1].ID}, broken.ID)
	require.Contains(t, []int{now[0].ID, now[1].ID}, f.Replacement.ID)
	a, err := b.client.Allocation.Query().Where(allocation.ItemID(f.Replacement.ID), allocation.ReleasedAtIsNil()).Only(database.System(context.Background()))
	require.NoError(t, err)
	require.NotNil(t, a.VendedAt)
	creds, err := b.svc.Credentials(b.as["alice"], a)
	require.NoError(t, err)
	require.NotNil(t, creds, "the replacement's credentials are the owner's")
	require.Contains(t, b.noticeKinds(t, l.ID), notify.KindItemReplaced)

	_, err = b.svc.MarkFaulty(b.as["admin"], broken.ID, "again")
	require.ErrorIs(t, err, apperr.Conflict, "no longer leased")
}

// TestMarkFaultyWithoutReplacement: with no item of the product left, or a replacement the
// backend fails, the broken item still goes to MAINTENANCE, the lease keeps its other items,
// nothing else is held back, and the owner is told.
func TestMarkFaultyWithoutReplacement(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	l := b.vend(t, "alice", VendInput{Lines: []*schematype.LeaseLine{{SKU: "2C.small", Quantity: 5}}, Duration: days(2)}) // all of them
	items := b.leaseItems(t, l.ID)
	f, err := b.svc.MarkFaulty(b.as["admin"], items[0].ID, "no link")
	require.NoError(t, err)
	require.Nil(t, f.Replacement)
	require.Equal(t, inventory.Maintenance, f.Item.Status)
	require.Contains(t, f.Message, "no 2C.small was available")
	require.Len(t, b.leaseItems(t, l.ID), 4, "the lease keeps its other items")
	require.Equal(t, Active, f.Lease.Status)
	require.Contains(t, b.noticeKinds(t, l.ID), notify.KindItemFaulty)

	// A replacement the backend fails: back on the shelf (untouched), the lease as it was.
	l2 := b.vend(t, "bob", VendInput{SKU: sku("4D.small"), Duration: days(1)})
	counts := b.statusCounts(t)
	b.disp.vend = func(dispenser.Item) (json.RawMessage, error) {
		return nil, &dispenser.Error{Message: "rack on fire", Touched: false}
	}
	f, err = b.svc.MarkFaulty(b.as["admin"], b.leaseItems(t, l2.ID)[0].ID, "fan")
	require.NoError(t, err)
	require.Nil(t, f.Replacement)
	require.Contains(t, f.Message, "could not be provisioned: rack on fire")
	require.Empty(t, b.leaseItems(t, l2.ID))
	after := b.statusCounts(t)
	require.Equal(t, counts[inventory.Available], after[inventory.Available], "the replacement went back")
	require.Equal(t, counts[inventory.Maintenance]+1, after[inventory.Maintenance])
	require.Zero(t, after[inventory.Reserving])
	require.Contains(t, b.noticeKinds(t, l2.ID), notify.KindItemFaulty)
}
