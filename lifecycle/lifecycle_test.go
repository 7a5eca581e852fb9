package lifecycle

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
)

func TestMachine(t *testing.T) {
	t.Parallel()
	m := New("door", []string{"open", "closed", "locked"}, map[string][]string{
		"open": {"closed"}, "closed": {"open", "locked"}, "locked": {"closed"},
	})
	require.NoError(t, m.Check("open", "closed"))
	err := m.Check("open", "locked")
	require.ErrorIs(t, err, apperr.Conflict)
	require.EqualError(t, err, "CONFLICT: door cannot go from open to locked")
	require.Equal(t, []string{"open", "locked"}, m.Sources("closed"))
	require.Panics(t, func() { New("bad", []string{"a"}, map[string][]string{"a": {"b"}}) })
}
