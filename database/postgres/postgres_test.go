package postgres_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/database/querytest"
)

func TestConformance(t *testing.T) {
	t.Parallel()
	querytest.Run(t, func(t *testing.T) *database.Store {
		st, err := database.Open(context.Background(), dbtest.Postgres(t), database.Options{Migrate: true})
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		require.Equal(t, "postgres", st.Dialect)
		return st
	})
}
