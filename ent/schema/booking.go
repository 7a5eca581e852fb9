package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/hardcandy/hardcandy/duration"
)

// Booking is one line of the booking ledger: a lease holds quantity items of a product over
// [starts_at, free_at), its interval followed by the product's cleaning buffer. Every lease writes
// its rows (reservations and on-demand vends alike), and a lease that ends early has them trimmed
// to its end, so the capacity of a product at any instant is the sum of the rows covering it.
type Booking struct{ ent.Schema }

// Fields of Booking.
func (Booking) Fields() []ent.Field {
	return []ent.Field{
		field.Int("lease_id").Immutable(),
		field.Int("product_id").Immutable(),
		field.Int("owner_id").Immutable(),
		field.Int("cost_center_id").Optional().Nillable().Immutable(),
		field.Int("quantity").Positive(),
		field.Time("starts_at"),
		field.Time("ends_at").Comment("the lease's end"),
		field.Int64("buffer").GoType(duration.Duration(0)).Default(0).Comment("the product's cleaning buffer when booked"),
		field.Time("free_at").Comment("ends_at plus the buffer: when the items can serve again"),
	}
}

// Indexes of Booking.
func (Booking) Indexes() []ent.Index {
	return []ent.Index{
		// What overlaps a window of a product: rows still committed after its start.
		index.Fields("product_id", "free_at"),
		// What a user or a cost center has booked, for the limits counted over time.
		index.Fields("owner_id", "free_at"),
		index.Fields("cost_center_id", "product_id", "free_at"),
		index.Fields("lease_id"),
	}
}

// Annotations of Booking: bookings are bookkeeping, not part of the GraphQL schema.
func (Booking) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
