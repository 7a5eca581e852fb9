package graph_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/hardcandy/hardcandy/graph"
)

// adminField is one field of a root type that carries @admin.
type adminField struct {
	op    string // query, mutation or subscription
	field *ast.FieldDefinition
}

// adminFields reads every @admin field off the executable schema, so a field that gains @admin
// (in a .graphql file or through an ent annotation) is covered without touching this test.
func adminFields(t *testing.T) (*ast.Schema, []adminField) {
	t.Helper()
	s := graph.NewExecutableSchema(graph.Config{}).Schema()
	var out []adminField
	for op, def := range map[string]*ast.Definition{"query": s.Query, "mutation": s.Mutation, "subscription": s.Subscription} {
		if def == nil {
			continue
		}
		for _, f := range def.Fields {
			if f.Directives.ForName("admin") != nil {
				out = append(out, adminField{op: op, field: f})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].op+"."+out[i].field.Name < out[j].op+"."+out[j].field.Name
	})
	return s, out
}

// operation builds a request calling f with a well-formed value for each required argument
// (passed as variables), so that only the @admin check can refuse it.
func operation(t *testing.T, s *ast.Schema, op string, f *ast.FieldDefinition) (string, map[string]any) {
	t.Helper()
	var decls, args []string
	vars := map[string]any{}
	for _, a := range f.Arguments {
		if !a.Type.NonNull || a.DefaultValue != nil {
			continue
		}
		decls = append(decls, fmt.Sprintf("$%s: %s", a.Name, a.Type.String()))
		args = append(args, fmt.Sprintf("%s: $%s", a.Name, a.Name))
		vars[a.Name] = sample(t, s, a.Type)
	}
	q := op
	if len(decls) > 0 {
		q += "(" + strings.Join(decls, ", ") + ")"
	}
	q += " { " + f.Name
	if len(args) > 0 {
		q += "(" + strings.Join(args, ", ") + ")"
	}
	if def := s.Types[f.Type.Name()]; def != nil && def.IsCompositeType() {
		q += " { __typename }"
	}
	return q + " }", vars
}

// sample is a well-formed value of type typ: required input fields filled in, optional ones left
// out.
func sample(t *testing.T, s *ast.Schema, typ *ast.Type) any {
	t.Helper()
	if typ.Elem != nil {
		return []any{sample(t, s, typ.Elem)}
	}
	def := s.Types[typ.NamedType]
	require.NotNil(t, def, "type %s", typ.NamedType)
	switch def.Kind {
	case ast.Enum:
		return def.EnumValues[0].Name
	case ast.InputObject:
		obj := map[string]any{}
		for _, f := range def.Fields {
			if f.Type.NonNull && f.DefaultValue == nil {
				obj[f.Name] = sample(t, s, f.Type)
			}
		}
		return obj
	}
	switch def.Name {
	case "ID":
		return "1"
	case "String":
		return "x"
	case "Int", "Float":
		return 1
	case "Boolean":
		return false
	case "Duration":
		return "1h"
	case "Time":
		return "2026-11-02T09:00:00Z"
	}
	require.FailNow(t, "no sample value", "scalar %s: add one to sample", def.Name)
	return nil
}

// TestAdminFields calls every @admin field as a manager and as a user, who are refused with
// FORBIDDEN and get no data, and as an admin, who is not refused.
func TestAdminFields(t *testing.T) {
	t.Parallel()
	s, fields := adminFields(t)
	// Both ways of declaring @admin are covered: in our .graphql files and on the ent schema.
	names := map[string]bool{}
	for _, f := range fields {
		names[f.field.Name] = true
	}
	for _, want := range []string{"createProduct", "schedulerJobs", "inventoryItems", "notices"} {
		require.True(t, names[want], "%s carries @admin", want)
	}
	// The calls are refused before they touch anything, and admin's calls only need not be
	// refused, so one server serves them all.
	b := setup(t)
	for _, f := range fields {
		require.NotEqual(t, "subscription", f.op, "%s: @admin on a subscription needs a websocket case here", f.field.Name)
		query, vars := operation(t, s, f.op, f.field)
		t.Run(f.op+"/"+f.field.Name, func(t *testing.T) {
			t.Parallel()
			for _, as := range []string{"manny", "alice"} {
				r := b.do(t, as, query, vars)
				require.Equal(t, "FORBIDDEN", r.code(), "%s as %s: %+v", query, as, r.Errors)
				var data map[string]json.RawMessage
				if len(r.Data) > 0 {
					require.NoError(t, json.Unmarshal(r.Data, &data))
				}
				if v, ok := data[f.field.Name]; ok {
					require.Equal(t, "null", string(v), "%s as %s", query, as)
				}
			}
			r := b.do(t, "admin", query, vars)
			for _, e := range r.Errors {
				require.NotEqual(t, "FORBIDDEN", e.Extensions["code"], "%s as admin: %+v", query, r.Errors)
			}
		})
	}
}
