package database_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	}, time.Minute, 20*time.Millisecond, "the pages were copied into the database file")
	var n int
	require.NoError(t, st.DB.QueryRowContext(ctx, "SELECT count(*) FROM blobs").Scan(&n))
	require.Equal(t, 500, n)
	var ok string
	require.NoError(t, st.DB.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok))
	require.Equal(t, "ok", ok)
}

// Passive checkpoints alone never rewind the log while readers and writers keep coming: the
// checkpointer restarts it once it passes its bound, so it stops growing.
func TestWALStaysBoundedUnderSteadyLoad(t *testing.T) {
	restore := database.SetRestartFrames(256) // 1 MB
	defer restore()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wal.db")
	st, err := database.Open(ctx, path, database.Options{})
	require.NoError(t, err)
	defer st.Close()
	_, err = st.DB.ExecContext(ctx, "CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT)")
	require.NoError(t, err)

	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 4 { // always someone reading, as under traffic
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				var n int
				_ = st.DB.QueryRowContext(ctx, "SELECT count(*) FROM blobs").Scan(&n)
			}
		})
	}
	body := strings.Repeat("x", 16000)
	var largest int64
	const commits = 500 // about 8 MB, four pages or more per commit, over a few seconds
	for i := range commits {
		time.Sleep(time.Millisecond) // a steady stream, spanning many checkpoints
		err := st.Write(ctx, func(tx *database.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO blobs (body) VALUES (?)", body)
			return err
		})
		require.NoError(t, err)
		if i%10 == 0 {
			if fi, err := os.Stat(path + "-wal"); err == nil {
				largest = max(largest, fi.Size())
			}
		}
	}
	close(stop)
	readers.Wait()
	require.Less(t, largest, int64(4<<20), "the log was restarted rather than growing with every commit")
	var n int
	require.NoError(t, st.DB.QueryRowContext(ctx, "SELECT count(*) FROM blobs").Scan(&n))
	require.Equal(t, commits, n)
}
