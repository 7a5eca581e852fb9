package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// QueueEntry is one product a QUEUED lease waits for: the waiting list of a product is its
// entries in id order (the order of arrival, kept by a lock per product), and an entry is
// deleted when its lease leaves the queue (served, withdrawn or lapsed).
type QueueEntry struct{ ent.Schema }

// Fields of QueueEntry.
func (QueueEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Int("lease_id").Immutable(),
		field.Int("product_id").Immutable(),
		field.Int("quantity").Immutable().Comment("items of the product the lease waits for"),
		field.Time("created_at").Immutable(),
	}
}

// Indexes of QueueEntry.
func (QueueEntry) Indexes() []ent.Index {
	return []ent.Index{
		// A product's waiting list in order: its head and a lease's position are one range.
		index.Fields("product_id", "id"),
		index.Fields("lease_id"),
	}
}

// Annotations of QueueEntry.
func (QueueEntry) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
