package bag_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/bag"
)

func price(p int) *int { return &p }

func TestStackingRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		add  []bag.Stack
		want []bag.Stack
	}{
		{name: "same product, same unit price sums onto one stack",
			add:  []bag.Stack{{ProductID: 1, Quantity: 2, Price: price(200), Currency: "USD"}, {ProductID: 1, Quantity: 3, Price: price(300), Currency: "USD"}},
			want: []bag.Stack{{ProductID: 1, Quantity: 5, Price: price(500), Currency: "USD"}}},
		{name: "different unit price opens a second stack",
			add:  []bag.Stack{{ProductID: 1, Quantity: 2, Price: price(200), Currency: "USD"}, {ProductID: 1, Quantity: 1, Price: price(150), Currency: "USD"}},
			want: []bag.Stack{{ProductID: 1, Quantity: 2, Price: price(200), Currency: "USD"}, {ProductID: 1, Quantity: 1, Price: price(150), Currency: "USD"}}},
		{name: "different currency opens a second stack",
			add:  []bag.Stack{{ProductID: 1, Quantity: 1, Price: price(100), Currency: "USD"}, {ProductID: 1, Quantity: 1, Price: price(100), Currency: "EUR"}},
			want: []bag.Stack{{ProductID: 1, Quantity: 1, Price: price(100), Currency: "USD"}, {ProductID: 1, Quantity: 1, Price: price(100), Currency: "EUR"}}},
		{name: "priced and unpriced stay apart",
			add:  []bag.Stack{{ProductID: 1, Quantity: 1}, {ProductID: 1, Quantity: 1, Price: price(100), Currency: "USD"}},
			want: []bag.Stack{{ProductID: 1, Quantity: 1}, {ProductID: 1, Quantity: 1, Price: price(100), Currency: "USD"}}},
		{name: "unpriced sum",
			add:  []bag.Stack{{ProductID: 1, Quantity: 3}, {ProductID: 2, Quantity: 1}, {ProductID: 1, Quantity: 2}},
			want: []bag.Stack{{ProductID: 1, Quantity: 5}, {ProductID: 2, Quantity: 1}}},
		{name: "a stack reaching zero is removed",
			add:  []bag.Stack{{ProductID: 1, Quantity: 2, Price: price(200), Currency: "USD"}, {ProductID: 2, Quantity: 1}, {ProductID: 1, Quantity: -2, Price: price(-200), Currency: "USD"}},
			want: []bag.Stack{{ProductID: 2, Quantity: 1}}},
		{name: "a zero-quantity add is ignored",
			add:  []bag.Stack{{ProductID: 1, Quantity: 0}},
			want: nil},
		{name: "negative quantities are allowed in a bag",
			add:  []bag.Stack{{ProductID: 1, Quantity: 1}, {ProductID: 1, Quantity: -3}},
			want: []bag.Stack{{ProductID: 1, Quantity: -2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, bag.Of(tt.add...).Stacks())
		})
	}
}

func TestUnitPriceAndTotals(t *testing.T) {
	t.Parallel()
	s := bag.Stack{ProductID: 1, Quantity: 4, Price: price(1000), Currency: "USD"}
	u, ok := s.UnitPrice()
	require.True(t, ok)
	require.InDelta(t, 250.0, u, 1e-9)
	_, ok = bag.Stack{ProductID: 1, Quantity: 4}.UnitPrice()
	require.False(t, ok)

	b := bag.Of(s, bag.Stack{ProductID: 2, Quantity: 1, Price: price(5), Currency: "EUR"}, bag.Stack{ProductID: 1, Quantity: 1, Price: price(999), Currency: "USD"})
	require.Equal(t, map[string]int{"USD": 1999, "EUR": 5}, b.Total())
	require.Equal(t, 5, b.Quantity(1))
}

func TestRequireNonNegative(t *testing.T) {
	t.Parallel()
	require.NoError(t, bag.Of(bag.Stack{ProductID: 1, Quantity: 1}).RequireNonNegative("order"))
	err := bag.Of(bag.Stack{ProductID: 1, Quantity: -1}).RequireNonNegative("order")
	require.ErrorIs(t, err, apperr.InvalidArgument)
	require.ErrorContains(t, err, "order: product 1 has negative quantity -1")
}
