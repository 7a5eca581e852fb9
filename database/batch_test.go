package database_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/costcenter"
)

// Concurrent write transactions share SQLite transactions: each one's writes are all there or,
// when it fails or panics, none of them, and the others are untouched.
func TestWriteBatches(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, wrap := range []bool{false, true} {
		t.Run(fmt.Sprintf("counting=%v", wrap), func(t *testing.T) {
			t.Parallel()
			opts := database.Options{Migrate: true}
			if wrap {
				opts.WrapDriver = func(d dialect.Driver) dialect.Driver { return database.NewCountingDriver(d) }
			}
			st, err := database.Open(ctx, filepath.Join(t.TempDir(), "batch.db"), opts)
			require.NoError(t, err)
			defer st.Close()
			sys := database.System(ctx)
			boom := errors.New("boom")
			var wg sync.WaitGroup
			errs := make([]error, 200)
			panics := make([]any, 200)
			for i := range 200 {
				wg.Go(func() {
					defer func() { panics[i] = recover() }()
					errs[i] = st.Write(sys, func(tx *database.Tx) error {
						// Two writes per transaction: a failure after the first must undo it.
						if err := tx.CostCenter.Create().SetCode(fmt.Sprintf("A%03d", i)).SetName("a").Exec(sys); err != nil {
							return err
						}
						switch i % 10 {
						case 3:
							return boom
						case 7:
							panic(fmt.Sprintf("panic %d", i))
						}
						return tx.CostCenter.Create().SetCode(fmt.Sprintf("B%03d", i)).SetName("b").Exec(sys)
					})
				})
			}
			wg.Wait()
			for i := range 200 {
				switch i % 10 {
				case 3:
					require.ErrorIs(t, errs[i], boom, i)
				case 7:
					require.Equal(t, fmt.Sprintf("panic %d", i), panics[i], "the panic reaches the caller")
				default:
					require.NoError(t, errs[i], i)
					require.Nil(t, panics[i])
				}
				n, err := st.Client.CostCenter.Query().Where(costcenter.CodeIn(fmt.Sprintf("A%03d", i), fmt.Sprintf("B%03d", i))).Count(sys)
				require.NoError(t, err)
				if i%10 == 3 || i%10 == 7 {
					require.Zero(t, n, "transaction %d failed: none of its writes stay", i)
				} else {
					require.Equal(t, 2, n, "transaction %d committed: all of its writes stay", i)
				}
			}
		})
	}
}

// A transaction that fails on another's write in the same batch (a unique key taken) hears of it
// only once that write is committed: reading right after its error, it finds the winner.
func TestBatchFailureAfterCommit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, filepath.Join(t.TempDir(), "batch.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(ctx)
	var wg sync.WaitGroup
	var mu sync.Mutex
	won, lost := 0, 0
	for range 50 {
		wg.Go(func() {
			err := st.Write(sys, func(tx *database.Tx) error {
				return tx.CostCenter.Create().SetCode("ONLY").SetName("x").Exec(sys)
			})
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				won++
				return
			}
			assert.True(t, ent.IsConstraintError(err), "%v", err)
			n, qerr := st.Client.CostCenter.Query().Where(costcenter.Code("ONLY")).Count(sys)
			assert.NoError(t, qerr)
			assert.Equal(t, 1, n, "the winner is committed by the time the loser hears")
			lost++
		})
	}
	wg.Wait()
	require.Equal(t, 1, won)
	require.Equal(t, 49, lost)
}

