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
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/viewer"
)

type people struct {
	svc   *auth.Service
	clock *clockwork.FakeClock
	as    map[string]context.Context
	token map[string]string
	users map[string]*ent.User
}

func setupPeople(t *testing.T) *people {
	t.Helper()
	st := dbtest.Open(t, database.Options{})
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	p := &people{svc: auth.NewService(st, clock), clock: clock, as: map[string]context.Context{},
		token: map[string]string{}, users: map[string]*ent.User{}}
	for _, u := range []auth.NewUser{{Name: "admin", Role: viewer.RoleAdmin, CostCenter: "ENG"},
		{Name: "manny", Role: viewer.RoleManager, CostCenter: "ENG"}, {Name: "alice", Role: viewer.RoleUser, CostCenter: "ENG"},
		{Name: "bob", Role: viewer.RoleUser, CostCenter: "FIELD"}} {
		created, tok, err := p.svc.AddUser(context.Background(), u)
		require.NoError(t, err)
		v, err := p.svc.Authenticate(context.Background(), tok)
		require.NoError(t, err)
		p.as[u.Name], p.token[u.Name], p.users[u.Name] = viewer.NewContext(context.Background(), v), tok, created
	}
	return p
}

func ptr[T any](v T) *T { return &v }

// TestPeopleAdmin: only admins create, change and deactivate users; deactivation revokes every
// token at once and refuses new ones.
func TestPeopleAdmin(t *testing.T) {
	t.Parallel()
	p := setupPeople(t)
	ctx := context.Background()

	_, _, err := p.svc.CreateUser(p.as["manny"], auth.NewUser{Name: "carol", Role: viewer.RoleUser, CostCenter: "ENG"})
	require.ErrorIs(t, err, apperr.Forbidden)
	_, _, err = p.svc.CreateUser(p.as["admin"], auth.NewUser{Name: "carol", Role: viewer.RoleUser, CostCenter: "ENG", Email: "not an address"})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	carol, tok, err := p.svc.CreateUser(p.as["admin"], auth.NewUser{Name: "carol", Role: viewer.RoleUser, CostCenter: "ENG", Email: "carol@example.com"})
	require.NoError(t, err)
	v, err := p.svc.Authenticate(ctx, tok)
	require.NoError(t, err)
	require.Equal(t, "carol", v.Name)

	// Role and cost center count from the next request on.
	u, err := p.svc.UpdateUser(p.as["admin"], carol.ID, auth.UserChanges{Role: ptr(viewer.RoleManager), CostCenter: ptr("FIELD")})
	require.NoError(t, err)
	require.EqualValues(t, "MANAGER", u.Role)
	v, err = p.svc.Authenticate(ctx, tok)
	require.NoError(t, err)
	require.Equal(t, viewer.RoleManager, v.Role)
	require.Equal(t, *p.users["bob"].CostCenterID, v.CostCenterID)
	_, err = p.svc.UpdateUser(p.as["admin"], carol.ID, auth.UserChanges{CostCenter: ptr("NOPE")})
	require.ErrorIs(t, err, apperr.NotFound)
	_, err = p.svc.UpdateUser(p.as["admin"], p.users["admin"].ID, auth.UserChanges{Role: ptr(viewer.RoleUser)})
	require.ErrorIs(t, err, apperr.Conflict, "not one's own role")
	_, err = p.svc.UpdateUser(p.as["alice"], carol.ID, auth.UserChanges{Email: ptr("")})
	require.ErrorIs(t, err, apperr.Forbidden)

	// Deactivated: every token stops at once; no new one.
	second, _, err := p.svc.CreateToken(p.as["admin"], auth.TokenRequest{UserID: &carol.ID, Name: "ci"})
	require.NoError(t, err)
	require.Equal(t, carol.ID, second.UserID)
	_, err = p.svc.DeactivateUser(p.as["manny"], carol.ID)
	require.ErrorIs(t, err, apperr.Forbidden)
	_, err = p.svc.DeactivateUser(p.as["admin"], p.users["admin"].ID)
	require.ErrorIs(t, err, apperr.Conflict)
	gone, err := p.svc.DeactivateUser(p.as["admin"], carol.ID)
	require.NoError(t, err)
	require.NotNil(t, gone.DeactivatedAt)
	_, err = p.svc.Authenticate(ctx, tok)
	require.ErrorIs(t, err, apperr.Unauthenticated)
	toks, err := p.svc.Tokens(p.as["admin"], &carol.ID)
	require.NoError(t, err)
	require.Len(t, toks, 2)
	for _, tk := range toks {
		require.NotNil(t, tk.RevokedAt)
	}
	_, _, err = p.svc.CreateToken(p.as["admin"], auth.TokenRequest{UserID: &carol.ID})
	require.ErrorIs(t, err, apperr.Conflict)
	_, err = p.svc.IssueTokenFor(ctx, "carol")
	require.ErrorIs(t, err, apperr.Conflict, "the operator's path too")
}

