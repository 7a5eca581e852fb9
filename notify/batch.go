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
	"github.com/hardcandy/hardcandy/ent/allocation"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/user"
)

// batchChunk bounds the leases loaded and the notices inserted by one statement.
const batchChunk = 500

// EnqueueOwners writes a notice of kind to the owner of each lease in ids, inside tx, with a
// constant number of statements per few hundred leases: the form for sweeps that end many leases
// at once (expire-leases). The kind must be one addressed to the owner.
func (o *Outbox) EnqueueOwners(ctx context.Context, tx *ent.Tx, now time.Time, kind string, ids []int, message string) error {
	switch kind {
	case KindExpired, KindVended, KindRejected, KindReturned:
	default:
		return apperr.New(apperr.InvalidArgument, "notice kind %q is not addressed to the lease owner", kind)
	}
	sys := database.System(ctx)
	now = now.UTC()
	for start := 0; start < len(ids); start += batchChunk {
		chunk := ids[start:min(start+batchChunk, len(ids))]
		// Only the columns a message shows: sweeps load thousands of leases, and whole rows
		// (request JSON, sealed credentials, labels, attributes) cost more than the notices.
		leases, err := tx.Lease.Query().Where(entlease.IDIn(chunk...)).
			Select(entlease.FieldID, entlease.FieldOwnerID, entlease.FieldRequest, entlease.FieldStartsAt,
				entlease.FieldEndsAt, entlease.FieldDuration, entlease.FieldStatus).
			WithOwner(func(q *ent.UserQuery) {
				q.Select(user.FieldID, user.FieldName, user.FieldEmail, user.FieldWebhookURL)
			}).
			WithAllocations(func(q *ent.AllocationQuery) {
				q.Select(allocation.FieldID, allocation.FieldLeaseID, allocation.FieldItemID).Order(ent.Asc(allocation.FieldID)).
					WithItem(func(q *ent.InventoryItemQuery) {
						q.Select(inventoryitem.FieldID, inventoryitem.FieldName, inventoryitem.FieldProductID).
							WithProduct(func(q *ent.ProductQuery) { q.Select(product.FieldID, product.FieldSku) })
					})
			}).All(sys)
		if err != nil {
			return fmt.Errorf("notice %s: load leases: %w", kind, err)
		}
		var creates []*ent.NoticeCreate
		for _, l := range leases {
			id := l.ID
			p := Payload{Kind: kind, LeaseID: &id, Message: message, At: now}
			describeLease(&p, l)
			body, err := json.Marshal(p)
			if err != nil {
				return fmt.Errorf("notice %s payload: %w", kind, err)
			}
			u := l.Edges.Owner
			for _, ch := range o.channels(u) {
				recipient := u.Name
				if ch == ChannelEmail {
					recipient = *u.Email
				}
				creates = append(creates, tx.Notice.Create().SetKind(kind).SetChannel(ch).SetRecipient(recipient).
					SetUserID(u.ID).SetPayload(body).SetCreatedAt(now).SetDeliverAfter(now).SetLeaseID(id))
			}
		}
		for c := range slices.Chunk(creates, batchChunk) {
			if err := tx.Notice.CreateBulk(c...).Exec(sys); err != nil {
				return database.Wrap(err, "write %s notices", kind)
			}
		}
	}
	return nil
}
