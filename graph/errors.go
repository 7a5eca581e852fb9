package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
)

// classify finds the documented code of err and the message a user may see: coded errors say
// so themselves, storage errors are coded by database.Code, anything else is INTERNAL.
func classify(err error) (apperr.Code, string) {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		if ae.Code == apperr.Internal {
			return apperr.Internal, "internal error"
		}
		return ae.Code, ae.Message
	}
	if code, text, ok := database.Code(err); ok {
		return code, text
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return apperr.Internal, "the request took too long"
	}
	return apperr.Internal, "internal error"
}

// presenter puts a documented code on every error. Parse and validation errors are the caller's
// (INVALID_ARGUMENT) and keep gqlgen's message; internal causes are logged, never shown.
func presenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		if c, ok := gqlErr.Extensions["code"].(string); ok && !isDocumented(c) {
			// gqlgen's own codes: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, ...
			gqlErr.Extensions["code"] = string(apperr.InvalidArgument)
			return gqlErr
		}
		if gqlErr.Err == nil {
			if _, ok := gqlErr.Extensions["code"]; !ok {
				gqlErr.Extensions["code"] = string(apperr.InvalidArgument)
			}
			return gqlErr
		}
		code, msg := classify(gqlErr.Err)
		if code == apperr.Internal {
			logger.ErrorContext(ctx, "graphql error", "path", gqlErr.Path.String(), "err", gqlErr.Err)
		}
		gqlErr.Message = msg
		gqlErr.Extensions["code"] = string(code)
		if id := apperr.LeaseOf(gqlErr.Err); id != 0 {
			// The lease the failure left behind (a rejected vend, one whose request ended
			// first), as the global id lease(id) and node(id) take.
			gqlErr.Extensions["leaseId"] = strconv.Itoa(id)
		}
		return gqlErr
	}
}

func isDocumented(code string) bool {
	for _, c := range apperr.Codes {
		if string(c) == code {
			return true
		}
	}
	return false
}

// recoverer turns a panic into INTERNAL and logs the stack; nothing of it reaches the user.
func recoverer(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return apperr.New(apperr.Internal, "internal error")
	}
}

// codedError builds a response error with a documented code, for checks outside resolvers.
func codedError(err error) *gqlerror.Error {
	code, msg := classify(err)
	e := &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": string(code)}}
	errcode.Set(e, string(code))
	return e
}
