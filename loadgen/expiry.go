package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/secret"
)

// expiry measures the expire-leases sweep: its cost must follow the number of leases due, not the
// size of the leases table.
func expiry(ctx context.Context, dir string, notDue int) error {
	fmt.Printf("\nThe expire-leases sweep (lease.Service.Expire) on SQLite, with %d ACTIVE leases not yet due in the table:\n\n", notDue)
	st, err := openDesign(ctx, filepath.Join(dir, "expiry.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	sys := database.System(ctx)
	owner, err := st.Client.User.Query().Where(user.Name("alice")).Only(sys)
	if err != nil {
		return err
	}
	small, err := st.Client.Product.Query().Where(product.Sku("4D.small")).Only(sys)
	if err != nil {
		return err
	}
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	start := time.Now()
	if err := seedLeases(ctx, st.DB, owner.ID, notDue, now.Add(30*24*time.Hour), 0, 0); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "seeded %d not-due leases in %s\n", notDue, time.Since(start).Round(time.Millisecond))

	sim, err := dispenser.New(dispenser.Config{})
	if err != nil {
		return err
	}
	box, err := secret.New(make([]byte, secret.KeySize))
	if err != nil {
		return err
	}
	// As served: an "expired" notice per lease.
	svc := lease.NewService(st, clockwork.NewFakeClockAt(now), sim, box, lease.Config{}, lease.Deps{Notices: notify.NewOutbox(notify.Config{})})

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "due leases\tnot due\tseconds\tCPU seconds\tµs per lease\titems queued for reclaim\tnotices written\ttarget\t")
	var first float64
	for i, due := range []int{10_000, 100_000} {
		if err := seedLeases(ctx, st.DB, owner.ID, due, now.Add(-time.Minute), small.ID, i); err != nil {
			return err
		}
		// The bulk load sits in the WAL; a running server's leases would have been checkpointed.
		if _, err := st.DB.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return err
		}
		t0, cpu0 := time.Now(), cpuTime()
		n, err := svc.Expire(ctx, now)
		if err != nil {
			return err
		}
		secs := time.Since(t0).Seconds()
		cpu := (cpuTime() - cpu0).Seconds()
		if n != due {
			return fmt.Errorf("expired %d leases, want %d", n, due)
		}
		var rebuilding, notices int
		if err := st.DB.QueryRowContext(ctx, `SELECT count(*) FROM inventory_items WHERE status = 'REBUILDING'`).Scan(&rebuilding); err != nil {
			return err
		}
		if err := st.DB.QueryRowContext(ctx, `SELECT count(*) FROM notices WHERE kind = 'expired'`).Scan(&notices); err != nil {
			return err
		}
		target := ""
		if due == 100_000 {
			target = "< 4 s"
		}
		fmt.Fprintf(tw, "%d\t%d\t%.2f\t%.2f\t%.1f\t%d\t%d\t%s\t\n", due, notDue, secs, cpu, secs*1e6/float64(due), rebuilding, notices, target)
		if i == 0 {
			first = secs
		} else {
			fmt.Fprintf(tw, "ratio 100k / 10k\t\t%.1f×\t\t\t\t\tabout 10× when cost follows what is due\t\n", secs/first)
		}
		if _, err := st.DB.ExecContext(ctx, `UPDATE inventory_items SET status = 'AVAILABLE' WHERE status = 'REBUILDING'`); err != nil {
			return err
		}
		if _, err := st.DB.ExecContext(ctx, `DELETE FROM notices`); err != nil {
			return err
		}
	}
	return tw.Flush()
}

// seedLeases inserts n ACTIVE leases ending at endsAt with raw SQL (the product's own code paths
// are what is measured, not the seeding). With productID set, each lease holds one LEASED item
// through a vended allocation, and the stock counters are kept in step.
func seedLeases(ctx context.Context, db *sql.DB, ownerID, n int, endsAt time.Time, productID, round int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	insLease, err := tx.PrepareContext(ctx, `INSERT INTO leases (created_at, updated_at, status, owner_id, starts_at, ends_at,
		duration, awaiting_approval, request) VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, 0, '[{"sku":"4D.small","quantity":1}]')`)
	if err != nil {
		return err
	}
	var insItem, insAlloc *sql.Stmt
	if productID != 0 {
		if insItem, err = tx.PrepareContext(ctx, `INSERT INTO inventory_items (created_at, updated_at, name, labels, status,
			product_id, status_changed_at, reclaim_attempts) VALUES (?, ?, ?, '[]', 'LEASED', ?, ?, 0)`); err != nil {
			return err
		}
		if insAlloc, err = tx.PrepareContext(ctx, `INSERT INTO allocations (lease_id, item_id, owner_id, created_at, vended_at) VALUES (?, ?, ?, ?, ?)`); err != nil {
			return err
		}
	}
	started := endsAt.Add(-24 * time.Hour)
	for i := range n {
		res, err := insLease.ExecContext(ctx, started, started, ownerID, started, endsAt, int64(24*time.Hour))
		if err != nil {
			return err
		}
		if productID == 0 {
			continue
		}
		leaseID, _ := res.LastInsertId()
		res, err = insItem.ExecContext(ctx, started, started, fmt.Sprintf("due-%d-%06d", round, i), productID, started)
		if err != nil {
			return err
		}
		itemID, _ := res.LastInsertId()
		if _, err := insAlloc.ExecContext(ctx, leaseID, itemID, ownerID, started, started); err != nil {
			return err
		}
	}
	if productID != 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_counts (product_id, status, count) VALUES (?, 'LEASED', ?)
			ON CONFLICT (product_id, status, slot) DO UPDATE SET count = count + excluded.count`, productID, n); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// openDesign creates a database with the design's catalog and users and opens it.
func openDesign(ctx context.Context, db string) (*database.Store, error) {
	if _, err := seedDesign(ctx, db, 0); err != nil {
		return nil, err
	}
	return database.Open(ctx, db, database.Options{})
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
