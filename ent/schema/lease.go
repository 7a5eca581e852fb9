package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

// Lease hands one or more items to a user for a period.
type Lease struct{ ent.Schema }

// Mixin of Lease.
func (Lease) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of Lease.
func (Lease) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("status").Values("PENDING", "ACTIVE", "EXPIRED", "RETURNED", "REJECTED", "SCHEDULED", "QUEUED").Default("PENDING").
			Annotations(entgql.Type("LeaseStatus"), entgql.OrderField("STATUS")),
		field.Int("owner_id").Immutable(),
		field.Int("cost_center_id").Optional().Nillable().Immutable().
			Comment("the owner's cost center when the lease was made; bills follow it").Annotations(entgql.Skip()),
		field.Time("starts_at").Optional().Nillable().Annotations(entgql.OrderField("STARTS_AT")),
		field.Time("ends_at").Optional().Nillable().Annotations(entgql.OrderField("ENDS_AT")),
		field.Time("ended_at").Optional().Nillable().Comment("when it was returned, expired or rejected"),
		field.Int64("duration").GoType(duration.Duration(0)).Annotations(entgql.Type("Duration")),
		field.String("note").Optional().Nillable(),
		field.String("status_message").Optional().Nillable(),
		field.Bool("awaiting_approval").Default(false).Comment("PENDING for a decision rather than for the dispenser"),
		field.String("idempotency_key").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.JSON("request", []schematype.LeaseLine{}).Annotations(entgql.Skip()),
		field.String("decided_by").Optional().Nillable(),
		// The waiting list (QUEUED): how long the lease may wait when nothing is free, and when
		// its wait lapses.
		field.Int64("max_wait").GoType(duration.Duration(0)).Optional().Nillable().
			Comment("asked to wait up to this long when nothing is free (vend with wait)").Annotations(entgql.Skip()),
		field.Time("queued_until").Optional().Nillable().Comment("when a QUEUED lease lapses"),
	}
}

// Edges of Lease.
func (Lease) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("leases").Field("owner_id").Unique().Required().Immutable(),
		edge.From("cost_center", CostCenter.Type).Ref("leases").Field("cost_center_id").Unique().Immutable().
			Annotations(entgql.Skip()),
		edge.To("allocations", Allocation.Type),
		edge.To("orders", Order.Type),
		edge.To("events", Event.Type),
		edge.To("notices", Notice.Type).Annotations(entgql.Skip()),
		edge.To("bill_lines", BillLine.Type).Annotations(entgql.Skip()),
		edge.To("extension_requests", ExtensionRequest.Type),
	}
}

// Indexes of Lease.
func (Lease) Indexes() []ent.Index {
	return []ent.Index{
		// The same idempotency key from the same user always names one lease.
		index.Fields("owner_id", "idempotency_key").Unique().
			Annotations(entsql.IndexWhere("idempotency_key IS NOT NULL")),
		index.Fields("status", "ends_at"),
		index.Fields("status", "updated_at"),
		index.Fields("owner_id", "status"),
		index.Fields("cost_center_id", "status"),
	}
}

// Annotations of Lease.
func (Lease) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// Allocation records one item handed out under a lease, with the dispenser's credentials.
// Allocations are kept forever: they are the history of every item and lease.
type Allocation struct{ ent.Schema }

// Fields of Allocation.
func (Allocation) Fields() []ent.Field {
	return []ent.Field{
		field.Int("lease_id").Immutable(),
		field.Int("item_id").Immutable(),
		field.Int("owner_id").Optional().Immutable().
			Comment("the lease's owner, copied here so what a user holds is one index range").Annotations(entgql.Skip()),
		field.Bytes("credentials").Optional().Nillable().Sensitive().Comment("AES-GCM sealed").
			Annotations(entgql.Skip()),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("vended_at").Optional().Nillable(),
		field.Time("released_at").Optional().Nillable(),
	}
}

// Edges of Allocation.
func (Allocation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("lease", Lease.Type).Ref("allocations").Field("lease_id").Unique().Required().Immutable(),
		edge.From("item", InventoryItem.Type).Ref("allocations").Field("item_id").Unique().Required().Immutable(),
	}
}

// Indexes of Allocation.
func (Allocation) Indexes() []ent.Index {
	return []ent.Index{
		// An item is held by at most one unreleased allocation: the database enforces it.
		index.Fields("item_id").Unique().Annotations(entsql.IndexWhere("released_at IS NULL")),
		index.Fields("item_id", "created_at"),
		// What a user holds: every vend counts it through this index.
		index.Fields("owner_id", "released_at"),
		// A lease's allocations, and which of them are still held, without reading the rows.
		index.Fields("lease_id", "released_at"),
		index.Fields("vended_at", "released_at"),
	}
}
