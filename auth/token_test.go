package auth_test

import (
	"context"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/ent/apitoken"
	"github.com/hardcandy/hardcandy/viewer"
)

// A valid token is remembered for a moment: revoked behind the service's back (by the CLI,
// another replica) it keeps working until then; revoked through the service, it stops at once.
func TestAuthenticateRemembersValidTokens(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := dbtest.Open(t, database.Options{})
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	svc := auth.NewService(st, clock)
	_, tok, err := svc.AddUser(ctx, auth.NewUser{Name: "alice", Role: viewer.RoleUser, CostCenter: "ENG"})
	require.NoError(t, err)
	_, other, err := svc.AddUser(ctx, auth.NewUser{Name: "bob", Role: viewer.RoleManager, CostCenter: "OPS"})
	require.NoError(t, err)

	v, err := svc.Authenticate(ctx, tok)
	require.NoError(t, err)
	require.Equal(t, "alice", v.Name)

	// Revoked by another process: still good for a moment, then not.
	_, err = st.Client.APIToken.Update().SetRevokedAt(clock.Now()).Where(apitoken.Prefix(tok[:9])).Save(database.System(ctx))
	require.NoError(t, err)
	v, err = svc.Authenticate(ctx, tok)
	require.NoError(t, err)
	require.Equal(t, "alice", v.Name)
	clock.Advance(3 * time.Second)
	_, err = svc.Authenticate(ctx, tok)
	require.ErrorIs(t, err, apperr.Unauthenticated)

	// Revoked through the service: at once.
	v, err = svc.Authenticate(ctx, other)
	require.NoError(t, err)
	require.EqualValues(t, "MANAGER", v.Role)
	_, err = svc.Revoke(ctx, other)
	require.NoError(t, err)
	_, err = svc.Authenticate(ctx, other)
	require.ErrorIs(t, err, apperr.Unauthenticated)

	// Unknown tokens are never remembered as valid.
	_, err = svc.Authenticate(ctx, "hc_nope")
	require.ErrorIs(t, err, apperr.Unauthenticated)
}
