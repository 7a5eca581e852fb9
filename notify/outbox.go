package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/user"
)

// Outbox writes notices in the transaction of the change that causes them, so a notice exists
// exactly when the change committed; delivery happens later, outside any transaction.
type Outbox struct {
	cfg Config
}

// NewOutbox returns an outbox that picks channels by cfg.
func NewOutbox(cfg Config) *Outbox { return &Outbox{cfg: cfg.withDefaults()} }

// Enqueue writes one notice per recipient and channel inside tx.
//
// Recipients, when ev.UserIDs is empty: the lease owner for expiring, expired, vended, rejected
// and returned; the managers of the lease's cost center for approval-needed, or every admin when
// it has none; every admin for reclaim-failed; nobody for reclaimed (an item event records it).
//
// Channels per recipient: email when SMTP is configured and the user has an address, webhook when
// the user or the configuration has a webhook URL, otherwise log.
//
// Expiring notices carry the dedupe key "expiring:<lease>:<threshold>@<end>:<user>:<channel>"
// and are written once per end: a repeated one is skipped without failing tx, and a lease whose
// end moved (an extension) is warned again before its new end.
//
// ctx is the calling flow's, lifted past the read policies (auth.Authorized): the outbox is
// bookkeeping of a change the caller already authorized, and reads the owner, managers and
// admins whoever they are.
func (o *Outbox) Enqueue(ctx context.Context, tx *database.Tx, now time.Time, ev Event) error {
	_, err := o.enqueue(ctx, tx, now, ev)
	return err
}

// enqueue is Enqueue reporting how many notices it wrote.
func (o *Outbox) enqueue(sys context.Context, tx *database.Tx, now time.Time, ev Event) (int, error) {
	if !slices.Contains(kinds, ev.Kind) {
		return 0, apperr.New(apperr.InvalidArgument, "notice kind %q is unknown", ev.Kind)
	}
	if ev.Kind == KindExpiring && (ev.LeaseID == nil || ev.Threshold == "") {
		return 0, apperr.New(apperr.InvalidArgument, "an expiring notice needs a lease and a threshold")
	}
	now = now.UTC()
	p := Payload{Kind: ev.Kind, LeaseID: ev.LeaseID, ItemID: ev.ItemID, Threshold: ev.Threshold,
		Message: ev.Message, By: ev.By, At: now}
	l := ev.Lease
	if l != nil {
		p.LeaseID = &l.ID
		describeLease(&p, l)
	} else if ev.LeaseID != nil {
		var err error
		l, err = tx.Lease.Query().Where(entlease.ID(*ev.LeaseID)).WithOwner().
			WithAllocations(func(q *ent.AllocationQuery) {
				q.Order(ent.Asc(allocation.FieldID)).WithItem(func(q *ent.InventoryItemQuery) { q.WithProduct() })
			}).Only(sys)
		if err != nil {
			return 0, database.Wrap(err, "notice %s: lease %d", ev.Kind, *ev.LeaseID)
		}
		describeLease(&p, l)
	}
	if ev.ItemID != nil {
		it, err := tx.InventoryItem.Query().Where(inventoryitem.ID(*ev.ItemID)).WithProduct().Only(sys)
		if err != nil {
			return 0, database.Wrap(err, "notice %s: item %d", ev.Kind, *ev.ItemID)
		}
		if !slices.ContainsFunc(p.Items, func(i Item) bool { return i.ID == it.ID }) {
			p.Items = append(p.Items, itemOf(it))
		}
	}
	users, err := o.recipients(sys, tx, ev, l)
	if err != nil {
		return 0, err
	}
	if len(users) == 0 {
		return 0, nil
	}
	body, err := json.Marshal(p)
	if err != nil {
		return 0, fmt.Errorf("notice %s payload: %w", ev.Kind, err)
	}

	type row struct {
		u                  *ent.User
		channel, recipient string
		key                string
	}
	var rows []row
	for _, u := range users {
		for _, ch := range o.channels(u) {
			r := row{u: u, channel: ch, recipient: u.Name}
			if ch == ChannelEmail {
				r.recipient = *u.Email
			}
			if ev.Kind == KindExpiring {
				r.key = ExpiringKey(*ev.LeaseID, endOf(l), ev.Threshold, u.ID, ch)
			}
			rows = append(rows, r)
		}
	}
	// Skip expiring notices written before. On SQLite tx holds the write lock, so no one can slip
	// the same key in between the check and the insert; on Postgres the lease's row lock keeps
	// them apart, and the insert skips keys that exist all the same.
	var keys []string
	for _, r := range rows {
		if r.key != "" {
			keys = append(keys, r.key)
		}
	}
	if len(keys) > 0 {
		// Expiring notices are about one lease: holding its row makes a concurrent run on
		// another replica wait here, then find the keys this one wrote.
		if _, err := tx.Lease.Query().Where(entlease.ID(*ev.LeaseID), database.LockRows()).IDs(sys); err != nil {
			return 0, fmt.Errorf("notice %s: lock lease: %w", ev.Kind, err)
		}
		have, err := tx.Notice.Query().Where(notice.DedupeKeyIn(keys...)).Select(notice.FieldDedupeKey).Strings(sys)
		if err != nil {
			return 0, fmt.Errorf("notice %s: check dedupe keys: %w", ev.Kind, err)
		}
		rows = slices.DeleteFunc(rows, func(r row) bool { return slices.Contains(have, r.key) })
	}
	if len(rows) == 0 {
		return 0, nil
	}
	creates := make([]*ent.NoticeCreate, 0, len(rows))
	for _, r := range rows {
		c := tx.Notice.Create().SetKind(ev.Kind).SetChannel(r.channel).SetRecipient(r.recipient).
			SetUserID(r.u.ID).SetPayload(body).SetCreatedAt(now).SetDeliverAfter(now).SetNillableLeaseID(ev.LeaseID)
		if r.key != "" {
			c.SetDedupeKey(r.key)
		}
		creates = append(creates, c)
	}
	if err := tx.Notice.CreateBulk(creates...).OnConflictColumns(notice.FieldDedupeKey).DoNothing().Exec(sys); err != nil {
		return 0, database.Wrap(err, "write %s notices", ev.Kind)
	}
	return len(rows), nil
}

