package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// ItemLabel is one label of an inventory item, one row per (item, label): the index that vends
// narrowed by labels claim through. The item's labels field stays the list as written; the
// inventory package writes both in the same transaction.
type ItemLabel struct{ ent.Schema }

// Fields of ItemLabel.
func (ItemLabel) Fields() []ent.Field {
	return []ent.Field{
		field.Int("item_id").Immutable(),
		field.String("label").NotEmpty().Immutable(),
	}
}

// Indexes of ItemLabel.
func (ItemLabel) Indexes() []ent.Index {
	return []ent.Index{
		// A claim asks "does item i carry label l" for each candidate item: one seek.
		index.Fields("item_id", "label").Unique(),
		// Which items carry a label, in id order.
		index.Fields("label", "item_id"),
	}
}

// Annotations of ItemLabel.
func (ItemLabel) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
