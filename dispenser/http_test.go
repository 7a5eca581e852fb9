package dispenser_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
)

// backend is a real HTTP server standing in for a provisioning webhook.
type backend struct {
	*httptest.Server
	attempts atomic.Int32

	mu      sync.Mutex
	body    []byte
	headers http.Header
}

// newBackend serves handle, which gets the 1-based attempt number and the request body.
func newBackend(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, attempt int, body []byte)) *backend {
	t.Helper()
	b := &backend{}
	b.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(b.attempts.Add(1))
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		b.mu.Lock()
		b.body, b.headers = body, r.Header.Clone()
		b.mu.Unlock()
		handle(w, r, n, body)
	}))
	t.Cleanup(b.Close)
	return b
}

// last returns the last request's body and headers.
func (b *backend) last() ([]byte, http.Header) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.body, b.headers
}

// reply writes a JSON answer with a status code.
func reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

var okCredentials = dispenser.Response{Status: "ok", Credentials: json.RawMessage(`{"ssh":"ssh root@node-7"}`)}

// httpConfig is a fast http configuration for tests.
func httpConfig(url string) dispenser.Config {
	return dispenser.Config{Driver: "http", URL: url, Backoff: dispenser.Duration(time.Millisecond), Timeout: dispenser.Duration(5 * time.Second)}
}

func TestHTTPSignsTheExactBody(t *testing.T) {
	t.Parallel()
	secret := []byte("s3cret")
	be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, _ int, _ []byte) { reply(w, 200, okCredentials) })
	cfg := httpConfig(be.URL)
	cfg.Secret = string(secret)
	creds, err := newDispenser(t, cfg).Vend(t.Context(), testLease, testItem)
	require.NoError(t, err)
	require.JSONEq(t, `{"ssh":"ssh root@node-7"}`, string(creds))

	body, h := be.last()
	require.Equal(t, "application/json", h.Get("Content-Type"))
	require.Equal(t, "vend", h.Get(dispenser.HeaderAction))
	sig := h.Get(dispenser.HeaderSignature)
	require.True(t, dispenser.Verify(secret, body, sig), "signature %q over %s", sig, body)
	require.Equal(t, dispenser.Sign(secret, body), sig)
	require.False(t, dispenser.Verify([]byte("other"), body, sig))
	require.False(t, dispenser.Verify(secret, append(body, ' '), sig))

	var req dispenser.Request
	require.NoError(t, json.Unmarshal(body, &req))
	require.Equal(t, "vend", req.Action)
	require.Equal(t, testLease.ID, req.Lease.ID)
	require.Equal(t, testLease.User, req.Lease.User)
	require.True(t, testLease.EndsAt.Equal(req.Lease.EndsAt))
	require.Equal(t, testItem, *req.Item)
	require.Nil(t, req.Check)
}

func TestHTTPSecretFromEnv(t *testing.T) {
	// No t.Parallel: t.Setenv forbids it.
	t.Setenv("HARDCANDY_TEST_DISPENSER_SECRET", "from-env")
	be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, _ int, _ []byte) {
		reply(w, 200, dispenser.Response{Status: "ok"})
	})
	cfg := httpConfig(be.URL)
	cfg.SecretEnv = "HARDCANDY_TEST_DISPENSER_SECRET"
	require.NoError(t, newDispenser(t, cfg).Reclaim(t.Context(), testItem))
	body, h := be.last()
	require.Equal(t, "reclaim", h.Get(dispenser.HeaderAction))
	require.True(t, dispenser.Verify([]byte("from-env"), body, h.Get(dispenser.HeaderSignature)))
}

func TestHTTPNoSecretNoSignature(t *testing.T) {
	t.Parallel()
	be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, _ int, _ []byte) {
		reply(w, 200, dispenser.Response{Status: "ok"})
	})
	require.NoError(t, newDispenser(t, httpConfig(be.URL)).Reclaim(t.Context(), testItem))
	_, h := be.last()
	require.Empty(t, h.Values(dispenser.HeaderSignature))
}

func TestHTTPAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		retries   int
		handle    func(w http.ResponseWriter, attempt int)
		wantErr   bool
		message   string
		refused   bool
		touched   bool
		attempts  int
		wantCreds string
	}{
		{name: "500 twice then 200 succeeds", retries: 3, attempts: 3, wantCreds: `{"ssh":"ssh root@node-7"}`,
			handle: func(w http.ResponseWriter, n int) {
				if n <= 2 {
					reply(w, 500, dispenser.Response{Status: "failed", Error: "busy"})
					return
				}
				reply(w, 200, okCredentials)
			}},
		{name: "429 is retried", retries: 1, attempts: 2, wantCreds: `{"ssh":"ssh root@node-7"}`,
			handle: func(w http.ResponseWriter, n int) {
				if n == 1 {
					w.WriteHeader(http.StatusTooManyRequests)
					return
				}
				reply(w, 200, okCredentials)
			}},
		{name: "5xx until retries run out", retries: 2, attempts: 3, wantErr: true, touched: true, message: "BMC pool exhausted",
			handle: func(w http.ResponseWriter, _ int) {
				reply(w, 503, dispenser.Response{Status: "failed", Error: "BMC pool exhausted"})
			}},
		{name: "5xx without a body names the status", retries: 0, attempts: 1, wantErr: true, touched: true,
			message: "the dispenser answered 502 Bad Gateway",
			handle:  func(w http.ResponseWriter, _ int) { w.WriteHeader(502) }},
		{name: "400 fails at once with the body's message", retries: 3, attempts: 1, wantErr: true, touched: true,
			message: "sku 3D.xl is unknown here",
			handle: func(w http.ResponseWriter, _ int) {
				reply(w, 400, dispenser.Response{Status: "failed", Error: "sku 3D.xl is unknown here"})
			}},
		{name: "4xx without JSON gives the status text", retries: 3, attempts: 1, wantErr: true, touched: true,
			message: "403 Forbidden",
			handle:  func(w http.ResponseWriter, _ int) { http.Error(w, "go away", http.StatusForbidden) }},
		{name: "4xx saying untouched is untouched", retries: 3, attempts: 1, wantErr: true,
			message: "bad signature",
			handle: func(w http.ResponseWriter, _ int) {
				reply(w, 401, dispenser.Response{Status: "failed", Error: "bad signature", Touched: ptr(false)})
			}},
		{name: "refused", retries: 3, attempts: 1, wantErr: true, refused: true, message: "alice is over budget",
			handle: func(w http.ResponseWriter, _ int) {
				reply(w, 200, dispenser.Response{Status: "refused", Error: "alice is over budget"})
			}},
		{name: "failed with touched false", retries: 3, attempts: 1, wantErr: true, message: "no capacity",
			handle: func(w http.ResponseWriter, _ int) {
				reply(w, 200, dispenser.Response{Status: "failed", Error: "no capacity", Touched: ptr(false)})
			}},
		{name: "failed without touched is touched", retries: 3, attempts: 1, wantErr: true, touched: true, message: "PXE boot failed",
			handle: func(w http.ResponseWriter, _ int) {
				reply(w, 200, dispenser.Response{Status: "failed", Error: "PXE boot failed"})
			}},
		{name: "a retried 5xx keeps the item touched even if the last answer says untouched", retries: 1, attempts: 2,
			wantErr: true, touched: true, message: "no capacity",
			handle: func(w http.ResponseWriter, n int) {
				if n == 1 {
					w.WriteHeader(500)
					return
				}
				reply(w, 200, dispenser.Response{Status: "failed", Error: "no capacity", Touched: ptr(false)})
			}},
		{name: "a refusal after a retried 5xx keeps the item touched", retries: 1, attempts: 2,
			wantErr: true, refused: true, touched: true, message: "alice is over budget",
			handle: func(w http.ResponseWriter, n int) {
				if n == 1 {
					w.WriteHeader(503)
					return
				}
				reply(w, 200, dispenser.Response{Status: "refused", Error: "alice is over budget"})
			}},
		{name: "ok without credentials object", retries: 3, attempts: 1, wantErr: true, touched: true,
			message: "the dispenser answered ok without a credentials object",
			handle: func(w http.ResponseWriter, _ int) {
				reply(w, 200, dispenser.Response{Status: "ok", Credentials: json.RawMessage(`"hunter2"`)})
			}},
		{name: "invalid JSON is a broken answer", retries: 3, attempts: 1, wantErr: true, touched: true,
			message: "the dispenser gave an invalid answer",
			handle:  func(w http.ResponseWriter, _ int) { _, _ = io.WriteString(w, "<html>oops</html>") }},
		{name: "unknown status", retries: 3, attempts: 1, wantErr: true, touched: true,
			message: "the dispenser gave an unknown answer",
			handle:  func(w http.ResponseWriter, _ int) { reply(w, 200, dispenser.Response{Status: "maybe"}) }},
		{name: "redirects are not followed", retries: 3, attempts: 1, wantErr: true, touched: true,
			message: "302 Found",
			handle: func(w http.ResponseWriter, _ int) {
				w.Header().Set("Location", "/elsewhere")
				w.WriteHeader(http.StatusFound)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, n int, _ []byte) { tt.handle(w, n) })
			cfg := httpConfig(be.URL)
			cfg.Retries = ptr(tt.retries)
			creds, err := newDispenser(t, cfg).Vend(t.Context(), testLease, testItem)
			require.Equal(t, tt.attempts, int(be.attempts.Load()), "attempts")
			if !tt.wantErr {
				require.NoError(t, err)
				require.JSONEq(t, tt.wantCreds, string(creds))
				return
			}
			require.Nil(t, creds)
			e := requireError(t, err)
			require.Equal(t, tt.message, e.Message)
			require.Equal(t, tt.refused, e.Refused, "refused")
			require.Equal(t, tt.touched, e.Touched, "touched")
		})
	}
}

