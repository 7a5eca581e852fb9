package auth

import (
	"context"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
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

// Authorized begins a flow a viewer asks for: it returns the viewer (Require) and the flow's
// context, lifted past the read policies once (database.System). From there on the flow decides
// itself what the viewer may see and do, and the helpers it calls read and write the rows they
// need, whoever's they are, in the context they are given: none of them lifts again.
func Authorized(ctx context.Context) (viewer.Viewer, context.Context, error) {
	v, err := Require(ctx)
	if err != nil {
		return v, ctx, err
	}
	return v, database.System(ctx), nil
}

// AuthorizedAdmin is Authorized for a flow only admins may run (RequireAdmin).
func AuthorizedAdmin(ctx context.Context, action string) (viewer.Viewer, context.Context, error) {
	v, err := RequireAdmin(ctx, action)
	if err != nil {
		return v, ctx, err
	}
	return v, database.System(ctx), nil
}
