package database_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
)

// TestSQLiteFilesArePrivate: the database, its WAL and shared-memory files hold token hashes and
// sealed credentials; they are created readable by their owner only, like the key beside them.
func TestSQLiteFilesArePrivate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "private.db")
	st, err := database.Open(context.Background(), path, database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(context.Background())
	require.NoError(t, st.Client.CostCenter.Create().SetCode("ENG").SetName("Engineering").
		SetCreatedAt(time.Now()).SetUpdatedAt(time.Now()).Exec(sys))
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(f)
		require.NoError(t, err)
		require.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), f)
	}
}
