package graph_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/graph"
	"github.com/hardcandy/hardcandy/leasefeed"
)

// dialWS opens a graphql-transport-ws socket to url.
func dialWS(t *testing.T, ctx context.Context, url string) *websocket.Conn {
	t.Helper()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http"), &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.CloseNow() })
	return c
}

// initWS authenticates a socket with token.
func initWS(t *testing.T, ctx context.Context, c *websocket.Conn, token string) {
	t.Helper()
	require.NoError(t, wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + token}}))
	var ack map[string]any
	require.NoError(t, wsjson.Read(ctx, c, &ack))
	require.Equal(t, "connection_ack", ack["type"], "%v", ack)
}

// readUntilClosed reads messages until the socket is closed and returns the close status.
func readUntilClosed(ctx context.Context, c *websocket.Conn) websocket.StatusCode {
	for {
		var m map[string]any
		if err := wsjson.Read(ctx, c, &m); err != nil {
			return websocket.CloseStatus(err)
		}
	}
}

// TestRevokedTokenEndsItsWebsocket: a token revoked in another process (hardcandy token revoke
// opens the database itself) ends the sockets opened with it within a second of the clock: the
// subscription ends and the socket is closed with 4401, so nothing more is received, answered or
// run on it. Sockets of other tokens stay open.
func TestRevokedTokenEndsItsWebsocket(t *testing.T) {
	t.Parallel()
	var feed *leasefeed.Feed
	b := setupWith(t, func(r *graph.Resolver) { feed = r.Feed })
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	alice := dialWS(t, ctx, b.srv.URL)
	initWS(t, ctx, alice, b.tokens["alice"])
	require.NoError(t, wsjson.Write(ctx, alice, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": `subscription { leaseEvents { kind lease { id } } }`}}))
	require.Eventually(t, func() bool { return feed.Subscribers() == 1 }, 20*time.Second, 5*time.Millisecond)
	bob := dialWS(t, ctx, b.srv.URL)
	initWS(t, ctx, bob, b.tokens["bob"])

	// Alice's socket works: her subscription sees her vend.
	b.ok(t, "alice", `mutation { vend(input: {sku: "4D.small", duration: "1d"}) { id } }`, nil, nil)
	var next struct {
		ID, Type string
		Payload  struct {
			Data struct {
				Viewer      struct{ Name string }
				LeaseEvents struct{ Kind string }
			}
		}
	}
	require.NoError(t, wsjson.Read(ctx, alice, &next))
	require.Equal(t, "1", next.ID, "%+v", next)
	require.Equal(t, "ACTIVE", next.Payload.Data.LeaseEvents.Kind)

	other := auth.NewService(b.store, b.clock) // another process on the same database
	n, err := other.Revoke(ctx, b.tokens["alice"])
	require.NoError(t, err)
	require.Equal(t, 1, n)
	b.clock.Advance(time.Second)

	require.Equal(t, websocket.StatusCode(graph.CloseUnauthorized), readUntilClosed(ctx, alice))
	require.Eventually(t, func() bool { return feed.Subscribers() == 0 }, 20*time.Second, 5*time.Millisecond,
		"the subscription ended")
	require.Equal(t, "UNAUTHENTICATED", b.do(t, "alice", `{ viewer { name } }`, nil).code(), "plain HTTP too")

	// Bob's socket is untouched.
	require.NoError(t, wsjson.Write(ctx, bob, map[string]any{"id": "3", "type": "subscribe", "payload": map[string]any{
		"query": `{ viewer { name } }`}}))
	require.NoError(t, wsjson.Read(ctx, bob, &next))
	require.Equal(t, "bob", next.Payload.Data.Viewer.Name)
}

// TestWebsocketWithoutInitIsClosed: a socket that never sends connection_init is closed after
// the init timeout instead of being held forever.
func TestWebsocketWithoutInitIsClosed(t *testing.T) {
	t.Parallel()
	var r *graph.Resolver
	setupWith(t, func(res *graph.Resolver) { r = res })
	srv := httptest.NewServer(r.Auth.Middleware(graph.NewHandler(r, graph.Options{
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), WebsocketInitTimeout: 200 * time.Millisecond})))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	c := dialWS(t, ctx, srv.URL)
	require.Equal(t, websocket.StatusProtocolError, readUntilClosed(ctx, c), "closed by the server, long before the test's bound")
}

// TestProvisioningProgress: a subscriber that asks for progress sees a vend's PROVISIONING
// events (items done of total, with the lease's id) before its outcome; one that does not sees
// only the outcome.
func TestProvisioningProgress(t *testing.T) {
	t.Parallel()
	var feed *leasefeed.Feed
	b := setupWith(t, func(r *graph.Resolver) { feed = r.Feed })
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	watcher := dialWS(t, ctx, b.srv.URL)
	initWS(t, ctx, watcher, b.tokens["alice"])
	require.NoError(t, wsjson.Write(ctx, watcher, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": `subscription { leaseEvents(progress: true) { kind leaseId itemsDone itemsTotal } }`}}))
	plain := dialWS(t, ctx, b.srv.URL)
	initWS(t, ctx, plain, b.tokens["alice"])
	require.NoError(t, wsjson.Write(ctx, plain, map[string]any{"id": "2", "type": "subscribe", "payload": map[string]any{
		"query": `subscription { leaseEvents { kind } }`}}))
	require.Eventually(t, func() bool { return feed.Subscribers() == 2 }, 20*time.Second, 5*time.Millisecond)

	b.ok(t, "alice", `mutation { vend(input: {lines: [{sku: "4D.small", quantity: 2}], duration: "1d"}) { id } }`, nil, nil)
	type ev struct {
		Payload struct {
			Data struct {
				LeaseEvents struct {
					Kind                  string
					LeaseID               string
					ItemsDone, ItemsTotal *int
				}
			}
		}
	}
	var kinds []string
	var done []int
	var id string
	for len(kinds) == 0 || kinds[len(kinds)-1] == "PROVISIONING" {
		var m ev
		require.NoError(t, wsjson.Read(ctx, watcher, &m))
		e := m.Payload.Data.LeaseEvents
		kinds = append(kinds, e.Kind)
		if id == "" {
			id = e.LeaseID
		}
		require.Equal(t, id, e.LeaseID)
		if e.Kind == "PROVISIONING" {
			require.Equal(t, 2, *e.ItemsTotal)
			done = append(done, *e.ItemsDone)
		}
	}
	require.Equal(t, []string{"PROVISIONING", "PROVISIONING", "PROVISIONING", "ACTIVE"}, kinds)
	require.Equal(t, []int{0, 1, 2}, done)
	var m ev
	require.NoError(t, wsjson.Read(ctx, plain, &m))
	require.Equal(t, "ACTIVE", m.Payload.Data.LeaseEvents.Kind, "no progress unless asked")
}
