package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Bill is what a cost center owes for a month. Definitive bills are written once, at month end.
type Bill struct{ ent.Schema }

// Fields of Bill.
func (Bill) Fields() []ent.Field {
	return []ent.Field{
		field.Int("cost_center_id").Immutable(),
		field.String("month").Immutable().Comment(`"2026-11", in the configured time zone`),
		field.Bool("definitive").Default(false),
		field.Int("total"),
		field.String("currency"),
		field.Time("created_at").Default(now).Immutable(),
	}
}

// Edges of Bill.
func (Bill) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("cost_center", CostCenter.Type).Ref("bills").Field("cost_center_id").Unique().Required().Immutable(),
		edge.To("lines", BillLine.Type),
	}
}

// Annotations of Bill: the GraphQL Bill is the billing package's (drafts are never stored).
func (Bill) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Indexes of Bill.
func (Bill) Indexes() []ent.Index {
	return []ent.Index{
		// A month is closed once per cost center and currency.
		index.Fields("cost_center_id", "month", "currency").Unique().Annotations(entsql.IndexWhere("definitive")),
	}
}

// BillLine is the charge for one product under one lease within a bill.
type BillLine struct{ ent.Schema }

// Fields of BillLine.
func (BillLine) Fields() []ent.Field {
	return []ent.Field{
		field.Int("bill_id").Immutable().Annotations(entgql.Skip()),
		field.Int("product_id").Immutable(),
		field.Int("lease_id").Optional().Nillable().Immutable(),
		field.Float("item_hours").Immutable(),
		field.Int("amount").Immutable(),
	}
}

// Edges of BillLine.
func (BillLine) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("bill", Bill.Type).Ref("lines").Field("bill_id").Unique().Required().Immutable().
			Annotations(entgql.Skip()),
		edge.From("product", Product.Type).Ref("bill_lines").Field("product_id").Unique().Required().Immutable(),
		edge.From("lease", Lease.Type).Ref("bill_lines").Field("lease_id").Unique().Immutable(),
	}
}

// Annotations of BillLine.
func (BillLine) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
