package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/querytest"
)

func TestConformance(t *testing.T) {
	t.Parallel()
	querytest.Run(t, func(t *testing.T) *database.Store {
		st, err := database.Open(context.Background(), filepath.Join(t.TempDir(), "q.db"), database.Options{Migrate: true})
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		require.Equal(t, "sqlite3", st.Dialect)
		return st
	})
}
