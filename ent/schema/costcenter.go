package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// CostCenter is the unit that pays: users belong to one, bills and entitlements are per cost center.
type CostCenter struct{ ent.Schema }

// Mixin of CostCenter.
func (CostCenter) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of CostCenter.
func (CostCenter) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").NotEmpty().Unique().Annotations(entgql.OrderField("CODE")),
		field.String("name").NotEmpty(),
		field.Int("entitlements_bag_id").Optional().Nillable().Annotations(entgql.Skip()),
	}
}

// Edges of CostCenter.
func (CostCenter) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("users", User.Type).Annotations(entgql.Skip()),
		edge.To("entitlements_bag", Bag.Type).Field("entitlements_bag_id").Unique().Annotations(entgql.Skip()),
		edge.To("leases", Lease.Type).Annotations(entgql.Skip()),
		edge.To("orders", Order.Type).Annotations(entgql.Skip()),
		edge.To("bills", Bill.Type).Annotations(entgql.Skip()),
	}
}

// Annotations of CostCenter.
func (CostCenter) Annotations() []schema.Annotation { return nil }
