package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Notice is one message in the outbox, written in the transaction of the change that causes it
// and delivered later over its channel.
type Notice struct{ ent.Schema }

// Fields of Notice.
func (Notice) Fields() []ent.Field {
	return []ent.Field{
		field.String("kind").Immutable(),
		field.String("channel").Immutable(),
		field.String("recipient").Immutable(),
		field.Int("user_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.Int("lease_id").Optional().Nillable().Immutable().Annotations(entgql.Skip()),
		field.String("dedupe_key").Optional().Nillable().Unique().Immutable().Annotations(entgql.Skip()),
		field.Bytes("payload").Annotations(entgql.Skip()),
		field.Time("created_at").Default(now).Immutable().Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("deliver_after").Default(now).Annotations(entgql.Skip()),
		field.Time("delivered_at").Optional().Nillable(),
		field.Time("failed_at").Optional().Nillable(),
		field.Int("attempts").Default(0),
		field.String("last_error").Optional().Nillable(),
	}
}

// Edges of Notice.
func (Notice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("notices").Field("user_id").Unique().Immutable().Annotations(entgql.Skip()),
		edge.From("lease", Lease.Type).Ref("notices").Field("lease_id").Unique().Immutable().Annotations(entgql.Skip()),
	}
}

// Indexes of Notice.
func (Notice) Indexes() []ent.Index {
	return []ent.Index{index.Fields("delivered_at", "failed_at", "deliver_after")}
}

// Annotations of Notice.
func (Notice) Annotations() []schema.Annotation {
	// Only admins list every notice; @admin refuses the rest before the resolver runs.
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField().Directives(entgql.NewDirective("admin"))}
}

// JobRun logs one run of a scheduler job, on whichever replica ran it.
type JobRun struct{ ent.Schema }

// Fields of JobRun.
func (JobRun) Fields() []ent.Field {
	return []ent.Field{
		field.String("job"),
		field.String("replica"),
		field.Time("started_at"),
		field.Time("finished_at").Optional().Nillable(),
		field.Int("handled").Default(0),
		field.String("error").Optional().Nillable(),
	}
}

// Indexes of JobRun.
func (JobRun) Indexes() []ent.Index { return []ent.Index{index.Fields("job", "started_at")} }

// Annotations of JobRun.
func (JobRun) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
