// Package apperr is the documented set of error codes every failure reaching a user carries.
// Services return *Error values; the GraphQL layer, the REST routes and the CLI print their code.
package apperr

import (
	"errors"
	"fmt"
)

// Code is one documented error code. A Code is itself an error, so callers can test
// errors.Is(err, apperr.Conflict).
type Code string

// The documented codes.
const (
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	NotFound        Code = "NOT_FOUND"
	InvalidArgument Code = "INVALID_ARGUMENT"
	OutOfStock      Code = "OUT_OF_STOCK"
	PolicyViolation Code = "POLICY_VIOLATION"
	Conflict        Code = "CONFLICT"
	DispenserFailed Code = "DISPENSER_FAILED"
	Internal        Code = "INTERNAL"
)

// Codes lists every code, in documentation order.
var Codes = []Code{Unauthenticated, Forbidden, NotFound, InvalidArgument, OutOfStock, PolicyViolation, Conflict, DispenserFailed, Internal}

func (c Code) Error() string { return string(c) }

// Error is a failure with a code and a message meant for the user.
type Error struct {
	Code    Code
	Message string
	// Err is the cause, kept for logs; it is never shown to users.
	Err error
	// LeaseID, when not 0, is the lease the failure leaves behind (a vend that was rejected, or
	// whose request ended before its answer): the caller can read its outcome there. GraphQL
	// carries it as extensions.leaseId.
	LeaseID int
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the error's code, so errors.Is(err, apperr.NotFound) works.
func (e *Error) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c == e.Code
}

// New returns an error with code and a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an error with code and message that keeps err as its cause.
func Wrap(err error, code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// WithLease returns err marked with the lease it leaves behind. An error without a code
// becomes INTERNAL (its cause is kept for the logs), so that even then the caller learns which
// lease to read.
func WithLease(err error, leaseID int) error {
	if err == nil || leaseID == 0 {
		return err
	}
	if e, ok := As(err); ok {
		c := *e
		c.LeaseID = leaseID
		return &c
	}
	return &Error{Code: Internal, Message: "internal error", Err: err, LeaseID: leaseID}
}

// LeaseOf returns the lease an error leaves behind, or 0.
func LeaseOf(err error) int {
	if e, ok := As(err); ok {
		return e.LeaseID
	}
	return 0
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// CodeOf returns the code of err: its own, or INTERNAL for anything unclassified.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Code
	}
	var c Code
	if errors.As(err, &c) {
		return c
	}
	return Internal
}
