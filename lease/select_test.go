package lease

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

func codeOf(t *testing.T, err error) apperr.Code {
	t.Helper()
	require.Error(t, err)
	c, ok := apperr.As(err)
	require.True(t, ok, "%v", err)
	return c.Code
}

func ge(key, v string) *schematype.AttributeConstraint {
	return &schematype.AttributeConstraint{Key: key, Op: ">=", Value: v}
}

// In the demo, 4D.small-11..14 are in pool lab1 and the even ones carry gpu: 12 and 14.
func TestVendNarrowedByPoolAndLabels(t *testing.T) {
	t.Parallel()
	b := setup(t)
	in := VendInput{SKU: sku("4D.small"), Pool: sku("lab1"), Labels: []string{"gpu"}, NotLabels: []string{"broken"}, Duration: days(1)}
	var names []string
	for range 2 {
		l := b.vend(t, "alice", in)
		require.Equal(t, Active, l.Status)
		require.Equal(t, "lab1", *l.Request[0].Pool)
		require.Equal(t, []string{"gpu"}, l.Request[0].Labels)
		its := b.items(t, l.ID)
		require.Len(t, its, 1)
		require.Equal(t, "lab1", *its[0].Pool)
		require.Contains(t, its[0].Labels, "gpu")
		names = append(names, its[0].Name)
	}
	slices.Sort(names)
	require.Equal(t, []string{"4d-small-12", "4d-small-14"}, names)

	_, err := b.svc.Vend(b.as["alice"], in)
	require.Equal(t, apperr.OutOfStock, codeOf(t, err))
	require.Contains(t, err.Error(), "4D.small with pool lab1, labels gpu, not broken: 1 requested, 0 match; 12 free without these constraints")

	// Lines of the same product, one narrowed, never take the same item twice.
	l := b.vend(t, "bob", VendInput{Lines: []*schematype.LeaseLine{
		{SKU: "4D.small", Quantity: 1}, {SKU: "4D.small", Quantity: 2, Pool: sku("lab1")}}, Duration: days(1)})
	its := b.items(t, l.ID)
	require.Len(t, its, 3)
	inLab1 := 0
	for _, it := range its {
		if it.Pool != nil && *it.Pool == "lab1" {
			inLab1++
		}
	}
	require.GreaterOrEqual(t, inLab1, 2)

	// Bad constraints are INVALID_ARGUMENT naming the field.
	for _, bad := range []VendInput{
		{SKU: sku("4D.small"), Labels: []string{"has space"}},
		{SKU: sku("4D.small"), Labels: []string{"a=b=c"}},
		{SKU: sku("4D.small"), Labels: []string{"gpu"}, NotLabels: []string{"gpu"}},
		{SKU: sku("4E.lab3"), Pool: sku("lab1")},
		{Lines: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1}}, Pool: sku("lab1")},
	} {
		_, err := b.svc.Vend(b.as["alice"], bad)
		require.Equal(t, apperr.InvalidArgument, codeOf(t, err), "%+v", bad)
	}
	b.invariants(t)
}

