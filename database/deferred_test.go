package database_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
)

// counter is a deferred addition to the one row of the hits table.
type counter struct{ n int }

func (c *counter) Merge(later database.Deferred) { c.n += later.(*counter).n }

func (c *counter) Write(ctx context.Context, tx *database.Tx) error {
	_, err := tx.ExecContext(ctx, "UPDATE hits SET n = n + $1", c.n)
	return err
}

// What transactions defer reaches the database exactly for those that commit: concurrent ones,
// sharing group commits on SQLite, some failing and some panicking after deferring.
func TestDeferredChangesFollowTheirTransactions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, dbtest.DSN(t, "deferred.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	_, err = st.DB.ExecContext(ctx, "CREATE TABLE hits (n INTEGER NOT NULL)")
	require.NoError(t, err)
	_, err = st.DB.ExecContext(ctx, "INSERT INTO hits (n) VALUES (0)")
	require.NoError(t, err)

	sys := database.System(ctx)
	boom := errors.New("boom")
	var wg sync.WaitGroup
	errs := make([]error, 200)
	for i := range 200 {
		wg.Go(func() {
			defer func() { _ = recover() }()
			errs[i] = st.Write(sys, func(tx *database.Tx) error {
				tx.Defer("hits", &counter{n: 1})
				tx.Defer("hits", &counter{n: 2}) // merged: 3 per transaction
				switch i % 10 {
				case 3:
					return boom
				case 7:
					panic(fmt.Sprintf("panic %d", i))
				}
				return nil
			})
		})
	}
	wg.Wait()
	committed := 0
	for i, err := range errs {
		switch i % 10 {
		case 3:
			require.ErrorIs(t, err, boom)
		case 7:
		default:
			require.NoError(t, err)
			committed++
		}
	}
	var n int
	require.NoError(t, st.DB.QueryRowContext(ctx, "SELECT n FROM hits").Scan(&n))
	require.Equal(t, 3*committed, n)

}
