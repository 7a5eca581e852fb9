package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/viewer"
)

// usage measures the showback report for one month over n leases, each with one allocation and
// one order, spread over three months.
func usage(ctx context.Context, dir string, n int) error {
	fmt.Printf("\nThe usage report for one month (billing.Service.Usage) over %d allocations and orders spread over 3 months:\n\n", n)
	st, err := openDesign(ctx, filepath.Join(dir, "usage.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	sys := database.System(ctx)
	admin, err := st.Client.User.Query().Where(user.Name("admin")).Only(sys)
	if err != nil {
		return err
	}
	users, err := st.Client.User.Query().Limit(50).All(sys)
	if err != nil {
		return err
	}
	prods, err := st.Client.Product.Query().Where(product.ComponentsBagIDIsNil()).All(sys)
	if err != nil {
		return err
	}
	items, err := st.Client.InventoryItem.Query().IDs(sys)
	if err != nil {
		return err
	}
	start := time.Now()
	tx, err := st.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	prep := func(q string) (func(args ...any) (int64, error), error) {
		s, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		return func(args ...any) (int64, error) {
			r, err := s.ExecContext(ctx, args...)
			if err != nil {
				return 0, err
			}
			return r.LastInsertId()
		}, nil
	}
	insLease, err := prep(`INSERT INTO leases (created_at, updated_at, status, owner_id, cost_center_id, starts_at, ends_at, ended_at,
		duration, awaiting_approval, request) VALUES (?, ?, 'EXPIRED', ?, ?, ?, ?, ?, ?, 0, '[]')`)
	if err != nil {
		return err
	}
	insAlloc, err := prep(`INSERT INTO allocations (lease_id, item_id, owner_id, created_at, vended_at, released_at) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	insBag, err := prep(`INSERT INTO bags (created_at, updated_at) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	insStack, err := prep(`INSERT INTO stacks (bag_id, product_id, quantity, price, currency, created_at, updated_at) VALUES (?, ?, 1, ?, 'USD', ?, ?)`)
	if err != nil {
		return err
	}
	insOrder, err := prep(`INSERT INTO orders (kind, lease_id, cost_center_id, user_id, contents_bag_id, period_start, period_end, created_at)
		VALUES ('VEND', ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		u := users[rng.IntN(len(users))]
		p := prods[rng.IntN(len(prods))]
		s := base.Add(time.Duration(rng.Int64N(int64(88 * 24 * time.Hour))))
		d := time.Duration(1+rng.IntN(7)) * 24 * time.Hour
		e := s.Add(d)
		ended := e
		if rng.IntN(4) == 0 { // a quarter are returned early
			ended = s.Add(d / 2)
		}
		leaseID, err := insLease(s, s, u.ID, u.CostCenterID, s, e, ended, int64(d))
		if err != nil {
			return err
		}
		if _, err := insAlloc(leaseID, items[i%len(items)], u.ID, s, s, ended); err != nil {
			return err
		}
		bagID, err := insBag(s, s)
		if err != nil {
			return err
		}
		if _, err := insStack(bagID, p.ID, p.PricePerDay*int(d/(24*time.Hour)), s, s); err != nil {
			return err
		}
		if _, err := insOrder(leaseID, u.CostCenterID, u.ID, bagID, s, e, s); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "seeded %d leases with allocations and orders in %s\n", n, time.Since(start).Round(time.Millisecond))
	// A server writes these over months, checkpointed as it goes; the bulk load leaves them all
	// in the WAL. Measure the report on the database as a running server would have it.
	if _, err := st.DB.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return err
	}

	svc, err := billing.NewService(st, clockwork.NewRealClock(), billing.Config{})
	if err != nil {
		return err
	}
	actx := viewer.NewContext(ctx, viewer.Viewer{UserID: admin.ID, Name: admin.Name, Role: viewer.RoleAdmin})
	from, to, _ := svc.MonthRange("2026-11")
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "grouping\tallocations\trows\tseconds\ttarget\t")
	for _, by := range []billing.Grouping{billing.ByCostCenter, billing.ByUser, billing.ByProduct} {
		t0 := time.Now()
		rows, err := svc.Usage(actx, from, to, by)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%s\t\n", by, n, len(rows), time.Since(t0).Seconds(), "< 2 s")
	}
	return tw.Flush()
}
