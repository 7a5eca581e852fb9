// Package cli is the hardcandy command line's client side: verbs that speak GraphQL to a server
// with a token, print tables for people and JSON for scripts, and never open the database.
package cli

//go:generate go tool genqlient genqlient.yaml