func TestVendAnyProductThatFits(t *testing.T) {
	t.Parallel()
	b := setup(t)
	// 4D.small (6000/day, 256 GB) is the cheapest tier-4 type-D product with ram_gb >= 256.
	l := b.vend(t, "alice", VendInput{Tier: ptr(4), Type: sku("D"), Attributes: []*schematype.AttributeConstraint{
		ge("ram_gb", "256"), ge("storage_gb", "1000")}, Duration: days(1)})
	require.Equal(t, Active, l.Status)
	require.Equal(t, "4D.small", l.Request[0].SKU)
	require.True(t, l.Request[0].Picked)
	// ram_gb >= 512 leaves only 4D.large, which needs approval: the lease waits, naming it.
	l = b.vend(t, "alice", VendInput{Lines: []*schematype.LeaseLine{{Quantity: 1, Tier: ptr(4), Type: sku("D"),
		Attributes: []*schematype.AttributeConstraint{ge("ram_gb", "512")}}}, Duration: days(1)})
	require.Equal(t, Pending, l.Status)
	require.Equal(t, "4D.large", l.Request[0].SKU)
	// Comparisons are numeric: "1024" <= "999" as text, not as numbers.
	l = b.vend(t, "alice", VendInput{Tier: ptr(4), Type: sku("D"), Attributes: []*schematype.AttributeConstraint{
		{Key: "ram_gb", Op: "<=", Value: "999"}}, Duration: days(1)})
	require.Equal(t, "4D.small", l.Request[0].SKU)
	// With the constraints, the picked product must have matching stock: lab1 only has 4D.small.
	l = b.vend(t, "alice", VendInput{Tier: ptr(4), Type: sku("D"), Pool: sku("lab1"), Duration: days(1)})
	require.Equal(t, "4D.small", l.Request[0].SKU)
	require.Equal(t, "lab1", *b.items(t, l.ID)[0].Pool)

	for _, c := range []struct {
		in   VendInput
		code apperr.Code
		says string
	}{
		{VendInput{Tier: ptr(4), Type: sku("D"), Attributes: []*schematype.AttributeConstraint{ge("gpu_count", "1")}}, apperr.InvalidArgument, "gpu_count"},
		{VendInput{Tier: ptr(4), Type: sku("D"), Attributes: []*schematype.AttributeConstraint{ge("ram_gb", "lots")}}, apperr.InvalidArgument, "ram_gb"},
		{VendInput{Tier: ptr(3), Type: sku("A"), Attributes: []*schematype.AttributeConstraint{ge("platform", "x")}}, apperr.InvalidArgument, "platform"},
		{VendInput{Tier: ptr(4), Type: sku("D"), Attributes: []*schematype.AttributeConstraint{{Key: "ram_gb", Op: "~", Value: "1"}}}, apperr.InvalidArgument, "operator"},
		{VendInput{Tier: ptr(4), Type: sku("D"), Attributes: []*schematype.AttributeConstraint{ge("ram_gb", "4096")}}, apperr.NotFound, "ram_gb>=4096"},
		{VendInput{Tier: ptr(4)}, apperr.InvalidArgument, "type"},
		{VendInput{SKU: sku("4D.small"), Tier: ptr(4), Type: sku("D")}, apperr.InvalidArgument, "sku"},
	} {
		_, err := b.svc.Vend(b.as["alice"], c.in)
		require.Equal(t, c.code, codeOf(t, err), "%+v: %v", c.in, err)
		require.Contains(t, err.Error(), c.says)
	}
	b.invariants(t)
}

func TestDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := database.System(context.Background())
	before := b.statusCounts(t)
	events, err := b.client.Event.Query().Count(ctx)
	require.NoError(t, err)

	l, err := b.svc.Vend(b.as["alice"], VendInput{SKU: sku("4D.small"), Pool: sku("lab1"), Labels: []string{"gpu"}, Duration: days(2), DryRun: true})
	require.NoError(t, err)
	require.Zero(t, l.ID)
	require.Equal(t, Pending, l.Status)
	pv, err := b.svc.PreviewOf(b.as["alice"], l)
	require.NoError(t, err)
	require.True(t, pv.Vendable)
	require.Len(t, pv.Lines, 1)
	require.Equal(t, PreviewLine{SKU: "4D.small", Product: pv.Lines[0].Product, Quantity: 1, Pool: sku("lab1"), Labels: []string{"gpu"},
		NotLabels: []string{}, Matching: 2, Available: 14, Price: 2 * 6000, Currency: "USD"}, *pv.Lines[0])
	require.Equal(t, []*Money{{Amount: 12000, Currency: "USD"}}, pv.Totals)

	// Any product that fits, previewed: the product picked, its price; short lines are no error.
	pv, err = b.svc.Preview(b.as["alice"], VendInput{Lines: []*schematype.LeaseLine{
		{Quantity: 1, Tier: ptr(4), Type: sku("D"), Attributes: []*schematype.AttributeConstraint{ge("ram_gb", "512")}},
		{SKU: "4D.small", Quantity: 3, Pool: sku("lab1"), Labels: []string{"gpu"}}}, Duration: days(1)})
	require.NoError(t, err)
	require.Equal(t, "4D.large", pv.Lines[0].SKU)
	require.True(t, pv.Lines[0].Picked)
	require.True(t, pv.RequiresApproval)
	require.False(t, pv.Vendable)
	require.Contains(t, *pv.Message, "4D.small with pool lab1, labels gpu: 3 requested, 2 match; 14 free without these constraints")
	require.Equal(t, []*Money{{Amount: 15000 + 3*6000, Currency: "USD"}}, pv.Totals)

	require.Equal(t, before, b.statusCounts(t))
	require.Zero(t, b.leaseCount(t))
	after, err := b.client.Event.Query().Count(ctx)
	require.NoError(t, err)
	require.Equal(t, events, after)
}

