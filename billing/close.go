// Closing a period: writing the definitive bills of every month that has ended.

package billing

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/bill"
	"github.com/hardcandy/hardcandy/ent/order"
)

// closeHorizon bounds how many months one close run catches up.
const closeHorizon = 24

// Close writes the definitive bills of every month that has ended (in the configured zone) and
// has none yet, for every cost center with charges in it: the close-bills job. It is idempotent
// (a unique index makes a second definitive bill impossible) and catches up missed month-ends,
// at most closeHorizon months per run. It returns how many bills it wrote.
func (s *Service) Close(ctx context.Context, now time.Time) (int, error) {
	sys := database.System(ctx)
	first, err := s.client.Order.Query().Order(ent.Asc(order.FieldPeriodStart)).First(sys)
	if ent.IsNotFound(err) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	current := s.MonthOf(now)
	month := s.MonthOf(first.PeriodStart)
	written := 0
	for i := 0; i < closeHorizon && month < current; i++ {
		from, to, err := s.MonthRange(month)
		if err != nil {
			return written, err
		}
		n, err := s.closeMonth(sys, month, from, to, now)
		if err != nil {
			return written, fmt.Errorf("close %s: %w", month, err)
		}
		written += n
		month = s.MonthOf(to)
	}
	return written, nil
}

func (s *Service) closeMonth(ctx context.Context, month string, from, to, now time.Time) (int, error) {
	closed, err := s.client.Bill.Query().Where(bill.Month(month), bill.Definitive(true)).
		Select(bill.FieldCostCenterID, bill.FieldCurrency).All(ctx)
	if err != nil {
		return 0, err
	}
	done := map[string]bool{}
	for _, b := range closed {
		done[fmt.Sprint(b.CostCenterID, b.Currency)] = true
	}
	ccs, err := s.client.Order.Query().Where(order.PeriodStartLT(to), order.PeriodEndGT(from), order.CostCenterIDNotNil()).
		Unique(true).Select(order.FieldCostCenterID).Ints(ctx)
	if err != nil {
		return 0, err
	}
	written := 0
	for _, cc := range ccs {
		bills, err := s.draft(ctx, cc, month, from, to)
		if err != nil {
			return written, err
		}
		for _, b := range bills {
			if done[fmt.Sprint(cc, b.Currency)] {
				continue
			}
			err := s.store.Write(ctx, func(tx *database.Tx) error {
				row, err := tx.Bill.Create().SetCostCenterID(cc).SetMonth(month).SetDefinitive(true).
					SetTotal(b.Total).SetCurrency(b.Currency).SetCreatedAt(now).Save(ctx)
				if err != nil {
					return err
				}
				creates := make([]*ent.BillLineCreate, len(b.Lines))
				for i, l := range b.Lines {
					creates[i] = tx.BillLine.Create().SetBillID(row.ID).SetProductID(l.ProductID).
						SetNillableLeaseID(l.LeaseID).SetItemHours(l.ItemHours).SetAmount(l.Amount)
				}
				for start := 0; start < len(creates); start += 500 {
					if err := tx.BillLine.CreateBulk(creates[start:min(start+500, len(creates))]...).Exec(ctx); err != nil {
						return err
					}
				}
				return nil
			})
			if ent.IsConstraintError(err) {
				continue // another run closed it first
			}
			if err != nil {
				return written, err
			}
			written++
		}
	}
	return written, nil
}
