// Package httplog gives every HTTP request an id and one structured log line. The id comes from
// the client's X-Request-Id when it is a sane one, or is made up, and is echoed in the response;
// every log line written with the request's context carries it (see Handler), and so do
// GraphQL errors, so a user quoting it can be found in the logs.
package httplog

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"go.opentelemetry.io/otel/trace"
)

// Header is the request id's header, read from requests and written on responses.
const Header = "X-Request-Id"

// MaxIDLength bounds an id accepted from a client.
const MaxIDLength = 128

// maxOperationLength bounds the operation name a log line repeats from a client.
const maxOperationLength = 100

// ValidID reports whether a client's request id may be kept: 1 to MaxIDLength characters of
// letters, digits and . _ - : + = / (what UUIDs, ULIDs, trace ids and load balancers' ids use),
// so a log line never carries a client's control characters or an unbounded string.
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLength {
		return false
	}
	for _, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune("._-:+=/", c):
		default:
			return false
		}
	}
	return true
}

// NewID returns a fresh request id: 16 random bytes in hex.
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand panics rather than return an error)
	return hex.EncodeToString(b[:])
}

// entry is what inner handlers tell the request's log line.
type entry struct {
	id        string
	mu        sync.Mutex
	userID    int
	operation string
}

type entryKey struct{}

func entryOf(ctx context.Context) *entry {
	e, _ := ctx.Value(entryKey{}).(*entry)
	return e
}

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	if e := entryOf(ctx); e != nil {
		return e.id
	}
	return ""
}

// WithRequestID returns ctx carrying id, for work that carries on a request's (tests, jobs a
// request kicked).
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, entryKey{}, &entry{id: id})
}

// SetUser tells the request's log line who made it.
func SetUser(ctx context.Context, userID int) {
	if e := entryOf(ctx); e != nil {
		e.mu.Lock()
		e.userID = userID
		e.mu.Unlock()
	}
}

// SetOperation tells the request's log line which GraphQL operation it ran.
func SetOperation(ctx context.Context, name string) {
	if e := entryOf(ctx); e != nil {
		if len(name) > maxOperationLength {
			name = name[:maxOperationLength]
		}
		e.mu.Lock()
		e.operation = name
		e.mu.Unlock()
	}
}

// quiet are the paths probes and scrapers call every few seconds: logged at debug level.
var quiet = map[string]bool{"/healthz": true, "/readyz": true, "/metrics": true}

// Middleware gives each request its id (the client's, when ValidID, or a new one), echoes it in
// the response header, and writes one log line when the request ends: method, path, operation,
// status, duration, bytes, user id and request id. Probes and scrapes log at debug, server
// errors at warn, the rest at info.
func Middleware(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get(Header)
		if !ValidID(id) {
			id = NewID()
		}
		e := &entry{id: id}
		w.Header().Set(Header, id)
		sw := &statusWriter{ResponseWriter: w}
		ctx := context.WithValue(r.Context(), entryKey{}, e)
		next.ServeHTTP(sw, r.WithContext(ctx))

		status := sw.status
		switch {
		case status != 0:
		case strings.EqualFold(r.Header.Get("Upgrade"), "websocket"):
			status = http.StatusSwitchingProtocols // hijacked: a subscription, now over
		default:
			status = http.StatusOK
		}
		level := slog.LevelInfo
		switch {
		case status >= 500:
			level = slog.LevelWarn
		case quiet[r.URL.Path]:
			level = slog.LevelDebug
		}
		if !logger.Enabled(ctx, level) {
			return
		}
		e.mu.Lock()
		attrs := []slog.Attr{slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", status), slog.Duration("duration", time.Since(start)), slog.Int64("bytes", sw.bytes)}
		if e.operation != "" {
			attrs = append(attrs, slog.String("operation", e.operation))
		}
		if e.userID != 0 {
			attrs = append(attrs, slog.Int("user_id", e.userID))
		}
		e.mu.Unlock()
		// The request id itself comes from ctx, through Handler.
		logger.LogAttrs(ctx, level, "request", attrs...)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer (websocket upgrades, flush).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Handler wraps h so each record written with a request's context carries request_id, and
// with a traced context trace_id and span_id, whoever logs it.
func Handler(h slog.Handler) slog.Handler { return ctxHandler{h} }

type ctxHandler struct{ slog.Handler }

func (h ctxHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
		r.AddAttrs(slog.String("trace_id", sc.TraceID().String()), slog.String("span_id", sc.SpanID().String()))
	}
	return h.Handler.Handle(ctx, r)
}

func (h ctxHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return ctxHandler{h.Handler.WithAttrs(attrs)}
}

func (h ctxHandler) WithGroup(name string) slog.Handler { return ctxHandler{h.Handler.WithGroup(name)} }
