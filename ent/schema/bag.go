package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Bag is a product bag: stacks of (product, quantity, static price). It holds an order's
// contents, a bundle's components and a cost center's entitlements.
type Bag struct{ ent.Schema }

// Mixin of Bag.
func (Bag) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Edges of Bag. The edges back to what holds a bag (one of an order, a bundle, a cost center)
// let the stacks' read policy follow the holder's.
func (Bag) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("stacks", Stack.Type),
		edge.From("orders", Order.Type).Ref("contents_bag").Annotations(entgql.Skip()),
		edge.From("bundles", Product.Type).Ref("components_bag").Annotations(entgql.Skip()),
		edge.From("cost_centers", CostCenter.Type).Ref("entitlements_bag").Annotations(entgql.Skip()),
	}
}

// Annotations of Bag.
func (Bag) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Stack is so many of one product in a bag, with the total price it had when the stack was set.
type Stack struct{ ent.Schema }

// Mixin of Stack.
func (Stack) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of Stack.
func (Stack) Fields() []ent.Field {
	return []ent.Field{
		field.Int("bag_id").Immutable().Annotations(entgql.Skip()),
		field.Int("product_id").Immutable(),
		field.Int("quantity"),
		field.Int("price").Optional().Nillable().Comment("static total price of the stack, minor units"),
		field.String("currency").Optional().Nillable(),
	}
}

// Edges of Stack.
func (Stack) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("bag", Bag.Type).Ref("stacks").Field("bag_id").Unique().Required().Immutable(),
		edge.From("product", Product.Type).Ref("stacks").Field("product_id").Unique().Required().Immutable(),
	}
}

// Indexes of Stack.
func (Stack) Indexes() []ent.Index {
	return []ent.Index{
		// Covers what usage reads of a bag's stacks, so the report never visits the table.
		index.Fields("bag_id", "product_id", "quantity", "price", "currency").StorageKey("stack_usage"),
	}
}

// Annotations of Stack.
func (Stack) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}
