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

// CustomRequest is a user's ask for something the catalog does not have. An admin fulfils it
// with a temporary custom product made for the requester, or declines it with a reason.
type CustomRequest struct{ ent.Schema }

// Mixin of CustomRequest.
func (CustomRequest) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of CustomRequest.
func (CustomRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("status").Values("OPEN", "FULFILLED", "DECLINED").Default("OPEN").
			Annotations(entgql.Type("CustomRequestStatus")),
		field.Int("requester_id").Immutable(),
		field.Int("cost_center_id").Optional().Nillable().Immutable().
			Comment("the requester's cost center, whose managers see the request").Annotations(entgql.Skip()),
		field.String("description").NotEmpty().Immutable(),
		field.Int("quantity").Positive().Immutable(),
		field.Int64("duration").GoType(duration.Duration(0)).Immutable().Annotations(entgql.Type("Duration")),
		field.JSON("attributes", []schematype.Attribute{}).Default([]schematype.Attribute{}).Immutable().
			Annotations(entgql.Type("[Attribute!]")),
		field.String("reason").Optional().Nillable().Comment("why it was declined"),
		field.String("decided_by").Optional().Nillable(),
		field.Time("decided_at").Optional().Nillable(),
		field.Int("product_id").Optional().Nillable().Comment("the custom product that fulfilled it"),
	}
}

// Edges of CustomRequest.
func (CustomRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("requester", User.Type).Ref("custom_requests").Field("requester_id").Unique().Required().Immutable(),
		edge.From("product", Product.Type).Ref("custom_requests").Field("product_id").Unique(),
	}
}

// Indexes of CustomRequest.
func (CustomRequest) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "created_at"), index.Fields("requester_id", "status")}
}

// Annotations of CustomRequest.
func (CustomRequest) Annotations() []schema.Annotation { return nil }
