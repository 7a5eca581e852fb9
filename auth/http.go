package auth

import (
	"encoding/json"
	"net/http"

	"github.com/hardcandy/hardcandy/apperr"
)

// HTTPStatus maps an error code to the HTTP status plain JSON routes answer with.
func HTTPStatus(code apperr.Code) int {
	switch code {
	case apperr.Unauthenticated:
		return http.StatusUnauthorized
	case apperr.Forbidden:
		return http.StatusForbidden
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.InvalidArgument:
		return http.StatusBadRequest
	case apperr.OutOfStock, apperr.Conflict:
		return http.StatusConflict
	case apperr.PolicyViolation:
		return http.StatusUnprocessableEntity
	case apperr.DispenserFailed:
		return http.StatusBadGateway
	}
	return http.StatusInternalServerError
}

// WriteError answers with {"error": {"code", "message"}}; internal causes are never shown.
func WriteError(w http.ResponseWriter, err error) {
	code := apperr.CodeOf(err)
	msg := "internal error"
	if e, ok := apperr.As(err); ok && code != apperr.Internal {
		msg = e.Message
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(HTTPStatus(code))
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": string(code), "message": msg}})
}
