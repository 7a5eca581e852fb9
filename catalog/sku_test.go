package catalog

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseSKU(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    SKU
		wantErr string
	}{
		{in: "2C.small", want: SKU{Tier: 2, Type: "C", Size: "small"}},
		{in: "4E.lab3", want: SKU{Tier: 4, Type: "E", Size: "lab3"}},
		{in: "1A.org", want: SKU{Tier: 1, Type: "A", Size: "org"}},
		{in: "2Z.small", wantErr: `"2Z.small": type must be one of A-E`},
		{in: "5A.small", wantErr: `"5A.small": tier must be one of 1-4`},
		{in: "0A.small", wantErr: "tier must be one of 1-4"},
		{in: "2c.small", wantErr: "type must be one of A-E"},
		{in: "2C-small", wantErr: "a '.' must follow tier and type"},
		{in: "2C.Small", wantErr: "size must be a lower-case word starting with a letter"},
		{in: "2C.sm all", wantErr: "size must be a lower-case word (a-z, 0-9)"},
		{in: "2C.3large", wantErr: "starting with a letter"},
		{in: "2C.", wantErr: "a SKU is [tier][type].[size]"},
		{in: "", wantErr: "a SKU is [tier][type].[size]"},
		{in: "2C.abcdefghijabcdefghijabcdefghijabc", wantErr: "at most 32"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseSKU(tt.in)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.in, got.String())
		})
	}
}

// FuzzParseSKU checks that every accepted SKU round-trips and satisfies the grammar, and that
// nothing panics.
func FuzzParseSKU(f *testing.F) {
	for _, s := range []string{"2C.small", "4D.large", "2Z.small", "", "1A.", "4E.lab3", "3a.x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseSKU(s)
		if err != nil {
			// Every refusal names the input and a rule.
			require.True(t, strings.HasPrefix(err.Error(), strconv.Quote(s)+": "), err.Error())
			return
		}
		require.Equal(t, s, got.String())
		require.GreaterOrEqual(t, got.Tier, 1)
		require.LessOrEqual(t, got.Tier, 4)
		require.Contains(t, Types, got.Type)
		require.NotEmpty(t, got.Size)
	})
}