// A storm of narrowed vends over many items, on every replica: no item outside the constraints
// is ever claimed, and exactly as many vends succeed as items match.
func TestNarrowedVendStorm(t *testing.T) {
	t.Parallel()
	b, svcs := replicas(t)
	limit(svcs, 1000)
	inv := inventory.NewService(b.store, b.clock)
	admin := viewer.NewContext(context.Background(), viewer.Viewer{UserID: 1, Name: "storm", Role: viewer.RoleAdmin})
	var items []*inventory.NewItem
	matching := 0
	for i := range 120 {
		it := &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("storm-%03d", i), Pool: sku([]string{"lab1", "lab2"}[i%2])}
		if i%3 == 0 {
			it.Labels = append(it.Labels, "gpu")
		}
		if i%5 == 0 {
			it.Labels = append(it.Labels, "broken")
		}
		if i%2 == 0 && i%3 == 0 && i%5 != 0 {
			matching++
		}
		items = append(items, it)
	}
	_, err := inv.Add(admin, items)
	require.NoError(t, err)
	// The demo's lab1 items (12 and 14 carry gpu) match too.
	matching += 2
	n := matching + 15
	codes := storm(t, svcs, n, func(i int, s *Service) error {
		_, err := s.Vend(b.as["alice"], VendInput{SKU: sku("4D.small"), Pool: sku("lab1"), Labels: []string{"gpu"},
			NotLabels: []string{"broken"}, Duration: days(1)})
		return err
	})
	require.Equal(t, map[string]int{"": matching, string(apperr.OutOfStock): n - matching}, codes)
	allocs, err := b.client.Allocation.Query().WithItem().Where(allocation.ReleasedAtIsNil()).All(database.System(context.Background()))
	require.NoError(t, err)
	require.Len(t, allocs, matching)
	seen := map[int]bool{}
	for _, a := range allocs {
		it := a.Edges.Item
		require.False(t, seen[it.ID], "item %s claimed twice", it.Name)
		seen[it.ID] = true
		require.Equal(t, "lab1", *it.Pool, it.Name)
		require.Contains(t, it.Labels, "gpu", it.Name)
		require.NotContains(t, it.Labels, "broken", it.Name)
		require.Equal(t, inventory.Leased, it.Status)
	}
	b.invariants(t)
}

// A broken item of a narrowed lease is replaced by one that meets the same constraints.
func TestFaultyNarrowedItemIsReplacedWithinTheConstraints(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.vend(t, "alice", VendInput{Lines: []*schematype.LeaseLine{
		{SKU: "4D.small", Quantity: 1, Pool: sku("lab1"), Labels: []string{"gpu"}}, {SKU: "4E.small", Quantity: 1}}, Duration: days(1)})
	var broken *ent.InventoryItem
	for _, it := range b.items(t, l.ID) {
		if it.Pool != nil && *it.Pool == "lab1" {
			broken = it
		}
	}
	require.NotNil(t, broken)
	f, err := b.svc.MarkFaulty(b.as["admin"], broken.ID, "disk")
	require.NoError(t, err)
	require.NotNil(t, f.Replacement)
	require.Equal(t, "lab1", *f.Replacement.Pool)
	require.Contains(t, f.Replacement.Labels, "gpu")
	// The other lab1 gpu item is taken now: a second fault finds no replacement.
	f, err = b.svc.MarkFaulty(b.as["admin"], f.Replacement.ID, "fan")
	require.NoError(t, err)
	require.Nil(t, f.Replacement)
	b.invariants(t)
}
