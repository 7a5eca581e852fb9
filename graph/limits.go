package graph

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/viewer"
)

// Page sizes of every connection: the default when neither first nor last is given, and the cap.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// MaxNodes bounds nodes(ids): a client refetches what it shows, a page at most.
const MaxNodes = 100

// isConnection reports whether a field returns a Relay connection.
func isConnection(f *ast.Field) bool {
	return f.Definition != nil && strings.HasSuffix(f.Definition.Type.Name(), "Connection") &&
		f.Definition.Arguments.ForName("first") != nil
}

// pageArgs is a query cache that, before it keeps a validated document, gives every connection
// field without first/last a `first: 50` and caps literal page sizes at 500. Field collection
// (which loads nested connections eagerly) and the resolvers then see clamped sizes everywhere.
// Rewriting at insertion is safe: cached documents are only read afterwards.
type pageArgs struct {
	inner graphql.Cache[*ast.QueryDocument]
}

func newPageArgsCache(size int) *pageArgs {
	return &pageArgs{inner: lru.New[*ast.QueryDocument](size)}
}

func (c *pageArgs) Get(ctx context.Context, key string) (*ast.QueryDocument, bool) {
	return c.inner.Get(ctx, key)
}

func (c *pageArgs) Add(ctx context.Context, key string, doc *ast.QueryDocument) {
	for _, op := range doc.Operations {
		walk(op.SelectionSet, clampField)
	}
	for _, fr := range doc.Fragments {
		walk(fr.SelectionSet, clampField)
	}
	// Kept: the documents of signed-in clients, which repeat; not those without a token, nor
	// large ones, which anyone can vary at will to fill the cache.
	if _, ok := viewer.FromContext(ctx); !ok || len(key) > maxCachedQuery {
		return
	}
	c.inner.Add(ctx, key, doc)
}

// maxCachedQuery is the longest query text the cache keeps: real clients' queries are a few KB.
const maxCachedQuery = 16 << 10

func walk(set ast.SelectionSet, fn func(*ast.Field)) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			fn(s)
			walk(s.SelectionSet, fn)
		case *ast.InlineFragment:
			walk(s.SelectionSet, fn)
		}
	}
}

func clampField(f *ast.Field) {
	if !isConnection(f) {
		return
	}
	first, last := f.Arguments.ForName("first"), f.Arguments.ForName("last")
	if first == nil && last == nil {
		def := f.Definition.Arguments.ForName("first")
		f.Arguments = append(f.Arguments, &ast.Argument{
			Name:     "first",
			Value:    &ast.Value{Kind: ast.IntValue, Raw: strconv.Itoa(DefaultPageSize), ExpectedType: def.Type, Position: f.Position},
			Position: f.Position,
		})
		return
	}
	for _, a := range []*ast.Argument{first, last} {
		if a != nil && a.Value != nil && a.Value.Kind == ast.IntValue {
			if n, err := strconv.Atoi(a.Value.Raw); err == nil && n > MaxPageSize {
				a.Value.Raw = strconv.Itoa(MaxPageSize)
			}
		}
	}
}

// limits is the handler extension that checks depth and clamps page sizes given in variables.
type limits struct{ maxDepth int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = limits{}

func (limits) ExtensionName() string                   { return "Limits" }
func (limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses operations nested deeper than maxDepth and caps page sizes that
// arrive as variables.
func (l limits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if d := depth(oc.Operation.SelectionSet, oc.Doc.Fragments, 0); d > l.maxDepth {
		return codedError(apperr.New(apperr.InvalidArgument, "query is nested %d levels deep; the limit is %d", d, l.maxDepth))
	}
	var vars []string
	walkAll(oc, func(f *ast.Field) {
		if !isConnection(f) {
			return
		}
		for _, a := range f.Arguments {
			if (a.Name == "first" || a.Name == "last") && a.Value != nil && a.Value.Kind == ast.Variable {
				vars = append(vars, a.Value.Raw)
			}
		}
	})
	for _, name := range vars {
		switch n := oc.Variables[name].(type) {
		case int64:
			if n > MaxPageSize {
				oc.Variables[name] = int64(MaxPageSize)
			}
		case int:
			if n > MaxPageSize {
				oc.Variables[name] = MaxPageSize
			}
		}
	}
	return nil
}

func walkAll(oc *graphql.OperationContext, fn func(*ast.Field)) {
	walk(oc.Operation.SelectionSet, fn)
	for _, fr := range oc.Doc.Fragments {
		walk(fr.SelectionSet, fn)
	}
}

// depth measures the deepest field path, following fragment spreads. Introspection fields
// (__schema, __type) are not counted: their nesting is fixed by the GraphQL spec (tools such as
// GraphiQL ask for eight levels of ofType) and gqlgen bounds it itself.
func depth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 { // fragment cycles are rejected by validation; this is a backstop
		return seen
	}
	best := seen
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				d = seen + 1
			} else if len(s.SelectionSet) == 0 {
				d = seen + 1
			} else {
				d = depth(s.SelectionSet, frags, seen+1)
			}
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, frags, seen)
		case *ast.FragmentSpread:
			if fr := frags.ForName(s.Name); fr != nil {
				d = depth(fr.SelectionSet, frags, seen)
			}
		}
		best = max(best, d)
	}
	return best
}

// pageSize is the number of elements a connection field can return, for complexity.
func pageSize(first, last *int) int {
	n := DefaultPageSize
	if first != nil {
		n = *first
	} else if last != nil {
		n = *last
	}
	return min(max(n, 1), MaxPageSize)
}

// nodeNotFound reports whether err says an id names no node the viewer may see.
func nodeNotFound(err error) bool {
	var ge *gqlerror.Error
	if errors.As(err, &ge) {
		if c, _ := ge.Extensions["code"].(string); c == string(apperr.NotFound) {
			return true
		}
	}
	return err != nil && ent.IsNotFound(err)
}