// ExpiringKey is the dedupe key of an expiring notice: one per lease, end, threshold, person and
// channel. The end is in Unix seconds.
func ExpiringKey(leaseID int, end time.Time, threshold string, userID int, channel string) string {
	return fmt.Sprintf("%s%s@%d:%d:%s", expiringPrefix(leaseID), threshold, end.Unix(), userID, channel)
}

// endOf is a lease's end, or the zero time.
func endOf(l *ent.Lease) time.Time {
	if l == nil || l.EndsAt == nil {
		return time.Time{}
	}
	return *l.EndsAt
}

// expiringPrefix starts every expiring key of a lease.
func expiringPrefix(leaseID int) string { return fmt.Sprintf("%s:%d:", KindExpiring, leaseID) }

// recipients returns who hears about ev, in id order.
func (o *Outbox) recipients(ctx context.Context, tx *database.Tx, ev Event, l *ent.Lease) ([]*ent.User, error) {
	q := tx.User.Query().Order(ent.Asc(user.FieldID))
	switch {
	case len(ev.UserIDs) > 0:
		ids := slices.Compact(slices.Sorted(slices.Values(ev.UserIDs)))
		users, err := q.Where(user.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("notice %s recipients: %w", ev.Kind, err)
		}
		if len(users) != len(ids) {
			return nil, apperr.New(apperr.NotFound, "notice %s: some of users %v do not exist", ev.Kind, ids)
		}
		return users, nil
	case ev.Kind == KindReclaimed:
		return nil, nil
	case ev.Kind == KindReclaimFailed:
		return admins(ctx, tx, ev.Kind)
	case l == nil:
		return nil, apperr.New(apperr.InvalidArgument, "a %s notice needs a lease or recipients", ev.Kind)
	case ev.Kind == KindApprovalNeeded:
		if l.CostCenterID != nil {
			managers, err := q.Where(user.RoleEQ(user.RoleManager), user.CostCenterID(*l.CostCenterID)).All(ctx)
			if err != nil {
				return nil, fmt.Errorf("notice %s: managers: %w", ev.Kind, err)
			}
			if len(managers) > 0 {
				return managers, nil
			}
		}
		// Someone must decide; with no manager for the cost center, admins can.
		return admins(ctx, tx, ev.Kind)
	case ev.Kind == KindExtensionApprovalNeeded:
		// As approval-needed, less the owner: nobody decides their own extension.
		if l.CostCenterID != nil {
			managers, err := q.Clone().Where(user.RoleEQ(user.RoleManager), user.CostCenterID(*l.CostCenterID), user.IDNEQ(l.OwnerID)).All(ctx)
			if err != nil {
				return nil, fmt.Errorf("notice %s: managers: %w", ev.Kind, err)
			}
			if len(managers) > 0 {
				return managers, nil
			}
		}
		return q.Where(user.RoleEQ(user.RoleAdmin), user.IDNEQ(l.OwnerID)).All(ctx)
	case ev.Kind == KindBookingShort:
		return q.Where(user.Or(user.ID(l.OwnerID), user.RoleEQ(user.RoleAdmin))).All(ctx)
	}
	return []*ent.User{l.Edges.Owner}, nil
}

func admins(ctx context.Context, tx *database.Tx, kind string) ([]*ent.User, error) {
	users, err := tx.User.Query().Where(user.RoleEQ(user.RoleAdmin)).Order(ent.Asc(user.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("notice %s: admins: %w", kind, err)
	}
	return users, nil
}

// channels returns the channels u is reached on; never none, so a notice is never dropped.
func (o *Outbox) channels(u *ent.User) []string {
	var out []string
	if o.cfg.emailEnabled() && u.Email != nil && strings.TrimSpace(*u.Email) != "" {
		out = append(out, ChannelEmail)
	}
	if (u.WebhookURL != nil && *u.WebhookURL != "") || o.cfg.Webhook.URL != "" {
		out = append(out, ChannelWebhook)
	}
	if len(out) == 0 {
		out = append(out, ChannelLog)
	}
	return out
}

// describeLease fills p from l (loaded with owner and allocations' items and products).
func describeLease(p *Payload, l *ent.Lease) {
	if o := l.Edges.Owner; o != nil {
		p.Owner = o.Name
	}
	for _, a := range l.Edges.Allocations {
		if it := a.Edges.Item; it != nil {
			p.Items = append(p.Items, itemOf(it))
		}
	}
	for _, r := range l.Request {
		p.Lines = append(p.Lines, Line{SKU: r.SKU, Quantity: r.Quantity})
	}
	p.StartsAt = utc(l.StartsAt)
	p.EndsAt = utc(l.EndsAt)
	if l.Duration > 0 {
		p.Duration = l.Duration.String()
	}
	p.Status = string(l.Status)
}

func itemOf(it *ent.InventoryItem) Item {
	i := Item{ID: it.ID, Name: it.Name}
	if pr := it.Edges.Product; pr != nil {
		i.SKU = pr.Sku
	}
	return i
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
