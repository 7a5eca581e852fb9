package database

import "time"

// WriterObserver hears of a SQLite store's writer (see batcher): how long each write
// transaction waited for its turn, and how many transactions each group commit carried.
type WriterObserver interface {
	Waited(d time.Duration)
	Committed(transactions int)
}

// ObserveWriter makes o hear of the store's writer from now on; on Postgres, which has no
// single writer, it does nothing.
func (s *Store) ObserveWriter(o WriterObserver) {
	if s.batcher != nil && o != nil {
		s.batcher.obs.Store(&o)
	}
}

func (b *batcher) observeWait(r *txReq) {
	if o := b.obs.Load(); o != nil {
		(*o).Waited(time.Since(r.queued))
	}
}

func (b *batcher) observeCommit(n int) {
	if o := b.obs.Load(); o != nil && n > 0 {
		(*o).Committed(n)
	}
}
