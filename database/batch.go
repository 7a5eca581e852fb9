package database

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"

	"github.com/hardcandy/hardcandy/ent"
)

// maxBatch bounds how many write transactions share one SQLite transaction.
const maxBatch = 64

// batcher gives a SQLite store group commit. SQLite has one writer at a time, so write
// transactions queue anyway; rather than hand the write lock from goroutine to goroutine, each
// waking up in turn and each committing on its own, one goroutine runs the queued transactions
// back to back inside one SQLite transaction and commits once. Each runs in a savepoint (all but
// the first, whose failure simply rolls back the whole, still empty, transaction), so a failure
// undoes only its own writes. A caller giving up never interrupts a statement (SQLite would roll
// back the whole transaction): it fails its own transaction at the next statement or at its end,
// and only that one is undone. A caller's Write returns only after the commit that made its
// writes durable and visible, so nothing changes for callers: their transactions run in the
// order they queued, exactly as if one after another.
type batcher struct {
	store *Store
	reqs  chan *txReq
	stop  chan struct{}
	done  chan struct{}
	obs   atomic.Pointer[WriterObserver] // see Store.ObserveWriter
}

type txReq struct {
	ctx      context.Context
	fn       func(*Tx) error
	err      error
	panicked any
	finished chan struct{}
	queued   time.Time // for the queue-wait metric
	// failed: fn failed and its writes were undone; the answer waits for the batch's commit
	// all the same, since the failure may come from an earlier transaction's writes (a unique
	// key taken), and its caller must then find them committed, as if it had run after them.
	failed bool
}

func (r *txReq) finish(err error) {
	r.err = err
	close(r.finished)
}

// errStoreClosed is what queued transactions get when the store closes under them.
var errStoreClosed = errors.New("database: the store is closed")

func startBatcher(s *Store) *batcher {
	b := &batcher{store: s, reqs: make(chan *txReq), stop: make(chan struct{}), done: make(chan struct{})}
	go b.loop()
	return b
}

// close stops the batcher once the transaction in hand is committed.
func (b *batcher) close() {
	close(b.stop)
	<-b.done
}

// do queues fn and waits for its outcome; a panic in fn is raised again here, in the caller.
func (b *batcher) do(ctx context.Context, fn func(*Tx) error) error {
	r := &txReq{ctx: ctx, fn: fn, finished: make(chan struct{}), queued: time.Now()}
	select {
	case b.reqs <- r:
	case <-ctx.Done():
		return fmt.Errorf("waiting to write: %w", ctx.Err())
	case <-b.stop:
		return errStoreClosed
	}
	<-r.finished
	if r.panicked != nil {
		panic(r.panicked)
	}
	return r.err
}

func (b *batcher) loop() {
	defer close(b.done)
	for {
		var first *txReq
		select {
		case first = <-b.reqs:
		case <-b.stop:
			return
		}
		b.batch(first)
	}
}

