package schematype

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
)

func TestParseConstraint(t *testing.T) {
	for _, c := range []struct {
		in   string
		want AttributeConstraint
		bad  bool
	}{
		{in: "ram_gb>=256", want: AttributeConstraint{Key: "ram_gb", Op: ">=", Value: "256"}},
		{in: "ram_gb <= 512", want: AttributeConstraint{Key: "ram_gb", Op: "<=", Value: "512"}},
		{in: "cpu=epyc", want: AttributeConstraint{Key: "cpu", Op: "=", Value: "epyc"}},
		{in: "juju!=true", want: AttributeConstraint{Key: "juju", Op: "!=", Value: "true"}},
		{in: "ram_gb", bad: true},
		{in: ">=256", bad: true},
		{in: "ram_gb>=", bad: true},
	} {
		got, err := ParseConstraint(c.in)
		if c.bad {
			require.Error(t, err, c.in)
			continue
		}
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, got)
		require.Equal(t, got, must(ParseConstraint(got.String())))
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A null type in an input is no type (inferred from the value); anything else not an
// AttributeType is INVALID_ARGUMENT.
func TestAttributeTypeUnmarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   any
		want AttributeType
		err  bool
	}{
		{in: nil, want: ""},
		{in: "number", want: AttributeNumber},
		{in: "BOOLEAN", want: AttributeBoolean},
		{in: "colour", err: true},
		{in: 3, err: true},
	}
	for _, tt := range tests {
		var got AttributeType
		err := got.UnmarshalGQL(tt.in)
		if tt.err {
			require.ErrorIs(t, err, apperr.InvalidArgument, "%v", tt.in)
			continue
		}
		require.NoError(t, err, "%v", tt.in)
		require.Equal(t, tt.want, got)
	}
}
