package auth

import (
	"context"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/viewer"
)

// Require returns the viewer of ctx, or UNAUTHENTICATED when there is none.
func Require(ctx context.Context) (viewer.Viewer, error) {
	v, ok := viewer.FromContext(ctx)
	if !ok {
		if err, ok := ctx.Value(authErrKey{}).(error); ok {
			return viewer.Viewer{}, err
		}
		return viewer.Viewer{}, apperr.New(apperr.Unauthenticated, "sign in with an API token: Authorization: Bearer TOKEN")
	}
	return v, nil
}

// RequireAdmin returns the viewer when it is an admin, else UNAUTHENTICATED or FORBIDDEN.
func RequireAdmin(ctx context.Context, action string) (viewer.Viewer, error) {
	v, err := Require(ctx)
	if err != nil {
		return v, err
	}
	if !v.IsAdmin() {
		return v, apperr.New(apperr.Forbidden, "%s is for admins; %s is a %s", action, v.Name, v.Role)
	}
	return v, nil
}
