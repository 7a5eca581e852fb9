package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// ItemStatuses are the states of an inventory item; the inventory package owns the transitions.
var ItemStatuses = []string{"AVAILABLE", "RESERVING", "LEASED", "REBUILDING", "MAINTENANCE", "ARCHIVING", "ARCHIVED"}

// InventoryItem is one real thing that can be leased: a server, a vCloud org, a foundation.
type InventoryItem struct{ ent.Schema }

// Mixin of InventoryItem.
func (InventoryItem) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of InventoryItem.
func (InventoryItem) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Unique().Annotations(entgql.OrderField("NAME")),
		field.String("pool").Optional().Nillable(),
		field.Strings("labels").Default([]string{}),
		field.Enum("status").Values(ItemStatuses...).Default("AVAILABLE").
			Annotations(entgql.Type("ItemStatus"), entgql.OrderField("STATUS")),
		field.Int("product_id").Immutable(),
		field.Time("status_changed_at").Default(now),
		field.Int("reclaim_attempts").Default(0).Annotations(entgql.Skip()),
		field.Time("next_attempt_at").Optional().Nillable().Annotations(entgql.Skip()),
		field.String("last_error").Optional().Nillable(),
	}
}

// Edges of InventoryItem.
func (InventoryItem) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("product", Product.Type).Ref("items").Field("product_id").Unique().Required().Immutable(),
		edge.To("allocations", Allocation.Type).Annotations(entgql.Skip()),
		edge.To("events", Event.Type),
	}
}

// Indexes of InventoryItem.
func (InventoryItem) Indexes() []ent.Index {
	return []ent.Index{
		// Claims pick items of a product in a status in id order through this index.
		index.Fields("product_id", "status", "id"),
		// Claims narrowed to a pool seek straight to the product's available items in that pool.
		index.Fields("product_id", "status", "pool", "id"),
		// A product's items in id order: pages of Product.items are a seek and a LIMIT.
		index.Fields("product_id", "id"),
		index.Fields("status", "next_attempt_at"),
		index.Fields("status", "status_changed_at"),
	}
}

// Annotations of InventoryItem.
func (InventoryItem) Annotations() []schema.Annotation {
	// Only admins list every item; @admin refuses the rest before the resolver runs.
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField().Directives(entgql.NewDirective("admin"))}
}

// StockCount is how many items of a product are in a status, or one slot's share of that: a
// product's count in a status is the sum over its slots. It is kept in step with every
// transition in the same transaction, so availability reads a handful of rows, never the items.
// On SQLite every change goes to slot 0 (one writer at a time); on Postgres each transaction
// writes a slot no other running transaction holds, so vends of one product never wait on each
// other's counter rows.
type StockCount struct{ ent.Schema }

// Fields of StockCount.
func (StockCount) Fields() []ent.Field {
	return []ent.Field{
		field.Int("product_id").Immutable(),
		field.Enum("status").Values(ItemStatuses...).Immutable(),
		field.Int("count").Default(0),
		// Slot is which share of the count this row is (0 on SQLite).
		field.Int("slot").Default(0).Immutable(),
	}
}

// Edges of StockCount.
func (StockCount) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("product", Product.Type).Ref("stock").Field("product_id").Unique().Required().Immutable(),
	}
}

// Indexes of StockCount.
func (StockCount) Indexes() []ent.Index {
	return []ent.Index{index.Fields("product_id", "status", "slot").Unique()}
}

// Annotations of StockCount.
func (StockCount) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
