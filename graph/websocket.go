package graph

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/viewer"
)

// Websocket close codes of graphql-transport-ws the server closes with.
const (
	// CloseUnauthorized ends a socket whose token was revoked (or is unknown): the client must
	// authenticate again.
	CloseUnauthorized = 4401
)

// DefaultWebsocketInitTimeout is how long a socket may stay open without sending connection_init.
const DefaultWebsocketInitTimeout = 5 * time.Second

// socket holds a websocket connection for the code that authenticates it, so it can close it
// with a close code of its own.
type socket struct {
	mu   sync.Mutex
	conn transport.WebsocketConn
}

type socketKey struct{}

// withSockets gives each websocket upgrade a socket holder in its context.
func withSockets(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isUpgrade(r) {
			r = r.WithContext(context.WithValue(r.Context(), socketKey{}, &socket{}))
		}
		next.ServeHTTP(w, r)
	})
}

// sockets accepts websockets as gqlgen's coder/websocket adapter does and keeps each in its
// request's holder.
type sockets struct {
	transport.CoderWebsocketImplementation
}

func (s sockets) Accept(w http.ResponseWriter, r *http.Request, o transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	conn, err := s.CoderWebsocketImplementation.Accept(w, r, o)
	if h, ok := r.Context().Value(socketKey{}).(*socket); ok && err == nil {
		h.mu.Lock()
		h.conn = conn
		h.mu.Unlock()
	}
	return conn, err
}

// closeSocket closes the websocket of ctx with code and reason (before gqlgen's own close, which
// would say 1000 "terminated").
func closeSocket(ctx context.Context, code int, reason string) {
	h, ok := ctx.Value(socketKey{}).(*socket)
	if !ok {
		return
	}
	h.mu.Lock()
	conn := h.conn
	h.mu.Unlock()
	if conn != nil {
		_ = conn.WriteClose(code, reason)
	}
}

// wsAuth authenticates a websocket by the token in connection_init's payload
// ({"Authorization": "Bearer TOKEN"}, or {"token": "TOKEN"}), and keeps it only as long as the
// token is valid: once it is revoked, every operation on the socket ends (their contexts derive
// from the one returned here) and the socket is closed with CloseUnauthorized, within the two
// seconds a revocation takes over plain HTTP.
func wsAuth(a *auth.Service) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		tok, ok := auth.BearerToken(p.Authorization())
		if !ok {
			tok, _ = p["token"].(string)
		}
		if tok == "" {
			return ctx, nil, apperr.New(apperr.Unauthenticated, "send the token in connection_init: {\"Authorization\": \"Bearer TOKEN\"}")
		}
		v, err := a.Authenticate(ctx, tok)
		if err != nil {
			return ctx, nil, err
		}
		ctx, cancel := context.WithCancel(viewer.NewContext(ctx, v))
		stop := a.Watch(tok, func() {
			closeSocket(ctx, CloseUnauthorized, "Unauthorized: the token is revoked")
			cancel()
		})
		context.AfterFunc(ctx, stop) // the socket ended (or was ended): stop watching
		return ctx, nil, nil
	}
}
