package notify_test

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/notify"
)

// smtpOn is a configuration with e-mail enabled; nothing is sent in outbox tests.
var smtpOn = notify.SMTPConfig{Host: "127.0.0.1", Port: 2525, From: "hardcandy@example.com"}

// TestEnqueueRecipientsAndChannels checks who hears about each kind, and on which channels.
func TestEnqueueRecipientsAndChannels(t *testing.T) {
	t.Parallel()
	type want = string // "user channel recipient"
	tests := []struct {
		name string
		cfg  notify.Config
		// event builds the event from alice's lease (cc1), bob's lease (cc2) and an item.
		event func(b *bundle, alice, bob *ent.Lease, item int) notify.Event
		want  []want
	}{
		{
			name: "expiring goes to the owner by e-mail",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(_ *bundle, alice, _ *ent.Lease, _ int) notify.Event {
				return notify.Event{Kind: notify.KindExpiring, LeaseID: &alice.ID, Threshold: "24h"}
			},
			want: []want{"alice email alice@example.com"},
		},
		{
			name: "without SMTP the owner without a webhook is logged",
			cfg:  notify.Config{},
			event: func(_ *bundle, alice, _ *ent.Lease, _ int) notify.Event {
				return notify.Event{Kind: notify.KindVended, LeaseID: &alice.ID}
			},
			want: []want{"alice log alice"},
		},
		{
			name: "an owner with no address is logged",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(_ *bundle, _, bob *ent.Lease, _ int) notify.Event {
				return notify.Event{Kind: notify.KindExpired, LeaseID: &bob.ID}
			},
			want: []want{"bob log bob"},
		},
		{
			name: "a global webhook reaches everyone, next to e-mail",
			cfg:  notify.Config{SMTP: smtpOn, Webhook: notify.WebhookConfig{URL: "http://127.0.0.1:1/hook"}},
			event: func(_ *bundle, alice, _ *ent.Lease, _ int) notify.Event {
				return notify.Event{Kind: notify.KindReturned, LeaseID: &alice.ID}
			},
			want: []want{"alice email alice@example.com", "alice webhook alice"},
		},
		{
			name: "rejected goes to the owner; own webhook without a global one",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(b *bundle, _, _ *ent.Lease, _ int) notify.Event {
				return notify.Event{Kind: notify.KindRejected, UserIDs: []int{b.users["carol"].ID}, Message: "no budget"}
			},
			want: []want{"carol webhook carol"},
		},
		{
			name: "approval goes to the managers of the lease's cost center",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(_ *bundle, alice, _ *ent.Lease, _ int) notify.Event {
				return notify.Event{Kind: notify.KindApprovalNeeded, LeaseID: &alice.ID}
			},
			want: []want{"manny email manny@example.com", "mo log mo"},
		},
		{
			name: "approval falls back to admins when the cost center has no manager",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(_ *bundle, _, bob *ent.Lease, _ int) notify.Event {
				return notify.Event{Kind: notify.KindApprovalNeeded, LeaseID: &bob.ID}
			},
			want: []want{"ops log ops", "root email root@example.com"},
		},
		{
			name: "reclaim failures go to admins",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(_ *bundle, _, _ *ent.Lease, item int) notify.Event {
				return notify.Event{Kind: notify.KindReclaimFailed, ItemID: &item, Message: "wipe timed out"}
			},
			want: []want{"ops log ops", "root email root@example.com"},
		},
		{
			name: "reclaimed tells nobody",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(_ *bundle, _, _ *ent.Lease, item int) notify.Event {
				return notify.Event{Kind: notify.KindReclaimed, ItemID: &item}
			},
			want: nil,
		},
		{
			name: "reclaimed with explicit recipients tells them",
			cfg:  notify.Config{SMTP: smtpOn},
			event: func(b *bundle, _, _ *ent.Lease, item int) notify.Event {
				return notify.Event{Kind: notify.KindReclaimed, ItemID: &item,
					UserIDs: []int{b.users["alice"].ID, b.users["alice"].ID}}
			},
			want: []want{"alice email alice@example.com"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			alice := b.lease(t, "alice", 20*time.Hour, 1)
			bob := b.lease(t, "bob", 20*time.Hour, 1)
			item := b.lease(t, "carol", 20*time.Hour, 1).QueryAllocations().QueryItem().OnlyIDX(b.sys)
			ev := tt.event(b, alice, bob, item)
			b.enqueue(t, notify.NewOutbox(tt.cfg), ev)
			var got []string
			names := map[int]string{}
			for name, u := range b.users {
				names[u.ID] = name
			}
			for _, n := range b.notices(t) {
				require.Equal(t, ev.Kind, n.Kind)
				require.NotNil(t, n.UserID)
				require.Equal(t, t0, n.DeliverAfter.UTC())
				require.Zero(t, n.Attempts)
				got = append(got, fmt.Sprintf("%s %s %s", names[*n.UserID], n.Channel, n.Recipient))
			}
			sort.Strings(got)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestEnqueueErrors checks events that cannot be written fail without writing.
func TestEnqueueErrors(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", time.Hour, 1)
	o := notify.NewOutbox(notify.Config{})
	for _, ev := range []notify.Event{
		{Kind: "party", LeaseID: &l.ID},
		{Kind: notify.KindExpiring, LeaseID: &l.ID}, // no threshold
		{Kind: notify.KindVended},                   // no lease, no recipients
		{Kind: notify.KindVended, LeaseID: ptr(l.ID + 100)},
		{Kind: notify.KindVended, UserIDs: []int{9999}},
	} {
		err := b.store.Write(b.sys, func(tx *database.Tx) error { return o.Enqueue(b.sys, tx, t0, ev) })
		require.Error(t, err, "%+v", ev)
	}
	require.Empty(t, b.notices(t))
}

// TestEnqueueExpiringOnce checks the dedupe key: the same expiring notice enqueued again writes
// nothing and leaves the surrounding transaction intact.
func TestEnqueueExpiringOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 20*time.Hour, 1)
	o := notify.NewOutbox(notify.Config{SMTP: smtpOn})
	ev := notify.Event{Kind: notify.KindExpiring, LeaseID: &l.ID, Threshold: "24h"}
	b.enqueue(t, o, ev)
	ns := b.notices(t)
	require.Len(t, ns, 1)
	require.Equal(t, notify.ExpiringKey(l.ID, *l.EndsAt, "24h", b.users["alice"].ID, notify.ChannelEmail), *ns[0].DedupeKey)
	require.Equal(t, fmt.Sprintf("expiring:%d:24h@%d:%d:email", l.ID, l.EndsAt.Unix(), b.users["alice"].ID), *ns[0].DedupeKey)

	// Again, twice in one transaction that also writes something else: the transaction commits.
	require.NoError(t, b.store.Write(b.sys, func(tx *database.Tx) error {
		if err := o.Enqueue(b.sys, tx, t0, ev); err != nil {
			return err
		}
		if err := tx.Event.Create().SetAt(t0).SetActor("test").SetKind("note").SetLeaseID(l.ID).Exec(b.sys); err != nil {
			return err
		}
		return o.Enqueue(b.sys, tx, t0.Add(time.Minute), ev)
	}))
	require.Len(t, b.notices(t), 1)
	require.Equal(t, 1, b.client.Event.Query().CountX(b.sys))

	// Another threshold, and another channel for the same threshold, are new notices.
	b.enqueue(t, o, notify.Event{Kind: notify.KindExpiring, LeaseID: &l.ID, Threshold: "1h"})
	b.enqueue(t, notify.NewOutbox(notify.Config{SMTP: smtpOn, Webhook: notify.WebhookConfig{URL: "http://127.0.0.1:1/x"}}), ev)
	var keys []string
	for _, n := range b.notices(t) {
		keys = append(keys, *n.DedupeKey)
	}
	uid, end := b.users["alice"].ID, l.EndsAt.Unix()
	require.Equal(t, []string{
		fmt.Sprintf("expiring:%d:24h@%d:%d:email", l.ID, end, uid),
		fmt.Sprintf("expiring:%d:1h@%d:%d:email", l.ID, end, uid),
		fmt.Sprintf("expiring:%d:24h@%d:%d:webhook", l.ID, end, uid),
	}, keys)
}

// TestEnqueuePayload checks the payload holds what a message needs.
func TestEnqueuePayload(t *testing.T) {
	t.Parallel()
	b := setup(t)
	l := b.lease(t, "alice", 19*time.Hour, 2)
	b.enqueue(t, notify.NewOutbox(notify.Config{}),
		notify.Event{Kind: notify.KindExpiring, LeaseID: &l.ID, Threshold: "24h", Message: "hello"})
	ns := b.notices(t)
	require.Len(t, ns, 1)
	require.Equal(t, l.ID, *ns[0].LeaseID)
	p := payload(t, ns[0])
	its := l.QueryAllocations().QueryItem().Order(ent.Asc("id")).AllX(b.sys)
	require.Equal(t, notify.Payload{
		Kind: notify.KindExpiring, LeaseID: &l.ID, Owner: "alice",
		Items: []notify.Item{
			{ID: its[0].ID, Name: "4d-small-01", SKU: "4D.small"},
			{ID: its[1].ID, Name: "4d-small-02", SKU: "4D.small"},
		},
		Lines:    []notify.Line{{SKU: "4D.small", Quantity: 2}},
		StartsAt: ptr(t0.Add(-30 * 24 * time.Hour)), EndsAt: ptr(t0.Add(19 * time.Hour)),
		Duration: "20h", Status: "ACTIVE", Threshold: "24h", Message: "hello", At: t0,
	}, p)

	// An item event names the item, and the lease when given.
	item := its[1].ID
	b.enqueue(t, notify.NewOutbox(notify.Config{}),
		notify.Event{Kind: notify.KindReclaimFailed, ItemID: &item, Message: "wipe timed out"})
	p = payload(t, b.notices(t)[1])
	require.Equal(t, []notify.Item{{ID: item, Name: "4d-small-02", SKU: "4D.small"}}, p.Items)
	require.Equal(t, &item, p.ItemID)
	require.Nil(t, p.LeaseID)
	require.Equal(t, "Reclaiming 4d-small-02 failed", notify.Subject(p))
}