func TestHTTPReclaimAndCheckAreNeverTouched(t *testing.T) {
	t.Parallel()
	be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, _ int, _ []byte) {
		reply(w, 200, dispenser.Response{Status: "failed", Error: "wipe failed"})
	})
	cfg := httpConfig(be.URL)
	cfg.Check = true
	d := newDispenser(t, cfg)

	e := requireError(t, d.Reclaim(t.Context(), testItem))
	require.Equal(t, "wipe failed", e.Message)
	require.False(t, e.Touched)

	e = requireError(t, d.Check(t.Context(), dispenser.CheckRequest{User: testLease.User, SKU: "3D.xl", Type: "D"}))
	require.False(t, e.Touched)
}

func TestHTTPCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		check    bool
		requests int
		refused  bool
	}{
		{name: "disabled makes no request", check: false, requests: 0},
		{name: "enabled asks the backend", check: true, requests: 1, refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, _ int, body []byte) {
				var req dispenser.Request
				if json.Unmarshal(body, &req) != nil || req.Check == nil || req.Check.Quantity != 2 {
					reply(w, 400, dispenser.Response{Status: "failed", Error: "bad check request"})
					return
				}
				reply(w, 200, dispenser.Response{Status: "refused", Error: "quota exceeded"})
			})
			cfg := httpConfig(be.URL)
			cfg.Check = tt.check
			err := newDispenser(t, cfg).Check(t.Context(),
				dispenser.CheckRequest{User: testLease.User, SKU: "3D.xl", Type: "D", Quantity: 2, Duration: "7d"})
			require.Equal(t, tt.requests, int(be.attempts.Load()))
			if !tt.refused {
				require.NoError(t, err)
				return
			}
			e := requireError(t, err)
			require.True(t, e.Refused)
			require.False(t, e.Touched)
			require.Equal(t, "quota exceeded", e.Message)
			_, h := be.last()
			require.Equal(t, "check", h.Get(dispenser.HeaderAction))
		})
	}
}

func TestHTTPTimeoutIsTouched(t *testing.T) {
	t.Parallel()
	be := newBackend(t, func(w http.ResponseWriter, r *http.Request, _ int, _ []byte) {
		select { // hang until the client gives up
		case <-r.Context().Done():
		case <-time.After(5 * time.Minute):
		}
	})
	cfg := httpConfig(be.URL)
	cfg.Timeout = dispenser.Duration(50 * time.Millisecond)
	cfg.Retries = ptr(1)
	start := time.Now()
	_, err := newDispenser(t, cfg).Vend(t.Context(), testLease, testItem)
	require.Less(t, time.Since(start), time.Minute, "far less than the backend hangs")
	e := requireError(t, err)
	require.True(t, e.Touched, "the backend may have started provisioning")
	require.Equal(t, "the dispenser did not answer within 50ms", e.Message)
	require.True(t, errors.Is(err, context.DeadlineExceeded))
	require.Equal(t, 2, int(be.attempts.Load()), "a timeout is retried")
}

