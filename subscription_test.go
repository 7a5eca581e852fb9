package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/stretchr/testify/require"
)

// subscribe opens a graphql-transport-ws subscription to leaseEvents as the given user.
func subscribe(t *testing.T, ctx context.Context, url, token string) *websocket.Conn {
	t.Helper()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.CloseNow() })
	require.NoError(t, wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + token}}))
	var ack map[string]any
	require.NoError(t, wsjson.Read(ctx, c, &ack))
	require.Equal(t, "connection_ack", ack["type"], "%v", ack)
	require.NoError(t, wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": `subscription { leaseEvents { kind at lease { id status owner { name } } } }`}}))
	return c
}

// TestLeaseEventsSubscription: over a websocket authorized in connection_init, a user sees the
// events of her own leases as they happen, and a user of another cost center sees none of them.
func TestLeaseEventsSubscription(t *testing.T) {
	t.Parallel()
	ls := startLeasing(t, 0)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	alice := subscribe(t, ctx, ls.url, ls.tokens["alice"])
	bob := subscribe(t, ctx, ls.url, ls.tokens["bob"])
	require.Eventually(t, func() bool { return ls.app.svc.feed.Subscribers() == 2 }, time.Minute, 5*time.Millisecond)

	r := ls.gql(t, "alice", vendMutation, map[string]any{"in": map[string]any{"sku": "4D.small", "duration": "1d"}})
	require.Empty(t, r.Errors)
	var next struct {
		Type    string
		Payload struct {
			Data struct {
				LeaseEvents struct {
					Kind  string
					Lease struct {
						ID, Status string
						Owner      struct{ Name string }
					}
				}
			}
		}
	}
	require.NoError(t, wsjson.Read(ctx, alice, &next))
	require.Equal(t, "next", next.Type)
	ev := next.Payload.Data.LeaseEvents
	require.Equal(t, "ACTIVE", ev.Kind)
	require.Equal(t, "alice", ev.Lease.Owner.Name)

	var vended struct{ ID string }
	require.NoError(t, json.Unmarshal(r.Data["vend"], &vended))
	require.Equal(t, vended.ID, ev.Lease.ID)

	r = ls.gql(t, "alice", `mutation($id: ID!) { returnLease(id: $id) { id } }`, map[string]any{"id": vended.ID})
	require.Empty(t, r.Errors)
	require.NoError(t, wsjson.Read(ctx, alice, &next))
	require.Equal(t, "RETURNED", next.Payload.Data.LeaseEvents.Kind)

	// bob (another cost center) received nothing.
	short, stop := context.WithTimeout(ctx, 300*time.Millisecond)
	defer stop()
	var none map[string]any
	require.Error(t, wsjson.Read(short, bob, &none), "bob must not see alice's lease events: %v", none)

	// A bad token is refused at connection_init.
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(ls.url, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	require.NoError(t, err)
	defer c.CloseNow()
	require.NoError(t, wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer nope"}}))
	var reply map[string]any
	err = wsjson.Read(ctx, c, &reply)
	require.True(t, err != nil || reply["type"] == "connection_error", "got %v", reply)
}
