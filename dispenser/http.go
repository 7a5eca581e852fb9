package dispenser

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jonboulle/clockwork"
	"go.opentelemetry.io/otel/propagation"

	"github.com/hardcandy/hardcandy/backoff"
)

// HTTP headers the http driver sends.
const (
	HeaderSignature = "X-Hardcandy-Signature"
	HeaderAction    = "X-Hardcandy-Action"
)

// maxResponseBody bounds what is read from a backend: credentials are small, and a runaway
// backend must not exhaust the server's memory.
const maxResponseBody = 1 << 20

const signaturePrefix = "sha256="

// Sign returns the signature header value for body: "sha256=" and the hex HMAC-SHA256 of the
// exact bytes with secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return signaturePrefix + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether header is Sign(secret, body), comparing in constant time. An empty
// secret never verifies, so a receiver with a missing secret rejects everything rather than
// accepting forgeries.
func Verify(secret, body []byte, header string) bool {
	if len(secret) == 0 {
		return false
	}
	got, ok := strings.CutPrefix(strings.TrimSpace(header), signaturePrefix)
	if !ok {
		return false
	}
	gotMAC, err := hex.DecodeString(got)
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return hmac.Equal(gotMAC, m.Sum(nil))
}

// httpDriver POSTs a Request to a webhook and reads a Response. Retries make the same request
// reach the backend more than once, so backends must treat (action, lease id, item id) as
// idempotent.
type httpDriver struct {
	url     string
	secret  []byte
	timeout time.Duration
	retries int
	backoff time.Duration
	check   bool
	clock   clockwork.Clock
	client  *http.Client
	// propagator, when set, writes the caller's trace context into each request's headers.
	propagator propagation.TextMapPropagator
}

