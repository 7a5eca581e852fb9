package graph

import (
	"context"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// gqlgen marshals every element of a list of objects on a goroutine of its own, so that a
// resolver under one element does not hold up the others. Most lists here are rows already
// loaded with their edges (entgql collects them into the query), and for them the goroutines
// are pure cost: on a page of 50 items their stack growth alone was a tenth of the request's
// CPU. `make generate` routes the generated list marshalers through marshalList (see
// graph/listgen), which keeps the goroutines only where the selection reaches a resolver.

// marshalList marshals n list elements: concurrently, as gqlgen does, when sel reaches a field
// with a resolver of its own (it may read the database, or wait for its siblings' batch as
// Product.items does); in order on the caller's goroutine otherwise.
func marshalList(ctx context.Context, sel ast.SelectionSet, n int, workerLimit int64, omitPanicHandler bool, marshal func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if n <= 1 || reachesResolver(sel) {
		return graphql.MarshalSliceConcurrently(ctx, n, workerLimit, omitPanicHandler, marshal)
	}
	ret := make(graphql.Array, n)
	for i := range n {
		child := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		if omitPanicHandler {
			ret[i] = marshal(child, i)
			continue
		}
		if !marshalRecovering(child, marshal, i, ret) {
			// As in gqlgen: an element that panicked nulls the list, its error is recorded.
			return nil
		}
	}
	return ret
}

// marshalRecovering marshals element i into ret, turning a panic into the element's error.
func marshalRecovering(ctx context.Context, marshal func(ctx context.Context, i int) graphql.Marshaler, i int, ret graphql.Array) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			ok = false
		}
	}()
	ret[i] = marshal(ctx, i)
	return true
}

// reachesResolver reports whether any field selected in sel, at any depth and through
// fragments, has a resolver method, or sits on an interface or union whose implementation is
// not known here.
func reachesResolver(sel ast.SelectionSet) bool {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if def := s.ObjectDefinition; def != nil && !strings.HasPrefix(s.Name, "__") {
				if def.Kind != ast.Object || resolverFields[fieldRef{def.Name, s.Name}] {
					return true
				}
			}
			if reachesResolver(s.SelectionSet) {
				return true
			}
		case *ast.InlineFragment:
			if reachesResolver(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition != nil && reachesResolver(s.Definition.SelectionSet) {
				return true
			}
		}
	}
	return false
}

// fieldRef names a field by its GraphQL type and field names.
type fieldRef struct{ typ, field string }

// resolverFields holds every field that gqlgen routes to a resolver method, by its GraphQL
// names. It is read from the resolver interfaces gqlgen generated (ResolverRoot's Product()
// ProductResolver, ProductResolver's Items(...), ...) and matched to the schema once, so a
// resolver added to the schema is known here without a list to keep, and a lookup per selected
// field costs no allocation.
var resolverFields = func() map[fieldRef]bool {
	goNames := map[string]bool{}
	root := reflect.TypeFor[ResolverRoot]()
	for i := range root.NumMethod() {
		obj := root.Method(i)
		res := obj.Type.Out(0)
		for j := range res.NumMethod() {
			goNames[goKey(obj.Name, res.Method(j).Name)] = true
		}
	}
	fields := map[fieldRef]bool{}
	for _, def := range parsedSchema.Types {
		for _, f := range def.Fields {
			if goNames[goKey(def.Name, f.Name)] {
				fields[fieldRef{def.Name, f.Name}] = true
			}
		}
	}
	return fields
}()

// goKey normalises a type and field name so that the GraphQL spelling (InventoryItem.currentLease,
// field_name) and gqlgen's Go spelling (InventoryItem.CurrentLease, FieldName) meet.
func goKey(typ, field string) string {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	return norm(typ) + "." + norm(field)
}
