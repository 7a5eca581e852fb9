package graph

import (
	"github.com/hardcandy/hardcandy/leasefeed"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

// mayWatch says whether v receives e: the rule that decides who sees a lease (visibility.MaySee),
// so the live feed shows no one more than a query would.
func mayWatch(v viewer.Viewer, e leasefeed.Event) bool {
	h := visibility.Holding{OwnerID: e.OwnerID}
	if e.CostCenterID != 0 {
		h.CostCenterID = &e.CostCenterID
	}
	return visibility.MaySee(v, h)
}
