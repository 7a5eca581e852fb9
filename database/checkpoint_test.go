package database_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
)

// Commits leave checkpoints to the store's background checkpointer: what is written reaches the
// database file without a writer ever copying it back, and the file stays whole.
func TestBackgroundCheckpoints(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ckpt.db")
	st, err := database.Open(ctx, path, database.Options{})
	require.NoError(t, err)
	defer st.Close()
	_, err = st.DB.ExecContext(ctx, "CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT)")
	require.NoError(t, err)
	before, err := os.Stat(path)
	require.NoError(t, err)
	body := strings.Repeat("x", 4000)
	for range 500 { // about 2 MB, in 500 commits
		_, err := st.DB.ExecContext(ctx, "INSERT INTO blobs (body) VALUES (?)", body)
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool {
		fi, err := os.Stat(path)
		return err == nil && fi.Size() > before.Size()+1_500_000
	}, 5*time.Second, 20*time.Millisecond, "the pages were copied into the database file")
	var n int
	require.NoError(t, st.DB.QueryRowContext(ctx, "SELECT count(*) FROM blobs").Scan(&n))
	require.Equal(t, 500, n)
	var ok string
	require.NoError(t, st.DB.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok))
	require.Equal(t, "ok", ok)
}
