package cli

import _ "embed"

// Operations is the CLI's GraphQL operation documents. The server labels its metrics with the
// names of the operations it knows from documents like this one; any other name is "other".
//
//go:embed operations.graphql
var Operations string
