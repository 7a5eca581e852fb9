package database_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
)

// A storm of write transactions given up on at random moments, on Postgres, beside requests
// nobody gives up on: those always get a working connection, and a transaction given up on
// keeps nothing. (Cutting statements off used to leave the pool handing out connections the
// driver had given up on: "driver: bad connection".)
func TestGivingUpLeavesThePoolSound(t *testing.T) {
	t.Parallel()
	st, err := database.Open(context.Background(), dbtest.Postgres(t), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(context.Background())
	_, err = st.DB.ExecContext(sys, `CREATE TABLE storm (id bigint PRIMARY KEY)`)
	require.NoError(t, err)

	var (
		wg        sync.WaitGroup
		committed sync.Map // ids whose Write returned nil
		attempts  atomic.Int64
		failures  = make(chan error, 1000)
	)
	stop := time.Now().Add(6 * time.Second)
	for w := range 24 {
		wg.Go(func() {
			for i := 0; time.Now().Before(stop); i++ {
				id := w*1_000_000 + i
				ctx, cancel := context.WithCancel(sys)
				time.AfterFunc(time.Duration(rand.IntN(3000))*time.Microsecond, cancel)
				err := st.Write(ctx, func(tx *database.Tx) error {
					for range 3 {
						if _, err := tx.ExecContext(ctx, `SELECT count(*) FROM generate_series(1, 3000)`); err != nil {
							return err
						}
					}
					_, err := tx.ExecContext(ctx, `INSERT INTO storm (id) VALUES ($1)`, id)
					return err
				})
				cancel()
				attempts.Add(1)
				if err == nil {
					committed.Store(id, true)
				}
			}
		})
	}
	for range 24 {
		wg.Go(func() {
			for time.Now().Before(stop) {
				var n int
				if err := st.DB.QueryRowContext(sys, `SELECT 1`).Scan(&n); err != nil {
					failures <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		require.NoError(t, err, "a request nobody gave up on")
	}
	rows, err := st.DB.QueryContext(sys, `SELECT id FROM storm`)
	require.NoError(t, err)
	defer rows.Close()
	kept := 0
	for rows.Next() {
		var id int
		require.NoError(t, rows.Scan(&id))
		_, ok := committed.Load(id)
		require.True(t, ok, "row %d of a transaction given up on was kept", id)
		kept++
	}
	require.NoError(t, rows.Err())
	t.Logf("%d of %d transactions committed", kept, attempts.Load())
	require.Less(t, int64(kept), attempts.Load(), "some transactions were given up on")
}
