package database_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
)

// The committed migrations build exactly the schema the ent code expects: were a schema change
// made without `make migration`, auto-migration would find something to do here.
func TestPostgresMigrationsMatchSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.Postgres(t), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	require.Empty(t, pendingSchemaChanges(t, st), "the ent schema differs from the migrations: run make migration NAME=...")

	// The check sees drift: without an index the schema needs, there is something to do.
	_, err = st.DB.ExecContext(ctx, `DROP INDEX "products_sku_key"`)
	require.NoError(t, err)
	require.NotEmpty(t, pendingSchemaChanges(t, st))

	status, err := database.PostgresMigrationStatus(dbtest.Postgres(t))
	require.NoError(t, err)
	require.False(t, status.Dirty)
	require.NotZero(t, status.Latest)
	require.Equal(t, status.Latest, status.Current)
}

// pendingSchemaChanges returns the statements auto-migration would run on st.
func pendingSchemaChanges(t *testing.T, st *database.Store) []string {
	t.Helper()
	var plan bytes.Buffer
	require.NoError(t, st.PlannedChanges(context.Background(), &plan))
	var stmts []string
	for _, line := range strings.Split(plan.String(), "\n") {
		if l := strings.TrimSpace(line); l != "" && l != "BEGIN;" && l != "COMMIT;" && !strings.HasPrefix(l, "--") {
			stmts = append(stmts, l)
		}
	}
	return stmts
}
