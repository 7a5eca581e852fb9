package billing

import (
	"context"
	"fmt"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/bill"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/visibility"
)

// A draft bill is never stored, so its global id is made of what identifies it: the cost center,
// the month and the currency, in a range of the id space no table uses (ent's tables take ranges
// of 2^32 from 0). Bits, above draftBase: cost center (its index in its table's range) from bit
// 30, the month (year×12 + month−1) from bit 15, the currency (three letters, base 26) below. The
// same draft keeps its id while the month runs, so a client store never merges two drafts.
const (
	draftBase     = 1 << 50
	draftMonthBit = 15
	draftCCBit    = 30
	maxDraftCC    = 1 << (50 - draftCCBit)
)

// DraftID is the global id of cost center ccID's draft bill of month ("2026-11") in currency, or
// 0 when one of them cannot be encoded (an id no draft can have).
func DraftID(ccID int, month, currency string) int {
	var y, m int
	if _, err := fmt.Sscanf(month, "%4d-%2d", &y, &m); err != nil || m < 1 || m > 12 || y < 1 {
		return 0
	}
	local := ccID - ent.TableStart(costcenter.Table)
	if local < 0 || local >= maxDraftCC || len(currency) != 3 {
		return 0
	}
	cur := 0
	for _, c := range currency {
		if c < 'A' || c > 'Z' {
			return 0
		}
		cur = cur*26 + int(c-'A')
	}
	return draftBase + local<<draftCCBit + (y*12+m-1)<<draftMonthBit + cur
}

// parseDraftID is the inverse of DraftID; ok is false for an id outside the drafts' range.
func parseDraftID(id int) (ccID int, month, currency string, ok bool) {
	if id < draftBase || id >= draftBase*2 {
		return 0, "", "", false
	}
	v := id - draftBase
	cur := v & (1<<draftMonthBit - 1)
	mi := v >> draftMonthBit & (1<<(draftCCBit-draftMonthBit) - 1)
	ccID = v>>draftCCBit + ent.TableStart(costcenter.Table)
	if cur >= 26*26*26 {
		return 0, "", "", false
	}
	b := []byte{byte('A' + cur/676), byte('A' + cur/26%26), byte('A' + cur%26)}
	return ccID, fmt.Sprintf("%04d-%02d", mi/12, mi%12+1), string(b), true
}

// Node returns the bill with global id id, draft or definitive, when the viewer may see it (a
// manager of its cost center, an admin); nil when id is not a bill's or not the viewer's.
func (s *Service) Node(ctx context.Context, id int) (*Bill, error) {
	if s == nil {
		return nil, nil
	}
	sys := database.System(ctx) // what the viewer may read is mayRead's to say
	if ccID, month, cur, ok := parseDraftID(id); ok {
		bills, err := s.monthBills(sys, ccID, month)
		if err != nil || bills == nil {
			return nil, err
		}
		for _, b := range bills {
			if b.Currency == cur && !b.Definitive {
				return b, nil
			}
		}
		return nil, nil // closed since (the definitive bill has an id of its own), or no such currency
	}
	if ent.TableOf(id) != bill.Table {
		return nil, nil
	}
	b, err := s.client.Bill.Query().Where(bill.ID(id), bill.Definitive(true)).WithLines().Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if !s.mayRead(ctx, b.CostCenterID) {
		return nil, nil
	}
	return fromStored(b), nil
}

// monthBills is Bills for a cost center by id, nil when the viewer may not read them.
func (s *Service) monthBills(ctx context.Context, ccID int, month string) ([]*Bill, error) {
	if !s.mayRead(ctx, ccID) {
		return nil, nil
	}
	cc, err := s.client.CostCenter.Get(ctx, ccID)
	if ent.IsNotFound(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return s.Bills(ctx, &cc.Code, &month)
}

// mayRead is the bills' visibility: admins, and managers of the cost center.
func (s *Service) mayRead(ctx context.Context, ccID int) bool {
	v, err := auth.Require(ctx)
	return err == nil && visibility.MayOversee(v, ccID)
}
