package lease

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/secret"
	"github.com/hardcandy/hardcandy/viewer"
)

// replicas is the bundle's service and, on Postgres, a second one on a store of its own over the
// same database, as a second replica would be. Storms spread their requests over them.
func replicas(t *testing.T) (*bundle, []*Service) {
	t.Helper()
	dsn := dbtest.DSN(t, "lease.db")
	b := setupAt(t, dsn)
	svcs := []*Service{b.svc}
	if database.IsPostgres(dsn) {
		st, err := database.Open(context.Background(), dsn, database.Options{})
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		box, err := secret.New(make([]byte, secret.KeySize))
		require.NoError(t, err)
		svcs = append(svcs, NewService(st, clockwork.NewFakeClockAt(b.clock.Now()), b.disp, box, Config{}, Deps{}))
	}
	return b, svcs
}

// limit sets the per-user limit on every replica.
func limit(svcs []*Service, n int) {
	for _, s := range svcs {
		s.cfg.MaxItemsPerUser = n
	}
}

// storm runs n requests at once, request i on replica i % len(svcs), and counts their outcomes:
// "" for success, else the error's code.
func storm(t *testing.T, svcs []*Service, n int, req func(i int, s *Service) error) map[string]int {
	t.Helper()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		codes = map[string]int{}
	)
	for i := range n {
		wg.Go(func() {
			err := req(i, svcs[i%len(svcs)])
			code := ""
			if err != nil {
				c, ok := apperr.As(err)
				if !ok {
					t.Errorf("request %d: %v", i, err)
					c = &apperr.Error{Code: "UNCODED"}
				}
				code = string(c.Code)
			}
			mu.Lock()
			codes[code]++
			mu.Unlock()
		})
	}
	wg.Wait()
	return codes
}

// held counts the unreleased allocations of the user named who.
func (b *bundle) held(t *testing.T, who string) int {
	t.Helper()
	v, _ := viewer.FromContext(b.as[who])
	n, err := b.client.Allocation.Query().Where(allocation.OwnerID(v.UserID), allocation.ReleasedAtIsNil()).
		Count(database.System(context.Background()))
	require.NoError(t, err)
	return n
}

// TestPerUserLimitUnderConcurrency: 50 vends at once by a user with a limit of 3 leave exactly 3
// items held and 47 POLICY_VIOLATION, on one store or spread over two replicas.
func TestPerUserLimitUnderConcurrency(t *testing.T) {
	t.Parallel()
	b, svcs := replicas(t)
	limit(svcs, 3)
	codes := storm(t, svcs, 50, func(_ int, s *Service) error {
		_, err := s.Vend(b.as["alice"], VendInput{SKU: sku("4D.small"), Duration: days(1)})
		return err
	})
	require.Equal(t, map[string]int{"": 3, string(apperr.PolicyViolation): 47}, codes)
	require.Equal(t, 3, b.held(t, "alice"))
	b.invariants(t)
}

// TestEntitlementUnderConcurrency: 40 users of a cost center entitled to 5 of a product vend one
// each at once: exactly 5 are held, 35 are POLICY_VIOLATION.
func TestEntitlementUnderConcurrency(t *testing.T) {
	t.Parallel()
	b, svcs := replicas(t)
	b.entitle(t, "ENG", "4D.small", 5)
	sys := database.System(context.Background())
	eng, err := b.client.CostCenter.Query().Where(costcenter.Code("ENG")).Only(sys)
	require.NoError(t, err)
	users := make([]context.Context, 40)
	for i := range users {
		u, err := b.client.User.Create().SetName(fmt.Sprintf("eng%02d", i)).SetRole(user.RoleUser).
			SetCostCenterID(eng.ID).Save(sys)
		require.NoError(t, err)
		users[i] = viewer.NewContext(context.Background(), viewer.Viewer{UserID: u.ID, Name: u.Name, Role: viewer.RoleUser, CostCenterID: eng.ID})
	}
	codes := storm(t, svcs, len(users), func(i int, s *Service) error {
		_, err := s.Vend(users[i], VendInput{SKU: sku("4D.small"), Duration: days(1)})
		return err
	})
	require.Equal(t, map[string]int{"": 5, string(apperr.PolicyViolation): 35}, codes)
	n, err := b.client.Allocation.Query().Where(allocation.ReleasedAtIsNil(),
		allocation.HasItemWith(inventoryitem.ProductID(b.productID(t, "4D.small")))).Count(sys)
	require.NoError(t, err)
	require.Equal(t, 5, n, "the cost center holds its entitlement, no more")
	b.invariants(t)
}

// TestExpandLimitUnderConcurrency: 20 expansions at once of a lease whose owner may hold 3 and
// holds 1 leave exactly 3 held.
func TestExpandLimitUnderConcurrency(t *testing.T) {
	t.Parallel()
	b, svcs := replicas(t)
	limit(svcs, 3)
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(1)})
	codes := storm(t, svcs, 20, func(_ int, s *Service) error {
		_, err := s.Expand(b.as["alice"], l.ID, []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 1}})
		return err
	})
	require.Equal(t, map[string]int{"": 2, string(apperr.PolicyViolation): 18}, codes)
	require.Equal(t, 3, b.held(t, "alice"))
	b.invariants(t)
}

// TestApproveLimitUnderConcurrency: six leases awaiting approval, approved at once, vend only as
// many as their owner may hold; the others stay awaiting approval.
func TestApproveLimitUnderConcurrency(t *testing.T) {
	t.Parallel()
	b, svcs := replicas(t)
	limit(svcs, 3)
	var pending []*ent.Lease
	for range 6 {
		pending = append(pending, b.vend(t, "alice", VendInput{SKU: sku("4D.large"), Duration: days(1)}))
	}
	codes := storm(t, svcs, len(pending), func(i int, s *Service) error {
		_, err := s.Approve(b.as[[]string{"manny", "admin"}[i%2]], pending[i].ID)
		return err
	})
	require.Equal(t, map[string]int{"": 3, string(apperr.PolicyViolation): 3}, codes)
	require.Equal(t, 3, b.held(t, "alice"))
	b.invariants(t)
}