func newHTTP(cfg Config, o options) (Dispenser, error) {
	u, err := validateURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	secret, err := resolveSecret(cfg)
	if err != nil {
		return nil, err
	}
	retries := DefaultRetries
	if cfg.Retries != nil {
		retries = *cfg.Retries
	}
	err = errors.Join(
		checkNonNegative("timeout", cfg.Timeout),
		checkNonNegative("backoff", cfg.Backoff),
	)
	if retries < 0 {
		err = errors.Join(err, fmt.Errorf("retries: %d is negative", retries))
	}
	if err != nil {
		return nil, err
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	return &httpDriver{
		url:        u.String(),
		secret:     secret,
		timeout:    orDefault(cfg.Timeout, DefaultHTTPTimeout),
		retries:    retries,
		backoff:    orDefault(cfg.Backoff, DefaultBackoff),
		check:      cfg.Check,
		clock:      o.clock,
		propagator: o.propagator,
		client: &http.Client{
			Transport: transport,
			// A redirected POST turns into a bodiless GET; better to fail loudly so the url
			// gets fixed.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}, nil
}

// Check asks the backend only when the check key is on; most backends have no policy to apply.
func (h *httpDriver) Check(ctx context.Context, req CheckRequest) error {
	if !h.check {
		return nil
	}
	_, err := h.call(ctx, newRequest(ActionCheck, nil, nil, &req))
	return err
}

// Vend asks the backend to provision item for lease.
func (h *httpDriver) Vend(ctx context.Context, lease Lease, item Item) (json.RawMessage, error) {
	return h.call(ctx, newRequest(ActionVend, &lease, &item, nil))
}

// Reclaim asks the backend to wipe item.
func (h *httpDriver) Reclaim(ctx context.Context, item Item) error {
	_, err := h.call(ctx, newRequest(ActionReclaim, nil, &item, nil))
	return err
}

// attemptResult is the outcome of one POST.
type attemptResult struct {
	resp       *Response // a decoded 2xx answer; nil otherwise
	err        *Error    // set when resp is nil
	touched    bool      // the request may have changed the item
	retry      bool      // worth another attempt
	retryAfter time.Duration
}

// call sends req with retries and interprets the answer.
func (h *httpDriver) call(ctx context.Context, req Request) (json.RawMessage, error) {
	action := req.Action
	body, err := json.Marshal(req)
	if err != nil {
		return nil, failed(action, "the request could not be encoded", false, fmt.Errorf("http dispenser: encode request: %w", err))
	}
	var signature string
	if len(h.secret) > 0 {
		signature = Sign(h.secret, body)
	}
	// touched is sticky: once any attempt may have changed the item, a later failure to
	// connect, or a later "touched": false, does not make it clean again.
	touched := false
	var last attemptResult
	attempts := 0
	for attempts <= h.retries {
		if attempts > 0 {
			wait := max(backoffDelay(h.backoff, attempts, rand.Float64()), min(last.retryAfter, MaxBackoff))
			if err := h.sleep(ctx, wait); err != nil {
				return nil, cancelled(action, touched, fmt.Errorf("http dispenser: waiting to retry: %w", err))
			}
		}
		attempts++
		last = h.attempt(ctx, action, body, signature)
		if last.resp != nil {
			creds, err := interpret(action, *last.resp)
			if e, ok := AsError(err); ok && touched {
				// A refusal too: it speaks for this attempt only, and an earlier one (a
				// timeout, a 5xx) may have provisioned before the backend changed its mind.
				e.Touched = action == ActionVend
			}
			return creds, err
		}
		touched = touched || last.touched
		if !last.retry || ctx.Err() != nil {
			break
		}
	}
	if ctx.Err() != nil {
		return nil, cancelled(action, touched, last.err.Err)
	}
	e := last.err
	e.Touched = touched && action == ActionVend
	if attempts > 1 {
		e.Err = fmt.Errorf("after %d attempts: %w", attempts, e.Err)
	}
	return nil, e
}

// cancelled reports that the caller gave up; the item is touched if a request went out.
func cancelled(action string, touched bool, cause error) *Error {
	return failed(action, "the request was cancelled or timed out", touched, cause)
}

// sleep waits d on the driver's clock, or until ctx ends.
func (h *httpDriver) sleep(ctx context.Context, d time.Duration) error {
	t := h.clock.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.Chan():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// backoffDelay is the wait before retry number retry (1-based): initial doubled per retry,
// capped at MaxBackoff, then jittered into [d/2, d) with r in [0, 1) so many vends failing
// together do not retry in lockstep.
func backoffDelay(initial time.Duration, retry int, r float64) time.Duration {
	return backoff.Delay(initial, MaxBackoff, retry, (1-r)/2)
}

// attempt makes one POST under the per-attempt timeout.
func (h *httpDriver) attempt(ctx context.Context, action string, body []byte, signature string) attemptResult {
	actx, cancel := context.WithTimeout(ctx, h.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, h.url, bytes.NewReader(body))
	if err != nil {
		return attemptResult{err: failed(action, "the request could not be built", false, fmt.Errorf("http dispenser: %w", err))}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "hardcandy-dispenser")
	req.Header.Set(HeaderAction, action)
	if signature != "" {
		req.Header.Set(HeaderSignature, signature)
	}
	if h.propagator != nil {
		h.propagator.Inject(actx, propagation.HeaderCarrier(req.Header))
	}
	res, err := h.client.Do(req)
	if err != nil {
		sent := !neverSent(err)
		switch {
		case ctx.Err() != nil:
			return attemptResult{err: failed(action, "the request was cancelled or timed out", sent, fmt.Errorf("http dispenser: %w", err)), touched: sent}
		case actx.Err() != nil:
			return attemptResult{err: failed(action, fmt.Sprintf("the dispenser did not answer within %s", h.timeout), sent, fmt.Errorf("http dispenser: %w", err)), touched: sent, retry: true}
		case !sent:
			return attemptResult{err: failed(action, "the dispenser could not be reached", false, fmt.Errorf("http dispenser: %w", err)), retry: true}
		default:
			return attemptResult{err: failed(action, "the connection to the dispenser failed", true, fmt.Errorf("http dispenser: %w", err)), touched: true, retry: true}
		}
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, maxResponseBody+1))
	// Drain what is left (bounded) so the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, maxResponseBody))
	status := fmt.Sprintf("%d %s", res.StatusCode, http.StatusText(res.StatusCode))
	if err != nil {
		msg := "the dispenser's answer was cut off"
		if actx.Err() != nil && ctx.Err() == nil {
			msg = fmt.Sprintf("the dispenser did not answer within %s", h.timeout)
		}
		// A broken answer after the request went out: the backend may have acted.
		return attemptResult{err: failed(action, msg, true, fmt.Errorf("http dispenser: read %s response: %w", status, err)), touched: true}
	}
	if len(data) > maxResponseBody {
		return attemptResult{err: failed(action, "the dispenser's answer is too large", true, fmt.Errorf("http dispenser: %s response over %d bytes", status, maxResponseBody)), touched: true}
	}

	switch code := res.StatusCode; {
	case code >= 200 && code < 300:
		resp, err := decodeResponse(data)
		if err != nil {
			return attemptResult{err: failed(action, "the dispenser gave an invalid answer", true, fmt.Errorf("http dispenser: %s: %w", status, err)), touched: true}
		}
		// interpret decides touched from the answer itself.
		return attemptResult{resp: &resp}
	case code == http.StatusTooManyRequests || code >= 500:
		msg, touched := errorBody(data, "the dispenser answered "+status)
		return attemptResult{
			err:        failed(action, msg, touched, fmt.Errorf("http dispenser: %s", status)),
			touched:    touched,
			retry:      true,
			retryAfter: parseRetryAfter(res.Header.Get("Retry-After")),
		}
	default:
		// 4xx (and unfollowed 3xx): the request itself is wrong; repeating it cannot help.
		msg, touched := errorBody(data, status)
		return attemptResult{err: failed(action, msg, touched, fmt.Errorf("http dispenser: %s", status)), touched: touched}
	}
}

// errorBody extracts the message and touched flag from an error response, which backends
// usually send as a Response; without one the item counts as touched.
func errorBody(data []byte, fallback string) (msg string, touched bool) {
	var resp Response
	if err := json.Unmarshal(bytes.TrimSpace(data), &resp); err != nil {
		return fallback, true
	}
	msg = resp.Error
	if msg == "" {
		msg = fallback
	}
	return msg, resp.Touched == nil || *resp.Touched
}

// parseRetryAfter reads a Retry-After header in seconds; the HTTP-date form is rare from
// webhooks and ignored.
func parseRetryAfter(v string) time.Duration {
	secs, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || secs <= 0 {
		return 0
	}
	return time.Duration(secs) * time.Second
}

// neverSent reports whether err proves the request never reached the backend: the connection
// was never made (refused, no route, DNS failure) or TLS refused the peer before any byte of
// the request went out.
func neverSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	var certErr *tls.CertificateVerificationError
	return errors.As(err, &certErr)
}
