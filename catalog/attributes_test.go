package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

func TestTypeAttributes(t *testing.T) {
	for _, c := range []struct {
		name string
		in   schematype.Attribute
		want schematype.AttributeType
		bad  string
	}{
		{"number inferred", schematype.Attribute{Key: "ram_gb", Value: "256"}, schematype.AttributeNumber, ""},
		{"decimal", schematype.Attribute{Key: "ghz", Value: "2.5"}, schematype.AttributeNumber, ""},
		{"boolean inferred", schematype.Attribute{Key: "juju", Value: "true"}, schematype.AttributeBoolean, ""},
		{"string inferred", schematype.Attribute{Key: "platform", Value: "vcloud"}, schematype.AttributeString, ""},
		{"number as a string", schematype.Attribute{Key: "model", Value: "740", Type: schematype.AttributeString}, schematype.AttributeString, ""},
		{"not a number", schematype.Attribute{Key: "ram_gb", Value: "lots", Type: schematype.AttributeNumber}, "", "ram_gb"},
		{"not a boolean", schematype.Attribute{Key: "juju", Value: "maybe", Type: schematype.AttributeBoolean}, "", "juju"},
		{"unknown type", schematype.Attribute{Key: "x", Value: "1", Type: "DATE"}, "", "DATE"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := c.in
			err := catalog.TypeAttributes([]*schematype.Attribute{&a})
			if c.bad != "" {
				require.ErrorContains(t, err, c.bad)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, a.Type)
		})
	}
}

func TestConstraints(t *testing.T) {
	small := &ent.Product{Sku: "4D.small", Attributes: []schematype.Attribute{{Key: "ram_gb", Value: "256", Type: "NUMBER"},
		{Key: "juju", Value: "false", Type: "BOOLEAN"}, {Key: "cpu", Value: "epyc", Type: "STRING"}}}
	large := &ent.Product{Sku: "4D.large", Attributes: []schematype.Attribute{{Key: "ram_gb", Value: "1024"}, {Key: "cpu", Value: "xeon"}}}
	prods := []*ent.Product{small, large}
	c := func(k, op, v string) []*schematype.AttributeConstraint {
		return []*schematype.AttributeConstraint{{Key: k, Op: op, Value: v}}
	}
	for _, tc := range []struct {
		name  string
		cs    []*schematype.AttributeConstraint
		bad   string
		small bool
		large bool
	}{
		{"numeric >=, not text order", c("ram_gb", ">=", "512"), "", false, true},
		{"default op is >=", c("ram_gb", "", "256"), "", true, true},
		{"<=", c("ram_gb", "<=", "999"), "", true, false},
		{"= number", c("ram_gb", "=", "256.0"), "", true, false},
		{"!= string", c("cpu", "!=", "epyc"), "", false, true},
		{"= boolean; a product without it does not fit", c("juju", "=", "false"), "", true, false},
		{"unknown attribute", c("gpus", ">=", "1"), `unknown attribute "gpus"`, false, false},
		{"wrong type", c("ram_gb", ">=", "lots"), "ram_gb is a NUMBER", false, false},
		{">= on a string", c("cpu", ">=", "a"), "compare it with = or != only", false, false},
		{"unknown operator", c("ram_gb", "~", "1"), "unknown operator", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := catalog.CheckConstraints("attributes", prods, tc.cs)
			if tc.bad != "" {
				require.ErrorContains(t, err, tc.bad)
				require.ErrorContains(t, err, "INVALID_ARGUMENT")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.small, catalog.Satisfies(small, tc.cs))
			require.Equal(t, tc.large, catalog.Satisfies(large, tc.cs))
		})
	}
}
