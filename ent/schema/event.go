package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Event records one change of an item or a lease: who, when, from, to, why.
type Event struct{ ent.Schema }

// Fields of Event.
func (Event) Fields() []ent.Field {
	return []ent.Field{
		field.Time("at").Default(now).Immutable(),
		field.String("actor").Optional().Nillable().Immutable(),
		field.String("kind").Immutable(),
		field.String("from").Optional().Nillable().Immutable(),
		field.String("to").Optional().Nillable().Immutable(),
		field.String("message").Optional().Nillable().Immutable(),
		field.Int("item_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.Int("lease_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
	}
}

// Edges of Event.
func (Event) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("item", InventoryItem.Type).Ref("events").Field("item_id").Unique().Immutable().
			Annotations(entgql.Skip()),
		edge.From("lease", Lease.Type).Ref("events").Field("lease_id").Unique().Immutable().
			Annotations(entgql.Skip()),
	}
}

// Indexes of Event.
func (Event) Indexes() []ent.Index {
	return []ent.Index{index.Fields("item_id"), index.Fields("lease_id")}
}

// Annotations of Event.
func (Event) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput)}
}
