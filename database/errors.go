package database

import (
	"errors"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/privacy"
)

// Code is the one place a storage error gets its documented code: ent's not-found, constraint
// and validation errors, a privacy denial and a transaction the database gave up for a
// concurrent one. text is what a user may be told of it; ok is false for any other error (an
// INTERNAL one, whose cause only the log sees). Wrap and the API's error presenter both ask here.
func Code(err error) (code apperr.Code, text string, ok bool) {
	switch {
	case err == nil:
		return "", "", false
	case errors.Is(err, privacy.Deny):
		return apperr.Forbidden, "not allowed for this user", true
	case ent.IsNotFound(err):
		return apperr.NotFound, "not found", true
	case ent.IsConstraintError(err):
		return apperr.Conflict, "conflicts with existing data", true
	case IsRetryable(err):
		return apperr.Conflict, "a concurrent change got in the way; try again", true
	case ent.IsValidationError(err):
		var ve *ent.ValidationError
		if errors.As(err, &ve) && ve.Unwrap() == nil {
			return apperr.InvalidArgument, "invalid " + ve.Name, true
		}
		return apperr.InvalidArgument, errors.Unwrap(ve).Error(), true
	}
	return "", "", false
}
