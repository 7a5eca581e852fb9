package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
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
		// Rows written before this field existed read as openings: a check that looks for
		// bookings beginning ahead then finds too many, never too few.
		field.Bool("opens").Default(true).Immutable().Comment("the booking's first row; false on the rows that continue it"),
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
		// The bookings of a product that begin ahead of an instant: a vend now that finds none
		// checks its capacity at its start alone (lease.holdCapacityNow).
		index.Fields("product_id", "starts_at").Annotations(entsql.IndexWhere("opens")).StorageKey("booking_openings"),
		// The rows running at an instant: each ends within a segment after it (covering, so
		// summing them reads the index alone).
		index.Fields("product_id", "ends_at", "starts_at", "quantity").StorageKey("booking_running"),
		// The same two for what an owner holds, counted by the per-user limit.
		index.Fields("owner_id", "starts_at").Annotations(entsql.IndexWhere("opens")).StorageKey("booking_owner_openings"),
		index.Fields("owner_id", "ends_at", "starts_at", "quantity").StorageKey("booking_owner_running"),
		// The rows in a cleaning buffer: only last rows have one.
		index.Fields("product_id", "free_at", "ends_at", "quantity").Annotations(entsql.IndexWhere("free_at > ends_at")).StorageKey("booking_buffers"),
	}
}

// Annotations of Booking: bookings are bookkeeping, not part of the GraphQL schema.
func (Booking) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
