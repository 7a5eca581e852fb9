// Cost-center entitlements: how many of a product a cost center may hold at once.

package billing

import (
	"context"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/ent/product"
)

// SetEntitlement sets how many of a product a cost center may hold at once; 0 removes the
// entitlement. Only admins may.
func (s *Service) SetEntitlement(ctx context.Context, code, sku string, quantity int) (*ent.CostCenter, error) {
	_, sys, err := auth.AuthorizedAdmin(ctx, "setEntitlement")
	if err != nil {
		return nil, err
	}
	if quantity < 0 {
		return nil, apperr.New(apperr.InvalidArgument, "quantity: an entitlement cannot be negative, got %d", quantity)
	}
	now := s.clock.Now().UTC()
	err = s.store.Write(sys, func(tx *database.Tx) error {
		cc, err := tx.CostCenter.Query().Where(costcenter.Code(code)).Only(sys)
		if err != nil {
			return database.Wrap(err, "cost center %q", code)
		}
		p, err := tx.Product.Query().Where(product.Sku(sku)).Only(sys)
		if err != nil {
			return database.Wrap(err, "product %q", sku)
		}
		current := &bag.Bag{}
		if cc.EntitlementsBagID != nil {
			if current, err = bag.Load(sys, tx.Client(), *cc.EntitlementsBagID); err != nil {
				return err
			}
		}
		next := &bag.Bag{}
		for _, st := range current.Stacks() {
			if st.ProductID != p.ID {
				next.Add(st)
			}
		}
		next.Add(bag.Stack{ProductID: p.ID, Quantity: quantity})
		if err := next.RequireNonNegative("entitlement"); err != nil {
			return err
		}
		if cc.EntitlementsBagID != nil {
			return bag.Replace(sys, tx.Client(), *cc.EntitlementsBagID, next, now)
		}
		id, err := bag.Save(sys, tx.Client(), next, now)
		if err != nil {
			return err
		}
		return tx.CostCenter.UpdateOneID(cc.ID).SetEntitlementsBagID(id).Exec(sys)
	})
	if err != nil {
		return nil, err
	}
	return s.client.CostCenter.Query().Where(costcenter.Code(code)).Only(sys)
}