// A write outside any transaction waits for the writer's turn, as transactions do: it neither
// fails nor sleeps in SQLite's busy handler while a batch holds the lock, it runs once that batch
// commits, and a caller that gives up while waiting hears so at once.
func TestWriteOutsideTransactionWaitsItsTurn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, filepath.Join(t.TempDir(), "turn.db"), database.Options{Migrate: true})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(ctx)
	cc, err := st.Client.CostCenter.Create().SetCode("A").SetName("before").Save(sys)
	require.NoError(t, err)

	holding, release := make(chan struct{}), make(chan struct{})
	var releaseOnce sync.Once
	letGo := func() { releaseOnce.Do(func() { close(release) }) }
	defer letGo() // before the store closes, should the test fail early
	batchDone := make(chan error, 1)
	go func() {
		batchDone <- st.Write(sys, func(tx *database.Tx) error {
			close(holding)
			<-release
			return tx.CostCenter.UpdateOneID(cc.ID).SetName("in the batch").Exec(sys)
		})
	}()
	<-holding

	short, cancel := context.WithTimeout(sys, 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = st.Client.CostCenter.Update().Where(costcenter.ID(cc.ID)).SetName("gave up").Exec(short)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Less(t, time.Since(start), time.Minute, "the caller's deadline ends the wait, not the batch")

	after := make(chan error, 1)
	go func() {
		after <- st.Client.CostCenter.Update().Where(costcenter.ID(cc.ID)).SetName("after").Exec(sys)
	}()
	select {
	case err := <-after:
		t.Fatalf("the write ran while the batch held the lock: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	letGo()
	require.NoError(t, <-batchDone)
	require.NoError(t, <-after)
	got, err := st.Client.CostCenter.Get(sys, cc.ID)
	require.NoError(t, err)
	require.Equal(t, "after", got.Name, "it ran after the batch committed")
}

// slowWrite is a write statement that spends a few milliseconds computing before it writes
// (nothing): a caller giving up while it runs interrupts a write, which in SQLite rolls back the
// whole transaction, not just the statement.
const slowWrite = `DELETE FROM cost_centers WHERE id = -
	(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000) SELECT count(*) FROM c)`

// A caller that gives up while its statement runs inside a group commit undoes only its own
// writes: every other transaction of the batch commits, and the one given up on is all or
// nothing.
func TestCancelledTransactionLeavesItsBatchAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := database.Open(ctx, filepath.Join(t.TempDir(), "cancel.db"), database.Options{Migrate: true,
		WrapDriver: func(d dialect.Driver) dialect.Driver { return database.NewCountingDriver(d) }})
	require.NoError(t, err)
	defer st.Close()
	sys := database.System(ctx)
	const n = 300
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		cancelled := i%3 == 0
		wg.Go(func() {
			tctx, cancel := context.WithCancel(sys)
			defer cancel()
			errs[i] = st.Write(tctx, func(tx *database.Tx) error {
				if err := tx.CostCenter.Create().SetCode(fmt.Sprintf("A%03d", i)).SetName("a").Exec(tctx); err != nil {
					return err
				}
				if cancelled {
					// Give up a moment later, most often while the slow statement runs.
					timer := time.AfterFunc(time.Duration(i%5)*300*time.Microsecond, cancel)
					defer timer.Stop()
				}
				if _, err := tx.ExecContext(tctx, slowWrite); err != nil {
					return err
				}
				return tx.CostCenter.Create().SetCode(fmt.Sprintf("B%03d", i)).SetName("b").Exec(tctx)
			})
		})
	}
	// A transaction taken from the queue and never answered would hang its caller for ever.
	answered := make(chan struct{})
	go func() { wg.Wait(); close(answered) }()
	select {
	case <-answered:
	case <-time.After(2 * time.Minute):
		t.Fatal("some transactions were never answered")
	}
	gaveUp := 0
	for i := range n {
		cancelled := i%3 == 0
		got, err := st.Client.CostCenter.Query().Where(costcenter.CodeIn(fmt.Sprintf("A%03d", i), fmt.Sprintf("B%03d", i))).Count(sys)
		require.NoError(t, err)
		switch {
		case !cancelled:
			require.NoError(t, errs[i], "transaction %d was not given up on", i)
			require.Equal(t, 2, got, "transaction %d committed", i)
		case errs[i] == nil:
			require.Equal(t, 2, got, "transaction %d committed before its caller gave up", i)
		default:
			require.ErrorIs(t, errs[i], context.Canceled, i)
			require.Zero(t, got, "transaction %d was given up on: none of its writes stay", i)
			gaveUp++
		}
	}
	t.Logf("%d of %d transactions given up on", gaveUp, n/3)
}
