package cli

import "embed"

// Operations is the CLI's GraphQL operation documents. The server labels its metrics with the
// names of the operations it knows from documents like this one; any other name is "other".
//
//go:embed operations.graphql
var Operations string

// More are the CLI's other operation documents (decisions, people and tokens, custom requests,
// selection),
// known to the server the same way.
//
//go:embed requests.graphql people.graphql custom.graphql select.graphql
var more embed.FS

// Documents returns every operation document of the CLI: Operations, then the others.
func Documents() []string {
	out := []string{Operations}
	for _, name := range []string{"requests.graphql", "people.graphql", "custom.graphql", "select.graphql"} {
		b, err := more.ReadFile(name)
		if err != nil {
			panic(err) // embedded at build time
		}
		out = append(out, string(b))
	}
	return out
}
