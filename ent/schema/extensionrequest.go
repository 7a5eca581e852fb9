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
)

// ExtensionRequest is a lease owner's ask to extend beyond the products' policy, waiting for a
// manager of the cost center or an admin. The lease keeps its end until it is approved.
type ExtensionRequest struct{ ent.Schema }

// Mixin of ExtensionRequest.
func (ExtensionRequest) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of ExtensionRequest.
func (ExtensionRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("status").Values("OPEN", "APPROVED", "REJECTED", "LAPSED").Default("OPEN").
			Annotations(entgql.Type("ExtensionRequestStatus")),
		field.Int("lease_id").Immutable(),
		field.Int("requester_id").Immutable(),
		field.Int("cost_center_id").Optional().Nillable().Immutable().
			Comment("the lease's cost center, whose managers decide").Annotations(entgql.Skip()),
		field.Int64("by").GoType(duration.Duration(0)).Immutable().Comment("how much longer the lease is asked to run").
			Annotations(entgql.Type("Duration")),
		field.String("reason").Optional().Nillable().Comment("why it was rejected, or why it lapsed"),
		field.String("decided_by").Optional().Nillable(),
		field.Time("decided_at").Optional().Nillable().Comment("when it was approved, rejected or lapsed"),
	}
}

// Edges of ExtensionRequest.
func (ExtensionRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("lease", Lease.Type).Ref("extension_requests").Field("lease_id").Unique().Required().Immutable(),
		edge.From("requester", User.Type).Ref("extension_requests").Field("requester_id").Unique().Required().Immutable(),
	}
}

// Indexes of ExtensionRequest.
func (ExtensionRequest) Indexes() []ent.Index {
	return []ent.Index{
		// A lease holds at most one open request (the open ones are the undecided): the database
		// enforces it.
		index.Fields("lease_id").Unique().Annotations(entsql.IndexWhere("decided_at IS NULL")),
		index.Fields("lease_id", "status"),
		index.Fields("status", "cost_center_id"),
	}
}

// Annotations of ExtensionRequest.
func (ExtensionRequest) Annotations() []schema.Annotation { return nil }
