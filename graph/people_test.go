package graph_test

import (
	"context"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/graph"
)

// TestPeopleOverGraphQL: admins create, change and deactivate users (deactivation ends the
// user's websocket too); users manage their own tokens and profile; webhook URLs are shown only
// to their owner and admins.
func TestPeopleOverGraphQL(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()

	const create = `mutation($in: CreateUserInput!) { createUser(input: $in) { token user { id name role costCenter { code } } } }`
	in := map[string]any{"in": map[string]any{"name": "carol", "costCenter": "ENG", "email": "carol@example.com"}}
	require.Equal(t, "FORBIDDEN", b.do(t, "manny", create, in).code())
	var created struct {
		CreateUser struct {
			Token string
			User  struct {
				ID, Name, Role string
				CostCenter     struct{ Code string }
			}
		}
	}
	b.ok(t, "admin", create, in, &created)
	require.Equal(t, "USER", created.CreateUser.User.Role)
	b.tokens["carol"] = created.CreateUser.Token
	carol := created.CreateUser.User.ID

	var who struct{ Viewer struct{ Name, Role string } }
	b.ok(t, "carol", `{ viewer { name role } }`, nil, &who)
	require.Equal(t, "carol", who.Viewer.Name)

	var upd struct{ UpdateUser struct{ Role string } }
	b.ok(t, "admin", `mutation($id: ID!) { updateUser(id: $id, input: {role: MANAGER}) { role } }`, map[string]any{"id": carol}, &upd)
	require.Equal(t, "MANAGER", upd.UpdateUser.Role)
	b.ok(t, "carol", `{ viewer { name role } }`, nil, &who)
	require.Equal(t, "MANAGER", who.Viewer.Role, "at once")

	// Her own tokens and profile.
	var tok struct {
		CreateToken struct {
			Token    string
			APIToken struct {
				ID, Prefix string
				Name       *string
				ExpiresAt  *string
				Active     bool
			}
		}
	}
	b.ok(t, "carol", `mutation { createToken(input: {name: "ci", expiresIn: "30d"}) { token apiToken { id prefix name expiresAt active } } }`, nil, &tok)
	require.Equal(t, "ci", *tok.CreateToken.APIToken.Name)
	require.NotNil(t, tok.CreateToken.APIToken.ExpiresAt)
	require.True(t, tok.CreateToken.APIToken.Active)
	require.Equal(t, tok.CreateToken.Token[:9], tok.CreateToken.APIToken.Prefix)
	var list struct{ Tokens []struct{ ID, Prefix string } }
	b.ok(t, "carol", `{ tokens { id prefix } }`, nil, &list)
	require.Len(t, list.Tokens, 2)
	require.Equal(t, "NOT_FOUND", b.do(t, "alice", `query($u: ID!) { tokens(userId: $u) { id } }`, map[string]any{"u": carol}).code())
	require.Equal(t, "NOT_FOUND", b.do(t, "alice", `mutation($id: ID!) { revokeToken(id: $id) { id } }`,
		map[string]any{"id": tok.CreateToken.APIToken.ID}).code())
	var rev struct{ RevokeToken struct{ Active bool } }
	b.ok(t, "carol", `mutation($id: ID!) { revokeToken(id: $id) { active } }`, map[string]any{"id": tok.CreateToken.APIToken.ID}, &rev)
	require.False(t, rev.RevokeToken.Active)

	const profile = `mutation($in: UpdateProfileInput!) { updateProfile(input: $in) { email timeZone webhookUrl } }`
	require.Equal(t, "INVALID_ARGUMENT", b.do(t, "carol", profile, map[string]any{"in": map[string]any{"webhookUrl": "http://example.com/x"}}).code())
	var prof struct {
		UpdateProfile struct{ Email, TimeZone, WebhookURL *string }
	}
	b.ok(t, "carol", profile, map[string]any{"in": map[string]any{"timeZone": "Europe/Berlin", "webhookUrl": "http://127.0.0.1:9/hook"}}, &prof)
	require.Equal(t, "Europe/Berlin", *prof.UpdateProfile.TimeZone)
	require.Equal(t, "carol@example.com", *prof.UpdateProfile.Email)
	var seen struct {
		Users []struct {
			Name       string
			WebhookURL *string `json:"webhookUrl"`
		}
	}
	b.ok(t, "manny", `{ users { name webhookUrl } }`, nil, &seen)
	require.Len(t, seen.Users, 4, "manny's cost center: admin, alice, carol, manny")
	for _, u := range seen.Users {
		require.Nil(t, u.WebhookURL, "not for a manager: %s", u.Name)
	}
	b.ok(t, "admin", `{ users { name webhookUrl } }`, nil, &seen)
	require.Len(t, seen.Users, 5)

	// Deactivated: her HTTP requests and her open websocket end at once.
	ws := dialWS(t, ctx, b.srv.URL)
	initWS(t, ctx, ws, b.tokens["carol"])
	var me struct{ Viewer struct{ ID string } }
	b.ok(t, "admin", `{ viewer { id } }`, nil, &me)
	require.Equal(t, "CONFLICT", b.do(t, "admin", `mutation($id: ID!) { deactivateUser(id: $id) { id } }`, map[string]any{"id": me.Viewer.ID}).code())
	var deact struct {
		DeactivateUser struct{ DeactivatedAt *string }
	}
	b.ok(t, "admin", `mutation($id: ID!) { deactivateUser(id: $id) { deactivatedAt } }`, map[string]any{"id": carol}, &deact)
	require.NotNil(t, deact.DeactivateUser.DeactivatedAt)
	require.Equal(t, "UNAUTHENTICATED", b.do(t, "carol", `{ viewer { name } }`, nil).code())
	b.clock.Advance(time.Second)
	require.Equal(t, websocket.StatusCode(graph.CloseUnauthorized), readUntilClosed(ctx, ws))
}
