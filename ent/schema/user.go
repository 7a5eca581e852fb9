package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// User is a person who leases, approves or administers.
type User struct{ ent.Schema }

// Mixin of User.
func (User) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Unique().Annotations(entgql.OrderField("NAME")),
		field.String("email").Optional().Nillable(),
		field.Enum("role").NamedValues("User", "USER", "Manager", "MANAGER", "Admin", "ADMIN").
			Default("USER").Annotations(entgql.Type("Role")),
		field.Int("cost_center_id").Optional().Nillable().Annotations(entgql.Skip()),
		field.String("time_zone").Optional().Nillable().Comment("IANA zone for times in notices"),
		field.String("webhook_url").Optional().Nillable().Annotations(entgql.Skip()),
		field.Time("deactivated_at").Optional().Nillable().
			Comment("when an admin deactivated the user: their tokens were revoked, their leases run to their end"),
	}
}

// Edges of User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("cost_center", CostCenter.Type).Ref("users").Field("cost_center_id").Unique(),
		edge.To("tokens", APIToken.Type).Annotations(entgql.Skip()),
		edge.To("leases", Lease.Type).Annotations(entgql.RelayConnection()),
		edge.To("notices", Notice.Type).Annotations(entgql.Skip()),
		edge.To("extension_requests", ExtensionRequest.Type).Annotations(entgql.Skip()),
		edge.To("custom_requests", CustomRequest.Type).Annotations(entgql.Skip()),
	}
}

// Indexes of User.
func (User) Indexes() []ent.Index {
	return []ent.Index{index.Fields("cost_center_id", "role")}
}

// Annotations of User.
func (User) Annotations() []schema.Annotation { return nil }
