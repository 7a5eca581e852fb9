package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/viewer"
)

// What one request may cost. Every field costs something, so aliases cannot multiply work for
// free: a field costs 1 plus its children, a connection its page size times its children, and a
// field at the root, which runs queries of its own, at least RootFieldCost (MutationCost for a
// mutation), or what FieldCosts says it costs. Introspection is counted apart: one __schema and
// a few __type per request, whoever asks.
const (
	// RootFieldCost is what a query field at the root costs at least: a database round trip.
	RootFieldCost = 100
	// MutationCost is what a mutation costs at least: a write transaction.
	MutationCost = 1_000
	// AnonymousComplexity bounds a request without a token: introspection and little else.
	AnonymousComplexity = 1_000
	// AnonymousMaxBody bounds the body (or, for GET, the query string) of a request without a
	// token: GraphiQL's introspection query is 2 KB.
	AnonymousMaxBody = 8 << 10
	// MaxSchemaFields is how many __schema fields one request may have; MaxTypeFields __type.
	MaxSchemaFields = 1
	MaxTypeFields   = 20
	// ParserTokenLimit bounds a document's tokens before it is validated, whoever sends it: a
	// client's largest query has a few thousand.
	ParserTokenLimit = 20_000
)

// FieldCosts are the fields that cost more than RootFieldCost or MutationCost, by
// "Type.field": the reports scan a month of allocations, the vending mutations call the
// dispenser, the imports write thousands of rows.
var FieldCosts = map[string]int{
	"Query.usage":                   15_000,
	"Query.bills":                   10_000,
	"Query.availability":            1_000,
	"Mutation.vend":                 10_000,
	"Mutation.expandLease":          10_000,
	"Mutation.approveLease":         10_000,
	"Mutation.addInventoryItems":    10_000,
	"Mutation.importInventoryItems": 10_000,
	"Mutation.runJob":               10_000,
	"Mutation.markItemFaulty":       10_000,
}

// budget is the handler extension that prices an operation before it runs and refuses one over
// its limit: MaxComplexity with a token, AnonymousComplexity without.
type budget struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = budget{}

func (budget) ExtensionName() string                   { return "Budget" }
func (budget) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext prices the operation.
func (b budget) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	p := &pricer{vars: oc.Variables, frags: oc.Doc.Fragments}
	cost := p.set(oc.Operation.SelectionSet, 0)
	switch {
	case p.schemas > MaxSchemaFields:
		return codedError(apperr.New(apperr.InvalidArgument, "introspection: at most %d __schema per request, got %d", MaxSchemaFields, p.schemas))
	case p.types > MaxTypeFields:
		return codedError(apperr.New(apperr.InvalidArgument, "introspection: at most %d __type per request, got %d", MaxTypeFields, p.types))
	}
	if _, ok := viewer.FromContext(ctx); !ok {
		// Only introspection runs without a token (requireViewer refuses the rest before any
		// resolver), so only it needs pricing here.
		if introspectionOnly(oc.Operation.SelectionSet) && cost > AnonymousComplexity {
			return codedError(apperr.New(apperr.Unauthenticated, "without a token a request may cost at most %d; this one costs %d: send a token", AnonymousComplexity, cost))
		}
		return nil
	}
	if cost > b.max {
		return codedError(apperr.New(apperr.InvalidArgument, "the request costs %d; the limit is %d (a connection costs its page size times its children, a field at the root at least %d, %s)",
			cost, b.max, RootFieldCost, describeCosts()))
	}
	return nil
}

func describeCosts() string {
	return fmt.Sprintf("usage %d, bills %d, vend %d", FieldCosts["Query.usage"], FieldCosts["Query.bills"], FieldCosts["Mutation.vend"])
}

// pricer walks an operation, fragments expanded, adding up costs and counting introspection.
type pricer struct {
	vars           map[string]any
	frags          ast.FragmentDefinitionList
	schemas, types int
}

// maxSpreads bounds how deep fragment spreads are followed; validation rejects cycles, this is a
// backstop.
const maxSpreads = 64

func (p *pricer) set(set ast.SelectionSet, spreads int) int {
	total := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if p.included(s.Directives) {
				total = add(total, p.field(s, spreads))
			}
		case *ast.InlineFragment:
			if p.included(s.Directives) {
				total = add(total, p.set(s.SelectionSet, spreads))
			}
		case *ast.FragmentSpread:
			if fr := p.frags.ForName(s.Name); fr != nil && spreads < maxSpreads && p.included(s.Directives) {
				total = add(total, p.set(fr.SelectionSet, spreads+1))
			}
		}
	}
	return total
}

// included says whether a selection runs: a field the executor skips (@skip(if: true),
// @include(if: false)) costs nothing, so a client can keep one document for several views.
func (p *pricer) included(dirs ast.DirectiveList) bool {
	if d := dirs.ForName("skip"); d != nil {
		if v, ok := d.ArgumentMap(p.vars)["if"].(bool); ok && v {
			return false
		}
	}
	if d := dirs.ForName("include"); d != nil {
		if v, ok := d.ArgumentMap(p.vars)["if"].(bool); ok && !v {
			return false
		}
	}
	return true
}

func (p *pricer) field(f *ast.Field, spreads int) int {
	switch f.Name {
	case "__schema":
		p.schemas++
		return 0
	case "__type":
		p.types++
		return 0
	}
	child := p.set(f.SelectionSet, spreads)
	own := 1
	if parent := f.ObjectDefinition; parent != nil {
		switch parent.Name {
		case "Query", "Subscription":
			own = RootFieldCost
		case "Mutation":
			own = MutationCost
		}
		if c, ok := FieldCosts[parent.Name+"."+f.Name]; ok {
			own = c
		}
	}
	args := f.ArgumentMap(p.vars)
	switch {
	case isConnection(f):
		return add(own, mul(child, pageSize(intArg(args["first"]), intArg(args["last"]))))
	case f.Name == "nodes" && f.ObjectDefinition != nil && f.ObjectDefinition.Name == "Query":
		ids, _ := args["ids"].([]any)
		return add(own, mul(max(child, 1), len(ids)))
	}
	return add(own, child)
}

// intArg reads an Int argument, literal or variable.
func intArg(v any) *int {
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	case float64:
		n = int64(x)
	case json.Number:
		var err error
		if n, err = x.Int64(); err != nil {
			return nil
		}
	default:
		return nil
	}
	i := int(min(max(n, math.MinInt32), math.MaxInt32))
	return &i
}

// add and mul saturate instead of overflowing, so no request can wrap its cost to below a limit.
func add(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func mul(a, b int) int {
	if a != 0 && b > math.MaxInt/a {
		return math.MaxInt
	}
	return a * b
}
