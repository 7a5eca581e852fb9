package lease

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/extensionrequest"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/notify"
)

// noticesTo returns the recipients' names of the lease's notices of kind, with their payloads.
func (b *bundle) noticesTo(t *testing.T, leaseID int, kind string) (names []string, payloads []notify.Payload) {
	t.Helper()
	ns, err := b.client.Notice.Query().Where(notice.LeaseID(leaseID), notice.Kind(kind)).
		Order(ent.Asc(notice.FieldID)).All(database.System(context.Background()))
	require.NoError(t, err)
	for _, n := range ns {
		names = append(names, n.Recipient)
		var p notify.Payload
		require.NoError(t, json.Unmarshal(n.Payload, &p))
		payloads = append(payloads, p)
	}
	return names, payloads
}

// TestExtensionRequestApproved: beyond policy the owner's extend asks; the lease keeps its end;
// the cost center's manager hears of it, approves, the end moves with an order, the owner is told.
func TestExtensionRequestApproved(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(7)})

	asked, err := b.svc.Extend(b.as["alice"], l.ID, days(90))
	require.NoError(t, err)
	require.Equal(t, Active, asked.Status)
	require.Equal(t, l.EndsAt.UTC(), asked.EndsAt.UTC())
	require.Equal(t, []string{"VEND"}, b.orderKinds(t, l.ID), "nothing is billed before the approval")
	open, err := b.svc.OpenExtensionRequest(b.as["alice"], asked)
	require.NoError(t, err)
	require.Equal(t, RequestOpen, open.Status)
	require.Equal(t, days(90), open.By)

	to, payloads := b.noticesTo(t, l.ID, notify.KindExtensionApprovalNeeded)
	require.Equal(t, []string{"manny"}, to, "the cost center's managers decide")
	require.Equal(t, "90d", payloads[0].By)
	require.Contains(t, notify.Subject(payloads[0]), "Extending lease")

	// One open request per lease; the owner waits for it, even within policy.
	_, err = b.svc.Extend(b.as["alice"], l.ID, days(1))
	require.ErrorIs(t, err, apperr.Conflict)
	require.ErrorContains(t, err, "awaiting a decision")

	// What each may see and decide.
	for who, want := range map[string]int{"alice": 1, "manny": 1, "admin": 1, "bob": 0} {
		list, err := b.svc.ExtensionRequests(b.as[who], nil)
		require.NoError(t, err)
		require.Len(t, list, want, who)
	}
	require.False(t, b.svc.MayDecideExtension(b.as["alice"], open))
	require.True(t, b.svc.MayDecideExtension(b.as["manny"], open))
	_, err = b.svc.ApproveExtension(b.as["bob"], open.ID)
	require.ErrorIs(t, err, apperr.NotFound)
	_, err = b.svc.ApproveExtension(b.as["alice"], open.ID)
	require.ErrorIs(t, err, apperr.Forbidden)

	b.clock.Advance(time.Hour)
	done, err := b.svc.ApproveExtension(b.as["manny"], open.ID)
	require.NoError(t, err)
	require.Equal(t, RequestApproved, done.Status)
	require.Equal(t, "manny", *done.DecidedBy)
	require.Equal(t, l.EndsAt.Add(90*duration.Day).UTC(), b.lease(t, l.ID).EndsAt.UTC())
	require.Equal(t, []string{"VEND", "EXTEND"}, b.orderKinds(t, l.ID))
	to, payloads = b.noticesTo(t, l.ID, notify.KindExtensionApproved)
	require.Equal(t, []string{"alice"}, to)
	require.Equal(t, l.EndsAt.Add(90*duration.Day).UTC(), payloads[0].EndsAt.UTC(), "the notice names the new end")

	_, err = b.svc.ApproveExtension(b.as["admin"], open.ID)
	require.ErrorIs(t, err, apperr.Conflict, "decided once")
	cur, err := b.svc.OpenExtensionRequest(b.as["alice"], b.lease(t, l.ID))
	require.NoError(t, err)
	require.Nil(t, cur)
	b.invariants(t)
}

// TestExtensionRequestRejected: a rejection needs a reason, keeps the end and tells the owner why;
// the owner may then ask again.
func TestExtensionRequestRejected(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.with(Deps{Notices: notify.NewOutbox(notify.Config{})})
	l := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(7)})
	asked, err := b.svc.Extend(b.as["alice"], l.ID, days(100))
	require.NoError(t, err)
	open, err := b.svc.OpenExtensionRequest(b.as["alice"], asked)
	require.NoError(t, err)

	_, err = b.svc.RejectExtension(b.as["admin"], open.ID, "  ")
	require.ErrorIs(t, err, apperr.InvalidArgument)
	done, err := b.svc.RejectExtension(b.as["admin"], open.ID, "the lab is needed in January")
	require.NoError(t, err)
	require.Equal(t, RequestRejected, done.Status)
	require.Equal(t, "the lab is needed in January", *done.Reason)
	require.Equal(t, l.EndsAt.UTC(), b.lease(t, l.ID).EndsAt.UTC())
	require.Equal(t, []string{"VEND"}, b.orderKinds(t, l.ID))
	to, payloads := b.noticesTo(t, l.ID, notify.KindExtensionRejected)
	require.Equal(t, []string{"alice"}, to)
	require.Contains(t, payloads[0].Message, "the lab is needed in January")

	_, err = b.svc.Extend(b.as["alice"], l.ID, days(30))
	require.NoError(t, err, "decided: she may ask again")
}

// TestExtensionRequestLapses: a request whose lease ends first (returned or expired) lapses and
// can no longer be decided.
func TestExtensionRequestLapses(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ask := func(l *ent.Lease) *ent.ExtensionRequest {
		asked, err := b.svc.Extend(b.as["alice"], l.ID, days(100))
		require.NoError(t, err)
		open, err := b.svc.OpenExtensionRequest(b.as["alice"], asked)
		require.NoError(t, err)
		return open
	}
	returned := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(1)})
	expiring := b.vend(t, "alice", VendInput{SKU: sku("4D.small"), Duration: days(2)})
	r1, r2 := ask(returned), ask(expiring)

	_, err := b.svc.Return(b.as["alice"], returned.ID)
	require.NoError(t, err)
	b.clock.Advance(3 * duration.Day)
	n, err := b.svc.Expire(context.Background(), b.clock.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)

	sys := database.System(context.Background())
	for _, r := range []*ent.ExtensionRequest{r1, r2} {
		got, err := b.client.ExtensionRequest.Get(sys, r.ID)
		require.NoError(t, err)
		require.Equal(t, extensionrequest.StatusLAPSED, got.Status)
		require.NotNil(t, got.Reason)
		_, err = b.svc.ApproveExtension(b.as["manny"], r.ID)
		require.ErrorIs(t, err, apperr.Conflict)
	}
	got, err := b.client.ExtensionRequest.Get(sys, r2.ID)
	require.NoError(t, err)
	require.Equal(t, "the lease expired first", *got.Reason)
	b.invariants(t)
}
