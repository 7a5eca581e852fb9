// Package bag implements product bags: stacks of (product, quantity, static total price,
// currency) with the stacking rules of the design. Bags hold order contents, bundle components
// and cost-center entitlements.
package bag

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/stack"
)

// Stack is so many of one product. Price is the static total price of the whole stack in minor
// units, or nil when the use carries no price (components, entitlements).
type Stack struct {
	ProductID int
	Quantity  int
	Price     *int
	Currency  string
}

// UnitPrice returns price / quantity, or false when the stack has no price or no quantity.
func (s Stack) UnitPrice() (float64, bool) {
	if s.Price == nil || s.Quantity == 0 {
		return 0, false
	}
	return float64(*s.Price) / float64(s.Quantity), true
}

// sameUnitPrice compares unit prices without division: p1/q1 == p2/q2 ⇔ p1·q2 == p2·q1.
func sameUnitPrice(a, b Stack) bool {
	if (a.Price == nil) != (b.Price == nil) {
		return false
	}
	if a.Price == nil {
		return true
	}
	return a.Currency == b.Currency && int64(*a.Price)*int64(b.Quantity) == int64(*b.Price)*int64(a.Quantity)
}

// Bag is an ordered set of stacks.
type Bag struct{ stacks []Stack }

// Of returns a bag holding stacks added one by one under the stacking rules.
func Of(stacks ...Stack) *Bag {
	b := &Bag{}
	for _, s := range stacks {
		b.Add(s)
	}
	return b
}

// Add puts s into the bag: the same product at the same unit price sums onto one stack; a
// different unit price opens a second stack; a stack that reaches quantity zero is removed.
func (b *Bag) Add(s Stack) {
	for i := range b.stacks {
		cur := &b.stacks[i]
		if cur.ProductID != s.ProductID || !sameUnitPrice(*cur, s) {
			continue
		}
		cur.Quantity += s.Quantity
		if cur.Price != nil {
			p := *cur.Price + *s.Price
			cur.Price = &p
		}
		if cur.Quantity == 0 {
			b.stacks = append(b.stacks[:i], b.stacks[i+1:]...)
		}
		return
	}
	if s.Quantity != 0 {
		if s.Price != nil {
			p := *s.Price
			s.Price = &p
		}
		b.stacks = append(b.stacks, s)
	}
}

// Stacks returns a copy of the stacks.
func (b *Bag) Stacks() []Stack { return append([]Stack(nil), b.stacks...) }

// Quantity returns the total quantity of a product across its stacks.
func (b *Bag) Quantity(productID int) int {
	n := 0
	for _, s := range b.stacks {
		if s.ProductID == productID {
			n += s.Quantity
		}
	}
	return n
}

// Total returns the sum of the stacks' prices per currency.
func (b *Bag) Total() map[string]int {
	out := map[string]int{}
	for _, s := range b.stacks {
		if s.Price != nil {
			out[s.Currency] += *s.Price
		}
	}
	return out
}

// RequireNonNegative returns INVALID_ARGUMENT when any stack has a negative quantity; uses such
// as orders and purchases call it, inventory-like uses allow negative stacks.
func (b *Bag) RequireNonNegative(use string) error {
	for _, s := range b.stacks {
		if s.Quantity < 0 {
			return apperr.New(apperr.InvalidArgument, "%s: product %d has negative quantity %d", use, s.ProductID, s.Quantity)
		}
	}
	return nil
}

func (s Stack) String() string {
	if s.Price == nil {
		return fmt.Sprintf("%d×%d", s.Quantity, s.ProductID)
	}
	return fmt.Sprintf("%d×%d @%d %s", s.Quantity, s.ProductID, *s.Price, s.Currency)
}

// Save writes b as a new bag row with its stacks and returns the bag's id.
// c is usually a transaction's client.
func Save(ctx context.Context, c *ent.Client, b *Bag, now time.Time) (int, error) {
	row, err := c.Bag.Create().SetCreatedAt(now).SetUpdatedAt(now).Save(ctx)
	if err != nil {
		return 0, fmt.Errorf("create bag: %w", err)
	}
	if len(b.stacks) == 0 {
		return row.ID, nil
	}
	creates := make([]*ent.StackCreate, len(b.stacks))
	for i, s := range b.stacks {
		cr := c.Stack.Create().SetBagID(row.ID).SetProductID(s.ProductID).SetQuantity(s.Quantity).
			SetCreatedAt(now).SetUpdatedAt(now).SetNillablePrice(s.Price)
		if s.Price != nil {
			cr.SetCurrency(s.Currency)
		}
		creates[i] = cr
	}
	if err := c.Stack.CreateBulk(creates...).Exec(ctx); err != nil {
		return 0, fmt.Errorf("create stacks: %w", err)
	}
	return row.ID, nil
}

// Replace makes the stored bag bagID hold exactly b's stacks.
func Replace(ctx context.Context, c *ent.Client, bagID int, b *Bag, now time.Time) error {
	if _, err := c.Stack.Delete().Where(stack.BagID(bagID)).Exec(ctx); err != nil {
		return fmt.Errorf("clear bag %d: %w", bagID, err)
	}
	for _, s := range b.stacks {
		cr := c.Stack.Create().SetBagID(bagID).SetProductID(s.ProductID).SetQuantity(s.Quantity).
			SetCreatedAt(now).SetUpdatedAt(now).SetNillablePrice(s.Price)
		if s.Price != nil {
			cr.SetCurrency(s.Currency)
		}
		if err := cr.Exec(ctx); err != nil {
			return fmt.Errorf("fill bag %d: %w", bagID, err)
		}
	}
	return c.Bag.UpdateOneID(bagID).SetUpdatedAt(now).Exec(ctx)
}

// Load reads a stored bag.
func Load(ctx context.Context, c *ent.Client, bagID int) (*Bag, error) {
	rows, err := c.Stack.Query().Where(stack.BagID(bagID)).Order(ent.Asc(stack.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load bag %d: %w", bagID, err)
	}
	b := &Bag{}
	for _, r := range rows {
		s := Stack{ProductID: r.ProductID, Quantity: r.Quantity, Price: r.Price}
		if r.Currency != nil {
			s.Currency = *r.Currency
		}
		b.stacks = append(b.stacks, s)
	}
	return b, nil
}
