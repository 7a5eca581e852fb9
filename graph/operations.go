package graph

import (
	"fmt"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// BuiltinOperations are the operations the server's own pages send: GraphiQL's introspection.
var BuiltinOperations = []string{"IntrospectionQuery"}

// OperationNames returns the names of the operations in GraphQL documents (the clients'
// committed operations), for an allowlist of metric labels.
func OperationNames(docs ...string) ([]string, error) {
	var names []string
	for i, d := range docs {
		doc, err := parser.ParseQuery(&ast.Source{Name: fmt.Sprintf("operations %d", i), Input: d})
		if err != nil {
			return nil, fmt.Errorf("operation names: %w", err)
		}
		for _, op := range doc.Operations {
			if op.Name != "" {
				names = append(names, op.Name)
			}
		}
	}
	return names, nil
}