// batch runs first and whatever queues behind it, up to maxBatch, in one transaction.
func (b *batcher) batch(first *txReq) {
	// The transaction belongs to no single caller: a caller giving up must not roll back the
	// others' work. Each fn runs its statements with its own caller's context, but marked as
	// shared, the transaction never lets that context interrupt one (see slotTx).
	ctx := context.Background()
	tx, err := b.store.Client.Tx(context.WithValue(ctx, sharedTxKey{}, sharedTxKey{}))
	if err != nil {
		first.finish(fmt.Errorf("begin: %w", err))
		return
	}
	deferred := &deferrals{}
	var (
		pending []*txReq // ran and await the commit
		current *txReq   // running now
		n       int
		broken  error
	)
	// A fn calling runtime.Goexit (t.FailNow in a test) would end this goroutine: roll back,
	// answer everyone, and carry on in a new one.
	finished := false
	defer func() {
		if finished {
			return
		}
		_ = tx.Rollback()
		for _, r := range append(pending, current) {
			r.finish(errors.New("database: a transaction in the same batch exited its goroutine; rolled back"))
		}
		go b.loop()
	}()
	next := first
	for next != nil && broken == nil {
		r := next
		next, current = nil, r
		n++
		b.observeWait(r)
		if err := r.ctx.Err(); err != nil {
			r.finish(fmt.Errorf("waiting to write: %w", err))
		} else if len(pending) == 0 {
			// Nothing else in the transaction yet: on failure, roll all of it back.
			if !b.run(r, tx, deferred) {
				err := r.err
				if rerr := tx.Rollback(); rerr != nil {
					err = fmt.Errorf("%w (rollback: %v)", err, rerr)
				}
				r.finish(err)
				finished = true
				return
			}
			pending = append(pending, r)
		} else {
			broken = b.inSavepoint(r, tx, deferred)
			if broken == nil {
				pending = append(pending, r)
			}
		}
		// Once the transaction is broken nothing more joins it: what is taken from the queue
		// must be run, or its caller would wait for ever.
		if n < maxBatch && broken == nil {
			select {
			case next = <-b.reqs:
			default:
			}
		}
	}
	finished = true
	if broken == nil {
		broken = deferred.write(ctx, &Tx{Tx: tx, Now: b.store.now(), dialect: dialect.SQLite}) // once for the whole batch
	}
	if broken != nil {
		_ = tx.Rollback()
		for _, r := range pending {
			if r.failed {
				r.finish(r.err)
			} else {
				r.finish(fmt.Errorf("rolled back with its batch: %w", broken))
			}
		}
		return
	}
	err = tx.Commit()
	if err != nil {
		err = fmt.Errorf("commit: %w", err)
	}
	b.observeCommit(len(pending))
	for _, r := range pending {
		if r.failed {
			r.finish(r.err)
		} else {
			r.finish(err)
		}
	}
}

// inSavepoint runs r inside a savepoint of tx. When r fails, its writes are undone and it is
// marked failed, to be answered with the batch. It returns an error, having answered r, only when
// tx itself is no longer usable.
func (b *batcher) inSavepoint(r *txReq, tx *ent.Tx, deferred *deferrals) error {
	ctx := context.Background()
	if _, err := tx.ExecContext(ctx, "SAVEPOINT hardcandy_tx"); err != nil {
		r.finish(fmt.Errorf("begin: %w", err))
		return err
	}
	ok := b.run(r, tx, deferred)
	if !ok {
		if _, err := tx.ExecContext(ctx, "ROLLBACK TO hardcandy_tx"); err != nil {
			r.finish(fmt.Errorf("%w (rollback: %v)", r.err, err))
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "RELEASE hardcandy_tx"); err != nil {
		r.finish(fmt.Errorf("release savepoint: %w", err))
		return err
	}
	r.failed = !ok
	return nil
}

// run calls r.fn, keeping its error, or its panic to raise again in the caller, on r. It reports
// whether fn succeeded; what fn deferred is kept only then. Each transaction of the batch has its
// own time, read when it starts, as if it ran alone.
func (b *batcher) run(r *txReq, tx *ent.Tx, deferred *deferrals) (ok bool) {
	deferred.begin()
	defer func() {
		if p := recover(); p != nil {
			r.panicked, ok = p, false
		}
		if ok {
			deferred.succeeded()
		} else {
			deferred.failed()
		}
	}()
	r.err = r.fn(&Tx{Tx: tx, Now: b.store.now(), dialect: dialect.SQLite, deferred: deferred})
	if r.err == nil {
		// A caller that gave up while fn ran gets nothing of it, as when a transaction's own
		// context ends before its commit; its statements ran to their end (see slotTx).
		if err := r.ctx.Err(); err != nil {
			r.err = fmt.Errorf("the caller gave up: %w", err)
		}
	}
	return r.err == nil
}
