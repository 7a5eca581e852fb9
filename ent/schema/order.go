package schema

import (
	"context"
	"errors"
	"regexp"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/hardcandy/hardcandy/ent/schematype"
)

// ErrOrderImmutable is returned by any attempt to update or delete an order.
var ErrOrderImmutable = errors.New("orders are immutable billing records: they cannot be updated or deleted")

// Order is an immutable billing record written when a lease becomes active and on each extend
// or expand. Its contents are a bag of stacks with static prices.
type Order struct{ ent.Schema }

// Fields of Order.
func (Order) Fields() []ent.Field {
	return []ent.Field{
		field.String("kind").Immutable().Match(regexp.MustCompile(`^(VEND|EXTEND|EXPAND)$`)).
			Comment("VEND, EXTEND or EXPAND"),
		field.Int("lease_id").Optional().Nillable().Immutable(),
		field.Int("cost_center_id").Optional().Nillable().Immutable(),
		field.Int("user_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.Int("contents_bag_id").Immutable().Annotations(entgql.Skip()),
		field.Time("period_start").Immutable(),
		field.Time("period_end").Immutable(),
		field.Time("created_at").Default(now).Immutable().Annotations(entgql.OrderField("CREATED_AT")),
		field.JSON("parameters", []schematype.ParameterValue{}).Optional().Immutable().
			Comment("the lines' parameters; secrets without their values").Annotations(entgql.Skip()),
	}
}

// Edges of Order.
func (Order) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("lease", Lease.Type).Ref("orders").Field("lease_id").Unique().Immutable(),
		edge.From("cost_center", CostCenter.Type).Ref("orders").Field("cost_center_id").Unique().Immutable(),
		edge.To("contents_bag", Bag.Type).Field("contents_bag_id").Unique().Required().Immutable().
			Annotations(entgql.Skip()),
	}
}

// Indexes of Order.
func (Order) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("cost_center_id", "created_at"),
		index.Fields("lease_id"),
		// Usage and bills read the orders whose period reaches into a window; the index carries
		// every column the usage report needs, so a month over a million orders is one range
		// scan with no table lookups.
		index.Fields("period_end", "period_start", "cost_center_id", "user_id", "lease_id", "contents_bag_id").
			StorageKey("order_usage"),
	}
}

// Hooks of Order: refuse every update and delete, whatever path asks.
func (Order) Hooks() []ent.Hook {
	return []ent.Hook{
		func(next ent.Mutator) ent.Mutator {
			return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
				if !m.Op().Is(ent.OpCreate) {
					return nil, ErrOrderImmutable
				}
				return next.Mutate(ctx, m)
			})
		},
	}
}

// Annotations of Order.
func (Order) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
