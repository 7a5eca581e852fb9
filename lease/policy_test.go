package lease

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/viewer"
)

func dur(d duration.Duration) *duration.Duration { return &d }

func planOf(products ...*ent.Product) *plan {
	p := &plan{}
	for _, pr := range products {
		p.billed = append(p.billed, line{product: pr, qty: 1})
	}
	return p
}

func TestDurationRules(t *testing.T) {
	t.Parallel()
	ruled := &ent.Product{Sku: "RULED", MinDuration: dur(days(1)), MaxDuration: dur(days(7)), DefaultDuration: dur(days(3))}
	short := &ent.Product{Sku: "SHORT", DefaultDuration: dur(days(2))}
	free := &ent.Product{Sku: "FREE"}
	tests := []struct {
		name string
		p    *plan
		d    duration.Duration
		want apperr.Code // "" when allowed
	}{
		{"within", planOf(ruled), days(3), ""},
		{"at min", planOf(ruled), days(1), ""},
		{"at max", planOf(ruled), days(7), ""},
		{"below min", planOf(ruled), days(1) - 1, apperr.PolicyViolation},
		{"above max", planOf(ruled), days(7) + 1, apperr.PolicyViolation},
		{"zero", planOf(free), 0, apperr.InvalidArgument},
		{"negative", planOf(free), -days(1), apperr.InvalidArgument},
		{"no rules", planOf(free), days(365), ""},
		{"second line's max", planOf(free, ruled), days(8), apperr.PolicyViolation},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := checkDuration(tc.p, tc.d)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.Equal(t, tc.want, apperr.CodeOf(err))
		})
	}
	defaults := []struct {
		name string
		p    *plan
		want duration.Duration
		code apperr.Code
	}{
		{"own default", planOf(ruled), days(3), ""},
		{"smallest default", planOf(ruled, short), days(2), ""},
		{"lines without a default skipped", planOf(free, short), days(2), ""},
		{"none", planOf(free), 0, apperr.InvalidArgument},
	}
	for _, tc := range defaults {
		t.Run("default "+tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := defaultDuration(tc.p)
			if tc.code != "" {
				require.Equal(t, tc.code, apperr.CodeOf(err))
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, d)
		})
	}
}

func TestExpansionRules(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	started, ends := now.Add(-4*duration.Day), now.Add(3*duration.Day) // 3 days left, 7 in all
	lease := &ent.Lease{ID: 1, StartsAt: &started, EndsAt: &ends}
	tests := []struct {
		name     string
		p        *ent.Product
		l        *ent.Lease
		override bool
		want     apperr.Code
	}{
		{"no rules", &ent.Product{Sku: "A"}, lease, false, ""},
		{"not started", &ent.Product{Sku: "A"}, &ent.Lease{ID: 2}, false, apperr.Conflict},
		{"min above what is left", &ent.Product{Sku: "A", MinDuration: dur(days(4))}, lease, false, apperr.PolicyViolation},
		{"min within what is left", &ent.Product{Sku: "A", MinDuration: dur(days(2))}, lease, false, ""},
		{"max below what is left", &ent.Product{Sku: "A", MaxDuration: dur(days(2))}, lease, false, apperr.PolicyViolation},
		{"max below what is left, overridden", &ent.Product{Sku: "A", MaxDuration: dur(days(2))}, lease, true, apperr.PolicyViolation},
		{"lifetime below the span", &ent.Product{Sku: "A", MaxLifetime: dur(days(5))}, lease, false, apperr.PolicyViolation},
		{"lifetime below the span, overridden", &ent.Product{Sku: "A", MaxLifetime: dur(days(5))}, lease, true, ""},
		{"lifetime above the span", &ent.Product{Sku: "A", MaxLifetime: dur(days(8))}, lease, false, ""},
		{"total beyond bounds", &ent.Product{Sku: "A", PricePerDay: 1 << 62}, lease, false, apperr.InvalidArgument},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := checkExpansion(planOf(tc.p), tc.l, now, tc.override)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.Equal(t, tc.want, apperr.CodeOf(err))
		})
	}
}

func TestWhoMaySeeAndDecide(t *testing.T) {
	t.Parallel()
	cc, other := 7, 8
	const ownerID = 1
	l := &ent.Lease{OwnerID: ownerID, CostCenterID: &cc}
	noCC := &ent.Lease{OwnerID: ownerID}
	tests := []struct {
		name        string
		v           viewer.Viewer
		l           *ent.Lease
		see, decide bool
	}{
		{"owner", viewer.Viewer{UserID: ownerID, Role: viewer.RoleUser, CostCenterID: cc}, l, true, false},
		{"owner who manages the cost center", viewer.Viewer{UserID: ownerID, Role: viewer.RoleManager, CostCenterID: cc}, l, true, false},
		{"owner who is an admin", viewer.Viewer{UserID: ownerID, Role: viewer.RoleAdmin}, l, true, false},
		{"manager of the cost center", viewer.Viewer{UserID: 2, Role: viewer.RoleManager, CostCenterID: cc}, l, true, true},
		{"manager of another cost center", viewer.Viewer{UserID: 2, Role: viewer.RoleManager, CostCenterID: other}, l, false, false},
		{"manager, lease without cost center", viewer.Viewer{UserID: 2, Role: viewer.RoleManager}, noCC, false, false},
		{"user of the cost center", viewer.Viewer{UserID: 3, Role: viewer.RoleUser, CostCenterID: cc}, l, false, false},
		{"admin", viewer.Viewer{UserID: 4, Role: viewer.RoleAdmin}, l, true, true},
		{"admin, lease without cost center", viewer.Viewer{UserID: 4, Role: viewer.RoleAdmin}, noCC, true, true},
		{"stranger", viewer.Viewer{UserID: 5, Role: viewer.RoleUser}, l, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.see, visible(tc.v, tc.l), "see (and act)")
			require.Equal(t, tc.decide, mayOverride(tc.v, tc.l), "decide")
		})
	}
}

