package visibility_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

func TestRule(t *testing.T) {
	t.Parallel()
	cc := func(id int) *int { return &id }
	var (
		admin   = viewer.Viewer{UserID: 1, Role: viewer.RoleAdmin, CostCenterID: 10}
		manager = viewer.Viewer{UserID: 2, Role: viewer.RoleManager, CostCenterID: 10}
		loner   = viewer.Viewer{UserID: 3, Role: viewer.RoleManager} // a manager of no cost center
		user    = viewer.Viewer{UserID: 4, Role: viewer.RoleUser, CostCenterID: 10}
	)
	tests := []struct {
		name                 string
		v                    viewer.Viewer
		h                    visibility.Holding
		see, decide, oversee bool
	}{
		{"admin, someone else's", admin, visibility.Holding{OwnerID: 9, CostCenterID: cc(20)}, true, true, true},
		{"admin, own", admin, visibility.Holding{OwnerID: 1, CostCenterID: cc(10)}, true, false, true},
		{"manager, own cost center", manager, visibility.Holding{OwnerID: 4, CostCenterID: cc(10)}, true, true, true},
		{"manager, own holding", manager, visibility.Holding{OwnerID: 2, CostCenterID: cc(10)}, true, false, true},
		{"manager, other cost center", manager, visibility.Holding{OwnerID: 9, CostCenterID: cc(20)}, false, false, false},
		{"manager, own holding charged elsewhere", manager, visibility.Holding{OwnerID: 2, CostCenterID: cc(20)}, true, false, false},
		{"manager, no cost center on it", manager, visibility.Holding{OwnerID: 9}, false, false, false},
		{"manager of none", loner, visibility.Holding{OwnerID: 9, CostCenterID: cc(0)}, false, false, false},
		{"user, own", user, visibility.Holding{OwnerID: 4, CostCenterID: cc(10)}, true, false, false},
		{"user, colleague's", user, visibility.Holding{OwnerID: 9, CostCenterID: cc(10)}, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.see, visibility.MaySee(tt.v, tt.h), "MaySee")
			require.Equal(t, tt.see, visibility.Of(tt.v).Includes(tt.h), "Includes")
			require.Equal(t, tt.decide, visibility.MayDecide(tt.v, tt.h), "MayDecide")
			cc := 0
			if tt.h.CostCenterID != nil {
				cc = *tt.h.CostCenterID
			}
			require.Equal(t, tt.oversee, visibility.MayOversee(tt.v, cc), "MayOversee")
		})
	}
}

func TestMayManage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		v    viewer.Viewer
		id   int
		want bool
	}{
		{"oneself", viewer.Viewer{UserID: 4, Role: viewer.RoleUser}, 4, true},
		{"someone else", viewer.Viewer{UserID: 4, Role: viewer.RoleUser}, 5, false},
		{"a manager, someone else", viewer.Viewer{UserID: 2, Role: viewer.RoleManager, CostCenterID: 10}, 4, false},
		{"an admin, anyone", viewer.Viewer{UserID: 1, Role: viewer.RoleAdmin}, 4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, visibility.MayManage(tt.v, tt.id))
		})
	}
}
