// Package scalar holds the GraphQL scalars whose input the API checks itself, so that bad input
// is INVALID_ARGUMENT naming the argument on every path and both databases, never INTERNAL: an
// ID that is not one this API returned, a string a database could not keep as given.
package scalar

import (
	"fmt"
	"strings"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"

	"github.com/hardcandy/hardcandy/apperr"
)

// MarshalIntID writes an id as a GraphQL ID (a string of digits).
func MarshalIntID(i int) graphql.Marshaler { return graphql.MarshalIntID(i) }

// UnmarshalIntID reads an ID: the digits of a positive id that fits an int. Anything else ("abc",
// "", base64, too large) is INVALID_ARGUMENT; an id of nothing is NOT_FOUND later, like any
// other.
func UnmarshalIntID(v any) (int, error) {
	id, err := graphql.UnmarshalIntID(v)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.InvalidArgument, "%s is not an id this API returned", describe(v))
	}
	return id, nil
}

// MarshalString writes a GraphQL String.
func MarshalString(s string) graphql.Marshaler { return graphql.MarshalString(s) }

// UnmarshalString reads a GraphQL String, refusing NUL bytes: Postgres refuses them in text and
// SQLite keeps them, to cut strings at them later.
func UnmarshalString(v any) (string, error) {
	s, err := graphql.UnmarshalString(v)
	if err != nil {
		return "", apperr.New(apperr.InvalidArgument, "%s is not a string", describe(v))
	}
	if strings.ContainsRune(s, 0) {
		return "", apperr.New(apperr.InvalidArgument, "text must not contain NUL bytes")
	}
	return s, nil
}

// describe quotes what the client sent, cut short.
func describe(v any) string {
	s := fmt.Sprintf("%q", fmt.Sprint(v))
	if len(s) > 40 {
		s = s[:37] + `..."`
	}
	return s
}

// MarshalCursor writes a page cursor as entgql does (base64 of msgpack).
func MarshalCursor(c entgql.Cursor[int]) graphql.Marshaler { return c }

// UnmarshalCursor reads a page cursor: anything but a cursor this API returned is
// INVALID_ARGUMENT, never a decoding error for the client to guess at.
func UnmarshalCursor(v any) (entgql.Cursor[int], error) {
	var c entgql.Cursor[int]
	if err := c.UnmarshalGQL(v); err != nil {
		return c, apperr.New(apperr.InvalidArgument, "invalid cursor: use a cursor this API returned")
	}
	return c, nil
}