// TestOwnTokens: a user lists, creates (with a name and an expiry) and revokes their own tokens;
// another's answer NOT_FOUND; an expired token stops working.
func TestOwnTokens(t *testing.T) {
	t.Parallel()
	p := setupPeople(t)
	ctx := context.Background()
	week := duration.Duration(7 * duration.Day)
	tk, secret, err := p.svc.CreateToken(p.as["alice"], auth.TokenRequest{Name: "laptop", ExpiresIn: &week})
	require.NoError(t, err)
	require.Equal(t, "laptop", tk.Label)
	require.Equal(t, p.clock.Now().Add(7*duration.Day).UTC(), tk.ExpiresAt.UTC())
	require.Equal(t, secret[:9], tk.Prefix)
	_, err = p.svc.Authenticate(ctx, secret)
	require.NoError(t, err)

	list, err := p.svc.Tokens(p.as["alice"], nil)
	require.NoError(t, err)
	require.Len(t, list, 2)
	require.NotNil(t, list[1].LastUsedAt, "the first token was used to sign in")
	_, err = p.svc.Tokens(p.as["alice"], &p.users["bob"].ID)
	require.ErrorIs(t, err, apperr.NotFound)
	_, _, err = p.svc.CreateToken(p.as["manny"], auth.TokenRequest{UserID: &p.users["alice"].ID})
	require.ErrorIs(t, err, apperr.NotFound, "managers do not manage tokens")
	_, _, err = p.svc.CreateToken(p.as["alice"], auth.TokenRequest{ExpiresIn: ptr(duration.Duration(-1))})
	require.ErrorIs(t, err, apperr.InvalidArgument)

	_, err = p.svc.RevokeToken(p.as["bob"], tk.ID)
	require.ErrorIs(t, err, apperr.NotFound)

	// Past its expiry (and the two seconds a valid token is remembered) it stops.
	p.clock.Advance(7*duration.Day + 3*time.Second)
	_, err = p.svc.Authenticate(ctx, secret)
	require.ErrorIs(t, err, apperr.Unauthenticated)
	require.False(t, auth.Active(tk, p.clock.Now()))

	other, otherSecret, err := p.svc.CreateToken(p.as["alice"], auth.TokenRequest{})
	require.NoError(t, err)
	revoked, err := p.svc.RevokeToken(p.as["alice"], other.ID)
	require.NoError(t, err)
	require.NotNil(t, revoked.RevokedAt)
	_, err = p.svc.Authenticate(ctx, otherSecret)
	require.ErrorIs(t, err, apperr.Unauthenticated, "at once")
	_, err = p.svc.RevokeToken(p.as["alice"], other.ID)
	require.ErrorIs(t, err, apperr.Conflict)
	_, err = p.svc.RevokeToken(p.as["admin"], p.users["bob"].ID) // an id that is no token's
	require.Error(t, err)
}

// TestProfile: email, time zone and webhook URL are validated; "" clears; http only to loopback.
func TestProfile(t *testing.T) {
	t.Parallel()
	p := setupPeople(t)
	u, err := p.svc.UpdateProfile(p.as["alice"], auth.Profile{Email: ptr("alice@example.com"), TimeZone: ptr("Europe/Berlin"),
		WebhookURL: ptr("https://chat.example.com/hooks/x")})
	require.NoError(t, err)
	require.Equal(t, "alice@example.com", *u.Email)
	require.Equal(t, "Europe/Berlin", *u.TimeZone)
	require.Equal(t, "https://chat.example.com/hooks/x", *u.WebhookURL)

	for _, url := range []string{"http://127.0.0.1:9000/hook", "http://localhost/hook", "http://[::1]:8080/"} {
		_, err = p.svc.UpdateProfile(p.as["alice"], auth.Profile{WebhookURL: &url})
		require.NoError(t, err, url)
	}
	for _, url := range []string{"http://chat.example.com/hook", "ftp://example.com/", "https://", "file:///etc/passwd", "http://10.0.0.1/"} {
		_, err = p.svc.UpdateProfile(p.as["alice"], auth.Profile{WebhookURL: &url})
		require.ErrorIs(t, err, apperr.InvalidArgument, url)
	}
	_, err = p.svc.UpdateProfile(p.as["alice"], auth.Profile{TimeZone: ptr("Mars/Olympus")})
	require.ErrorIs(t, err, apperr.InvalidArgument)
	_, err = p.svc.UpdateProfile(p.as["alice"], auth.Profile{Email: ptr("Alice <alice@example.com>")})
	require.ErrorIs(t, err, apperr.InvalidArgument)

	u, err = p.svc.UpdateProfile(p.as["alice"], auth.Profile{WebhookURL: ptr(""), TimeZone: ptr("")})
	require.NoError(t, err)
	require.Nil(t, u.WebhookURL)
	require.Nil(t, u.TimeZone)
	require.Equal(t, "alice@example.com", *u.Email, "left alone")
}
