package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Exit codes, documented in the README.
const (
	ExitOK       = 0
	ExitFailed   = 1 // the server refused the request or could not be reached
	ExitUsage    = 2 // how the command was called: an unknown verb, a bad flag or argument
	ExitRejected = 3 // the lease was refused or rejected: by the provisioning backend or a manager
	ExitTimeout  = 4 // vend --wait gave up waiting for the decision
	ExitCanceled = 130
)

// ExitError is an error with an exit code of its own.
type ExitError struct {
	Code int
	Err  error
}

func (e ExitError) Error() string { return e.Err.Error() }
func (e ExitError) Unwrap() error { return e.Err }

// ExitCode is the process's exit code for err.
func ExitCode(err error) int {
	var ue UsageError
	var ee ExitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		return ExitUsage
	case errors.As(err, &ee):
		return ee.Code
	case errors.Is(err, context.Canceled):
		return ExitCanceled
	case leaseOf(err) != "":
		return ExitRejected
	}
	return ExitFailed
}

// leaseOf is the lease a failed vend, expansion or approval left behind (extensions.leaseId),
// or "".
func leaseOf(err error) string {
	var list gqlerror.List
	if errors.As(err, &list) && len(list) > 0 {
		switch id := list[0].Extensions["leaseId"].(type) {
		case string:
			return id
		case float64:
			return strconv.FormatInt(int64(id), 10)
		}
	}
	return ""
}

// rejected is the error of a lease that ended REJECTED: exit code 3.
func rejected(id string, msg *string) error {
	text := "lease " + id + " was REJECTED"
	if msg != nil {
		text += ": " + *msg
	}
	return ExitError{Code: ExitRejected, Err: fmt.Errorf("%s (hardcandy show %s)", text, id)}
}