func TestWhoMayUseAProduct(t *testing.T) {
	t.Parallel()
	cc := 7
	alice, ccp := 1, &cc
	catalogProduct := &ent.Product{Sku: "CAT"}
	forAlice := &ent.Product{Sku: "MINE", Custom: true, CustomForID: &alice, CustomCostCenterID: ccp}
	forNobody := &ent.Product{Sku: "ORPHAN", Custom: true}
	tests := []struct {
		name string
		v    viewer.Viewer
		p    *ent.Product
		want bool
	}{
		{"anyone, catalog", viewer.Viewer{UserID: 9, Role: viewer.RoleUser}, catalogProduct, true},
		{"requester, custom", viewer.Viewer{UserID: alice, Role: viewer.RoleUser, CostCenterID: cc}, forAlice, true},
		{"manager of the cost center, custom", viewer.Viewer{UserID: 2, Role: viewer.RoleManager, CostCenterID: cc}, forAlice, true},
		{"manager of another, custom", viewer.Viewer{UserID: 2, Role: viewer.RoleManager, CostCenterID: 8}, forAlice, false},
		{"colleague, custom", viewer.Viewer{UserID: 3, Role: viewer.RoleUser, CostCenterID: cc}, forAlice, false},
		{"admin, custom", viewer.Viewer{UserID: 4, Role: viewer.RoleAdmin}, forAlice, true},
		{"admin, custom for nobody", viewer.Viewer{UserID: 4, Role: viewer.RoleAdmin}, forNobody, true},
		{"manager, custom for nobody", viewer.Viewer{UserID: 2, Role: viewer.RoleManager, CostCenterID: cc}, forNobody, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, mayUse(tc.v, tc.p))
		})
	}
}

func TestNeedsApproval(t *testing.T) {
	t.Parallel()
	plain, gated := &ent.Product{Sku: "A"}, &ent.Product{Sku: "B", RequiresApproval: true}
	require.False(t, planOf(plain).needsApproval())
	require.True(t, planOf(gated).needsApproval())
	require.True(t, planOf(plain, gated).needsApproval())
}

// TestLimits: the per-user limit (3 here) and a cost center's entitlement (ENG may hold two
// 4D.small) refuse the vend that would exceed them with POLICY_VIOLATION, count what is held
// by anyone of the cost center, spare other products and cost centers, and free up when a
// lease ends. A refused vend changes nothing.
func TestLimits(t *testing.T) {
	t.Parallel()
	type step struct {
		who      string
		sku      string
		qty      int
		want     apperr.Code // "" for granted
		msg      string
		giveBack bool // return the step's lease (the last granted one)
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"under the per-user limit", []step{{who: "bob", sku: "3A.small", qty: 2}, {who: "bob", sku: "3A.small", qty: 1}}},
		{"over the per-user limit", []step{{who: "bob", sku: "3A.small", qty: 3},
			{who: "bob", sku: "3A.small", qty: 1, want: apperr.PolicyViolation, msg: "per-user limit: bob holds 3 items and asks for 1 more; the limit is 3"}}},
		{"over the per-user limit at once", []step{{who: "bob", sku: "3A.small", qty: 4, want: apperr.PolicyViolation, msg: "per-user limit"}}},
		{"a returned lease frees the per-user limit", []step{{who: "bob", sku: "3A.small", qty: 3, giveBack: true}, {who: "bob", sku: "4D.small", qty: 3}}},
		{"the entitlement is the cost center's, whoever holds", []step{{who: "alice", sku: "4D.small", qty: 1}, {who: "manny", sku: "4D.small", qty: 1},
			{who: "alice", sku: "4D.small", qty: 1, want: apperr.PolicyViolation, msg: "entitlement: cost center ENG may hold 2 of 4D.small and holds 2; 1 more would exceed it"}}},
		{"the entitlement binds admins too", []step{{who: "alice", sku: "4D.small", qty: 2},
			{who: "admin", sku: "4D.small", qty: 1, want: apperr.PolicyViolation, msg: "entitlement"}}},
		{"other cost centers are not bound", []step{{who: "alice", sku: "4D.small", qty: 2}, {who: "bob", sku: "4D.small", qty: 2}}},
		{"other products are not bound", []step{{who: "alice", sku: "4D.small", qty: 2}, {who: "manny", sku: "3A.small", qty: 1}}},
		{"a returned lease frees the entitlement", []step{{who: "alice", sku: "4D.small", qty: 2, giveBack: true}, {who: "manny", sku: "4D.small", qty: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			b.svc.cfg.MaxItemsPerUser = 3
			b.entitle(t, "ENG", "4D.small", 2)
			for i, st := range tt.steps {
				before := b.leaseCount(t)
				l, err := b.svc.Vend(b.as[st.who], VendInput{Lines: []*schematype.LeaseLine{{SKU: st.sku, Quantity: st.qty}}, Duration: days(1)})
				if st.want != "" {
					require.Equal(t, st.want, apperr.CodeOf(err), "step %d: %v", i, err)
					require.ErrorContains(t, err, st.msg)
					require.Equal(t, before, b.leaseCount(t), "step %d: a refusal writes no lease", i)
					continue
				}
				require.NoError(t, err, "step %d", i)
				if st.giveBack {
					_, err := b.svc.Return(b.as[st.who], l.ID)
					require.NoError(t, err)
				}
			}
			b.invariants(t)
		})
	}
}
