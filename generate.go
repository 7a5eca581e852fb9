package main

// Code generation: ent (with entgql writing graph/ent.graphql), then gqlgen, whose list
// marshalers listgen then points at graph.marshalList.
//go:generate go run ./ent/entc.go
//go:generate go tool gqlgen generate
//go:generate go run ./graph/listgen graph/generated.go
