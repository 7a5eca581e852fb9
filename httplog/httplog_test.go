package httplog

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestValidID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id   string
		want bool
	}{
		{"report-4711", true},
		{"01HZX3Q9W8Y7V6T5S4R3Q2P1N0", true},
		{"4bf92f3577b34da6a3ce929d0e0e4736", true},
		{"lb:host/abc+def=", true},
		{strings.Repeat("a", MaxIDLength), true},
		{strings.Repeat("a", MaxIDLength+1), false},
		{"", false},
		{"two words", false},
		{"tab\tid", false},
		{"new\nline", false},
		{`quote"d`, false},
		{"ünïcode", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, ValidID(tt.id), "%q", tt.id)
	}
	require.True(t, ValidID(NewID()))
	require.NotEqual(t, NewID(), NewID())
}
