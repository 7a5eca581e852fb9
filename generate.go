package main

// Code generation: ent (with entgql writing graph/ent.graphql), then gqlgen.
//go:generate go run ./ent/entc.go
//go:generate go tool gqlgen generate
