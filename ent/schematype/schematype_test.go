package schematype

import (
	"testing"

	"github.com/stretchr/testify/require"
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
