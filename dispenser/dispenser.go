// Package dispenser is the boundary to whatever really provisions hardware: an embedded
// simulator, an HTTP webhook or a local command. It knows no database; callers hand it the
// lease and the item and record what it answers.
//
// Every error a Dispenser from this package returns is an *Error (see AsError), so a caller
// always learns whether the failure was a policy refusal, what to tell the user, and whether
// the item must be wiped before it is vended again (Touched).
//
// # Protocol for http and exec backends
//
// Each call sends one Request as JSON: {"action":"vend","lease":{...},"item":{...}},
// {"action":"reclaim","item":{...}} or {"action":"check","check":{...}}. The backend answers
// one Response: {"status":"ok","credentials":{...}} (credentials only for vend, and then
// required to be an object), {"status":"refused","error":"..."} or
// {"status":"failed","error":"...","touched":false}. The error text is shown to the user as
// is. A failed vend counts as touched unless it says "touched": false. A vend's item carries
// "parameters" when its product declares any (Item.Parameters): the vend's validated values,
// typed as JSON, a secret in the clear.
//
// The http driver POSTs the Request with the headers Content-Type: application/json,
// X-Hardcandy-Action and, when a secret is configured, X-Hardcandy-Signature (see Sign and
// Verify); when the server traces, also the W3C traceparent of the call (see WithPropagator). It retries network errors, 429 and 5xx with exponential backoff, so a backend must
// treat a repeated (action, lease id, item id) as the same request.
//
// The exec driver runs its command without a shell, with the Request on stdin and
// HARDCANDY_ACTION set; it reads the Response from stdout. A non-zero exit is a failure whose
// message is the last lines of stderr. On timeout the command's whole process group is killed.
package dispenser

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

// Actions, as sent in Request.Action, the X-Hardcandy-Action header and HARDCANDY_ACTION.
const (
	ActionCheck   = "check"
	ActionVend    = "vend"
	ActionReclaim = "reclaim"
)

// Statuses a backend may answer in Response.Status.
const (
	StatusOK      = "ok"
	StatusRefused = "refused"
	StatusFailed  = "failed"
)

// User is who a lease is for.
type User struct {
	Name       string `json:"name"`
	Email      string `json:"email,omitempty"`
	Role       string `json:"role,omitempty"`
	CostCenter string `json:"costCenter,omitempty"`
}

// Lease is what a dispenser is told about the lease an item is vended under.
type Lease struct {
	ID   int  `json:"id"`
	User User `json:"user"`
	// Duration is the lease length as the user typed it, e.g. "7d".
	Duration string    `json:"duration"`
	StartsAt time.Time `json:"startsAt"`
	EndsAt   time.Time `json:"endsAt"`
	Note     string    `json:"note,omitempty"`
}

// Item is the inventory item vended or reclaimed.
type Item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	SKU  string `json:"sku"`
	Tier int    `json:"tier"`
	// Type is the item type letter, "A" to "E".
	Type       string            `json:"type"`
	Size       string            `json:"size"`
	Pool       string            `json:"pool,omitempty"`
	Labels     []string          `json:"labels,omitempty"`
	Attributes map[string]string `json:"attributes,omitempty"`
	// Parameters are what the vend passed for this item, validated against the product's
	// declaration (defaults applied): an INTEGER is a JSON number, a BOOLEAN true or false, any
	// other type (a SECRET in the clear) a string. Absent when there are none, and on reclaim.
	Parameters map[string]any `json:"parameters,omitempty"`
}

// CheckRequest asks whether a user may lease quantity items of a SKU for a duration.
type CheckRequest struct {
	User     User   `json:"user"`
	SKU      string `json:"sku"`
	Type     string `json:"type"`
	Quantity int    `json:"quantity"`
	Duration string `json:"duration"`
}

// Request is the JSON document sent to http and exec backends. Exactly one of Lease+Item
// (vend), Item (reclaim) or Check (check) is set, matching Action.
type Request struct {
	// Action is "check", "vend" or "reclaim".
	Action string        `json:"action"`
	Lease  *Lease        `json:"lease,omitempty"`
	Item   *Item         `json:"item,omitempty"`
	Check  *CheckRequest `json:"check,omitempty"`
}

// Response is what http and exec backends answer.
type Response struct {
	// Status is "ok", "refused" or "failed".
	Status string `json:"status"`
	// Credentials is the JSON object handed to the user after a successful vend.
	Credentials json.RawMessage `json:"credentials,omitempty"`
	// Error is the message shown to the user when Status is not "ok".
	Error string `json:"error,omitempty"`
	// Touched lets a failed vend say it changed nothing; absent means it may have.
	Touched *bool `json:"touched,omitempty"`
}

// Dispenser provisions and reclaims items. Implementations in this package are safe for
// concurrent use.
type Dispenser interface {
	// Check may refuse a user before anything is claimed; nil means allowed.
	Check(ctx context.Context, req CheckRequest) error
	// Vend provisions item for lease and returns the credentials as a JSON object.
	Vend(ctx context.Context, lease Lease, item Item) (json.RawMessage, error)
	// Reclaim wipes and resets an item that came back.
	Reclaim(ctx context.Context, item Item) error
}

// Error is a dispenser's failure or refusal, with a message fit to show a user.
type Error struct {
	// Message is the backend's words, never a Go stack or internal detail.
	Message string
	// Refused marks a policy refusal rather than a failure.
	Refused bool
	// Touched says the backend may have changed the item, so it must be wiped before reuse.
	// Only a Vend sets it. A refusal sets it only when an earlier attempt of the same call may
	// have acted (it timed out, or failed after the request went out).
	Touched bool
	// Err is the cause, for logs.
	Err error
}

// Error describes the failure for logs; show users Message instead.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Refused {
		b.WriteString("dispenser refused")
	} else {
		b.WriteString("dispenser failed")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	// The cause often repeats the message (e.g. a wrapped backend error); print it only
	// when it adds something.
	if e.Err != nil && e.Err.Error() != e.Message {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if e.Touched {
		b.WriteString(" (item touched)")
	}
	return b.String()
}

// Unwrap returns the cause, so errors.Is(err, context.DeadlineExceeded) and the like work.
func (e *Error) Unwrap() error { return e.Err }

// AsError returns the *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// refused builds a policy refusal. A refusal by itself is untouched: the backend declined to act
// (the http driver marks it touched when an earlier attempt may have acted).
func refused(msg string, cause error) *Error {
	return &Error{Message: msg, Refused: true, Err: cause}
}

// failed builds a failure of action; touched only counts for a vend, since a failed check
// claimed nothing and a failed reclaim leaves the item dirty anyway.
func failed(action, msg string, touched bool, cause error) *Error {
	return &Error{Message: msg, Touched: touched && action == ActionVend, Err: cause}
}
