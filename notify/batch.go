package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/user"
)

// batchChunk bounds the leases loaded and the notices inserted by one statement.
const batchChunk = 500

// EnqueueOwners writes a notice of kind to the owner of each of leases, inside tx, with a
// constant number of statements per few hundred leases: the form for sweeps that end many leases
// at once (expire-leases). The caller has loaded the leases with what a notice describes (the
// request, start, end, duration and status, and the allocations with their items and products),
// so nothing is read twice; owners are read here, once each. The kind must be one addressed to
// the owner. sys is the calling flow's context, lifted, as for Enqueue.
func (o *Outbox) EnqueueOwners(sys context.Context, tx *database.Tx, now time.Time, kind string, leases []*ent.Lease, message string) error {
	switch kind {
	case KindExpired, KindVended, KindRejected, KindReturned:
	default:
		return apperr.New(apperr.InvalidArgument, "notice kind %q is not addressed to the lease owner", kind)
	}
	now = now.UTC()
	var ownerIDs []int
	seen := map[int]bool{}
	for _, l := range leases {
		if !seen[l.OwnerID] {
			seen[l.OwnerID] = true
			ownerIDs = append(ownerIDs, l.OwnerID)
		}
	}
	owners := make(map[int]*ent.User, len(ownerIDs))
	for chunk := range slices.Chunk(ownerIDs, batchChunk) {
		us, err := tx.User.Query().Where(user.IDIn(chunk...)).
			Select(user.FieldID, user.FieldName, user.FieldEmail, user.FieldWebhookURL).All(sys)
		if err != nil {
			return fmt.Errorf("notice %s: load owners: %w", kind, err)
		}
		for _, u := range us {
			owners[u.ID] = u
		}
	}
	var rows [][]any
	for _, l := range leases {
		u := owners[l.OwnerID]
		if u == nil {
			return fmt.Errorf("notice %s: lease %d: owner %d not found", kind, l.ID, l.OwnerID)
		}
		id := l.ID
		p := Payload{Kind: kind, LeaseID: &id, Message: message, At: now, Owner: u.Name}
		describeLease(&p, l)
		body, err := json.Marshal(p)
		if err != nil {
			return fmt.Errorf("notice %s payload: %w", kind, err)
		}
		for _, ch := range o.channels(u) {
			recipient := u.Name
			if ch == ChannelEmail {
				recipient = *u.Email
			}
			// The same row as a Notice create, without a builder per notice.
			rows = append(rows, []any{kind, ch, recipient, u.ID, body, now, now, 0, id})
		}
	}
	err := database.InsertRows(sys, tx, notice.Table, []string{notice.FieldKind, notice.FieldChannel, notice.FieldRecipient,
		notice.FieldUserID, notice.FieldPayload, notice.FieldCreatedAt, notice.FieldDeliverAfter, notice.FieldAttempts,
		notice.FieldLeaseID}, rows)
	if err != nil {
		return database.Wrap(err, "write %s notices", kind)
	}
	return nil
}
