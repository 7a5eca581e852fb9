package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// APIToken is a bearer token. Only its SHA-256 is stored; the token itself is shown once.
type APIToken struct{ ent.Schema }

// Fields of APIToken.
func (APIToken) Fields() []ent.Field {
	return []ent.Field{
		field.Bytes("hash").Unique().Sensitive().Immutable(),
		field.String("prefix").Immutable().Comment("the first characters, to tell tokens apart when revoking"),
		field.String("label").Optional().Comment("the token's name, shown when listing"),
		field.Int("user_id").Immutable(),
		field.Time("created_at").Default(now).Immutable(),
		field.Time("last_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
		field.Time("expires_at").Optional().Nillable().Comment("the token stops working then; nil: when revoked"),
	}
}

// Edges of APIToken.
func (APIToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("tokens").Field("user_id").Unique().Required().Immutable(),
	}
}

// Annotations of APIToken.
func (APIToken) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