// TestHTTPRefusalAfterTimeoutIsTouched: the first attempt timed out (the backend may have
// provisioned), the retry is refused: the item may still have been touched, so it is wiped.
func TestHTTPRefusalAfterTimeoutIsTouched(t *testing.T) {
	t.Parallel()
	be := newBackend(t, func(w http.ResponseWriter, r *http.Request, n int, _ []byte) {
		if n == 1 {
			<-r.Context().Done() // never answers: the client's attempt times out
			return
		}
		reply(w, 200, dispenser.Response{Status: "refused", Error: "lease already handled"})
	})
	cfg := httpConfig(be.URL)
	// The first attempt always runs into this (its backend never answers); the second is
	// answered at once, far within it.
	cfg.Timeout = dispenser.Duration(2 * time.Second)
	cfg.Retries = ptr(1)
	_, err := newDispenser(t, cfg).Vend(t.Context(), testLease, testItem)
	e := requireError(t, err)
	require.True(t, e.Refused, "%v", err)
	require.True(t, e.Touched, "the timed-out attempt may have provisioned")
	require.Equal(t, 2, int(be.attempts.Load()))
}

func TestHTTPConnectionRefusedIsUntouched(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there now

	cfg := httpConfig(url)
	cfg.Retries = ptr(2)
	_, err := newDispenser(t, cfg).Vend(t.Context(), testLease, testItem)
	e := requireError(t, err)
	require.False(t, e.Touched, "the request never left")
	require.False(t, e.Refused)
	require.Equal(t, "the dispenser could not be reached", e.Message)
	require.Contains(t, e.Error(), "after 3 attempts")
}

func TestHTTPCancelDuringBackoffIsPrompt(t *testing.T) {
	t.Parallel()
	be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, _ int, _ []byte) { w.WriteHeader(500) })
	cfg := httpConfig(be.URL)
	cfg.Backoff = dispenser.Duration(time.Hour)
	clock := clockwork.NewFakeClock() // never advanced: the backoff never ends by itself
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := newDispenser(t, cfg, dispenser.WithClock(clock)).Vend(ctx, testLease, testItem)
		done <- err
	}()
	require.NoError(t, clock.BlockUntilContext(t.Context(), 1)) // waiting in backoff
	cancel()
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("cancelling did not end the backoff")
	}
	e := requireError(t, err)
	require.True(t, e.Touched, "the first attempt reached the backend")
	require.True(t, errors.Is(err, context.Canceled))
	require.Equal(t, 1, int(be.attempts.Load()))
}

func TestHTTPBackoffUsesInjectedClock(t *testing.T) {
	t.Parallel()
	be := newBackend(t, func(w http.ResponseWriter, _ *http.Request, n int, _ []byte) {
		if n == 1 {
			w.WriteHeader(500)
			return
		}
		reply(w, 200, okCredentials)
	})
	clock := clockwork.NewFakeClock()
	cfg := httpConfig(be.URL)
	cfg.Backoff = dispenser.Duration(time.Minute) // far longer than the test may take
	d := newDispenser(t, cfg, dispenser.WithClock(clock))
	done := make(chan error, 1)
	go func() { _, err := d.Vend(t.Context(), testLease, testItem); done <- err }()

	require.NoError(t, clock.BlockUntilContext(t.Context(), 1)) // waiting in backoff
	require.Equal(t, 1, int(be.attempts.Load()))
	clock.Advance(time.Minute)
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(time.Minute):
		t.Fatal("vend did not retry after the backoff")
	}
	require.Equal(t, 2, int(be.attempts.Load()))
}

func TestVerify(t *testing.T) {
	t.Parallel()
	secret, body := []byte("k"), []byte(`{"action":"vend"}`)
	good := dispenser.Sign(secret, body)
	tests := []struct {
		name   string
		secret []byte
		header string
		want   bool
	}{
		{name: "valid", secret: secret, header: good, want: true},
		{name: "surrounding spaces", secret: secret, header: " " + good + " ", want: true},
		{name: "wrong secret", secret: []byte("x"), header: good},
		{name: "empty secret never verifies", secret: nil, header: dispenser.Sign(nil, body)},
		{name: "missing prefix", secret: secret, header: good[len("sha256="):]},
		{name: "other algorithm", secret: secret, header: "sha1=" + good[len("sha256="):]},
		{name: "not hex", secret: secret, header: "sha256=zz"},
		{name: "truncated", secret: secret, header: good[:len(good)-2]},
		{name: "empty", secret: secret, header: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, dispenser.Verify(tt.secret, body, tt.header))
		})
	}
	require.Regexp(t, `^sha256=[0-9a-f]{64}$`, good)
}
