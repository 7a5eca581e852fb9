package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

// Product is a catalog entry with a SKU "[tier][type].[size]", a price and a lease policy.
// A product that owns a components bag is a bundle.
type Product struct{ ent.Schema }

// Mixin of Product.
func (Product) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of Product.
func (Product) Fields() []ent.Field {
	return []ent.Field{
		field.String("sku").NotEmpty().Unique().Immutable().Annotations(entgql.OrderField("SKU")),
		field.Int("tier").Immutable().Annotations(entgql.OrderField("TIER")),
		field.String("type").Immutable(),
		field.String("size").Immutable(),
		field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME")),
		field.String("description").Optional().Nillable(),
		field.JSON("attributes", []schematype.Attribute{}).Default([]schematype.Attribute{}).
			Annotations(entgql.Type("[Attribute!]")),
		field.Int("price_per_day").NonNegative().Annotations(entgql.OrderField("PRICE_PER_DAY")),
		field.String("currency").MinLen(3).MaxLen(3),
		field.Int64("default_duration").GoType(duration.Duration(0)).Optional().Nillable().
			Annotations(entgql.Type("Duration")),
		field.Int64("min_duration").GoType(duration.Duration(0)).Optional().Nillable().
			Annotations(entgql.Type("Duration")),
		field.Int64("max_duration").GoType(duration.Duration(0)).Optional().Nillable().
			Annotations(entgql.Type("Duration")),
		field.Int64("max_lifetime").GoType(duration.Duration(0)).Optional().Nillable().
			Annotations(entgql.Type("Duration")),
		field.Bool("requires_approval").Default(false),
		field.Bool("extension_requires_approval").Default(false),
		field.Bool("custom").Default(false).Comment("a temporary one-off product, hidden from the public catalog"),
		field.Time("expires_at").Optional().Nillable().Comment("when a custom product stops being vendable"),
		field.Int("custom_for_id").Optional().Nillable().Immutable().
			Comment("the user a custom product was made for: only they, their cost center's managers and admins see and vend it").
			Annotations(entgql.Skip()),
		field.Int("custom_cost_center_id").Optional().Nillable().Immutable().
			Comment("that user's cost center when it was made").Annotations(entgql.Skip()),
		field.Time("retired_at").Optional().Nillable(),
		field.Int("components_bag_id").Optional().Nillable().Annotations(entgql.Skip()),
		field.Int64("cleaning_buffer").GoType(duration.Duration(0)).Default(0).
			Comment("the reclaim time a returned item needs before its next lease; bookings keep it free").
			Annotations(entgql.Type("Duration")),
		field.Int64("booking_horizon").GoType(duration.Duration(0)).Optional().Nillable().
			Comment("how far ahead a lease may be booked; null takes the leasing default").
			Annotations(entgql.Type("Duration")),
	}
}

// Edges of Product.
func (Product) Edges() []ent.Edge {
	return []ent.Edge{
		// Product.items is served by the graph package's batched loader (one index seek per product
		// instead of a window over every item), so entgql neither declares nor collects it.
		edge.To("items", InventoryItem.Type).Annotations(entgql.Skip()),
		edge.To("components_bag", Bag.Type).Field("components_bag_id").Unique().Annotations(entgql.Skip()),
		edge.To("stacks", Stack.Type).Annotations(entgql.Skip()),
		edge.To("stock", StockCount.Type).Annotations(entgql.Skip()),
		edge.To("bill_lines", BillLine.Type).Annotations(entgql.Skip()),
		edge.To("custom_requests", CustomRequest.Type).Annotations(entgql.Skip()),
	}
}

// Indexes of Product.
func (Product) Indexes() []ent.Index {
	return []ent.Index{index.Fields("retired_at", "custom")}
}

// Annotations of Product.
func (Product) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
