package auth

import (
	"context"
	"net"
	"net/mail"
	"net/url"
	"strings"
	"time"

	// Users name IANA zones; the host may have no zoneinfo (distroless images).
	_ "time/tzdata"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/apitoken"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/viewer"
	"github.com/hardcandy/hardcandy/visibility"
)

// maxListed bounds the people and tokens one list answers.
const maxListed = 1000

func invalid(format string, args ...any) error {
	return apperr.New(apperr.InvalidArgument, format, args...)
}

// CheckEmail accepts a bare address ("ada@example.com"), or "" to clear it.
func CheckEmail(s string) error {
	if s == "" {
		return nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return invalid("email: %q is not an address such as ada@example.com", s)
	}
	return nil
}

// CheckTimeZone accepts an IANA zone ("Europe/Berlin"), or "" to clear it.
func CheckTimeZone(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.LoadLocation(s); err != nil || s == "Local" {
		return invalid("timeZone: %q is not an IANA time zone such as Europe/Berlin", s)
	}
	return nil
}

// CheckWebhookURL accepts an https URL, or an http one to a loopback host (tests, a local relay),
// or "" to clear it: notices are signed but not encrypted, so they cross networks only over TLS.
func CheckWebhookURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil {
		return invalid("webhookUrl: %q is not an absolute https URL", s)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		host := u.Hostname()
		if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
			return nil
		}
		return invalid("webhookUrl: http is only for loopback hosts (localhost, 127.0.0.1, [::1]); use https")
	}
	return invalid("webhookUrl: %q is not an https URL", s)
}

// CreateUser is the admins' way to add a user (and the cost center when new); it returns the
// user with a first token, shown once.
func (s *Service) CreateUser(ctx context.Context, in NewUser) (*ent.User, string, error) {
	if _, err := RequireAdmin(ctx, "createUser"); err != nil {
		return nil, "", err
	}
	if err := CheckEmail(in.Email); err != nil {
		return nil, "", err
	}
	if strings.TrimSpace(in.CostCenter) == "" {
		return nil, "", invalid("costCenter: every user belongs to a cost center")
	}
	return s.AddUser(ctx, in)
}

// UserChanges are an admin's changes to a user; nil fields stay.
type UserChanges struct {
	Role       *viewer.Role
	CostCenter *string
	Email      *string
}

// UpdateUser changes a user's role, cost center or email (admins). An admin's own role stays: a
// last admin could otherwise lock everyone out.
func (s *Service) UpdateUser(ctx context.Context, id int, in UserChanges) (*ent.User, error) {
	v, sys, err := AuthorizedAdmin(ctx, "updateUser")
	if err != nil {
		return nil, err
	}
	u, err := s.client.User.Get(sys, id)
	if err != nil {
		return nil, database.Wrap(err, "user %d", id)
	}
	now := s.clock.Now().UTC()
	up := s.client.User.UpdateOneID(id).SetUpdatedAt(now)
	if in.Role != nil {
		role := user.Role(strings.ToUpper(string(*in.Role)))
		if err := user.RoleValidator(role); err != nil {
			return nil, invalid("role: %q is not one of USER, MANAGER, ADMIN", *in.Role)
		}
		if id == v.UserID && role != u.Role {
			return nil, apperr.New(apperr.Conflict, "role: you cannot change your own role; ask another admin")
		}
		up.SetRole(role)
	}
	if in.Email != nil {
		e := strings.TrimSpace(*in.Email)
		if err := CheckEmail(e); err != nil {
			return nil, err
		}
		if e == "" {
			up.ClearEmail()
		} else {
			up.SetEmail(e)
		}
	}
	if in.CostCenter != nil {
		code := strings.TrimSpace(*in.CostCenter)
		cc, err := s.client.CostCenter.Query().Where(costcenter.Code(code)).Only(sys)
		if ent.IsNotFound(err) {
			return nil, apperr.New(apperr.NotFound, "costCenter: no cost center %q", code)
		} else if err != nil {
			return nil, database.Wrap(err, "cost center %q", code)
		}
		up.SetCostCenterID(cc.ID)
	}
	if err := up.Exec(sys); err != nil {
		return nil, database.Wrap(err, "update user %d", id)
	}
	s.forget() // role and cost center count from the next request on
	return s.client.User.Get(ctx, id)
}

// DeactivateUser revokes every token of a user at once, open websockets included, and refuses
// them new ones (admins). Their leases are left to run to their normal end.
func (s *Service) DeactivateUser(ctx context.Context, id int) (*ent.User, error) {
	v, err := RequireAdmin(ctx, "deactivateUser")
	if err != nil {
		return nil, err
	}
	if id == v.UserID {
		return nil, apperr.New(apperr.Conflict, "you cannot deactivate yourself; ask another admin")
	}
	sys := database.System(ctx)
	now := s.clock.Now().UTC()
	err = s.store.Write(sys, func(tx *database.Tx) error {
		n, err := tx.User.Update().Where(user.ID(id), user.DeactivatedAtIsNil()).SetDeactivatedAt(now).SetUpdatedAt(now).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			if _, err := tx.User.Get(sys, id); err != nil {
				return err
			}
			return apperr.New(apperr.Conflict, "user %d is already deactivated", id)
		}
		return tx.APIToken.Update().Where(apitoken.UserID(id), apitoken.RevokedAtIsNil()).SetRevokedAt(now).Exec(sys)
	})
	if err != nil {
		return nil, database.Wrap(err, "deactivate user %d", id)
	}
	s.forget()
	s.kickRecheck()
	return s.client.User.Get(ctx, id)
}

// forget drops the remembered tokens, so a change here counts from the next request on.
func (s *Service) forget() {
	s.mu.Lock()
	clear(s.known)
	s.mu.Unlock()
}

// Users lists the people the viewer may see (oneself; a manager's cost center; admins all), by
// name.
func (s *Service) Users(ctx context.Context) ([]*ent.User, error) {
	if _, err := Require(ctx); err != nil {
		return nil, err
	}
	out, err := s.client.User.Query().Order(ent.Asc(user.FieldName)).Limit(maxListed).All(ctx)
	return out, database.Wrap(err, "users")
}

// Tokens lists a user's tokens, newest first, revoked ones included: one's own, or anyone's for
// admins (userID nil: the viewer's). Another user's answer NOT_FOUND to non-admins.
func (s *Service) Tokens(ctx context.Context, userID *int) ([]*ent.APIToken, error) {
	v, err := Require(ctx)
	if err != nil {
		return nil, err
	}
	id := v.UserID
	if userID != nil {
		id = *userID
	}
	if !visibility.MayManage(v, id) {
		return nil, apperr.New(apperr.NotFound, "user %d: not found", id)
	}
	out, err := s.client.APIToken.Query().Where(apitoken.UserID(id)).
		Order(ent.Desc(apitoken.FieldCreatedAt), ent.Desc(apitoken.FieldID)).Limit(maxListed).All(database.System(ctx))
	return out, database.Wrap(err, "tokens")
}

// TokenRequest asks for a new token.
type TokenRequest struct {
	// UserID is whose (admins for anyone); nil: the viewer's.
	UserID *int   `json:"userId,omitempty"`
	Name   string `json:"name"`
	// ExpiresIn, when set, ends the token that long from now.
	ExpiresIn *duration.Duration `json:"expiresIn,omitempty"`
}

// CreateToken issues a token to oneself, or to anyone for admins; the secret is returned once.
func (s *Service) CreateToken(ctx context.Context, in TokenRequest) (*ent.APIToken, string, error) {
	v, sys, err := Authorized(ctx)
	if err != nil {
		return nil, "", err
	}
	id := v.UserID
	if in.UserID != nil {
		id = *in.UserID
	}
	if !visibility.MayManage(v, id) {
		return nil, "", apperr.New(apperr.NotFound, "user %d: not found", id)
	}
	name := strings.TrimSpace(in.Name)
	if len(name) > 100 {
		return nil, "", invalid("name: at most 100 characters")
	}
	var expires *time.Time
	if in.ExpiresIn != nil {
		if *in.ExpiresIn <= 0 {
			return nil, "", invalid("expiresIn: must be positive")
		}
		t := s.clock.Now().UTC().Add(in.ExpiresIn.Std())
		expires = &t
	}
	t, tok, err := s.issue(sys, id, name, expires)
	return t, tok, err
}

// RevokeToken revokes one token by id: one's own, or anyone's for admins. Open websockets that
// use it end within a second.
func (s *Service) RevokeToken(ctx context.Context, id int) (*ent.APIToken, error) {
	v, sys, err := Authorized(ctx)
	if err != nil {
		return nil, err
	}
	t, err := s.client.APIToken.Get(sys, id)
	if ent.IsNotFound(err) || err == nil && !visibility.MayManage(v, t.UserID) {
		return nil, apperr.New(apperr.NotFound, "token %d: not found", id)
	} else if err != nil {
		return nil, database.Wrap(err, "token %d", id)
	}
	if t.RevokedAt != nil {
		return nil, apperr.New(apperr.Conflict, "token %s… is already revoked", t.Prefix)
	}
	now := s.clock.Now().UTC()
	if err := s.client.APIToken.UpdateOneID(id).Where(apitoken.RevokedAtIsNil()).SetRevokedAt(now).Exec(sys); err != nil {
		return nil, database.Wrap(err, "revoke token %d", id)
	}
	s.forget()
	s.kickRecheck()
	return s.client.APIToken.Get(sys, id)
}

// Profile is what every user sets for themselves; nil fields stay, "" clears.
type Profile struct {
	Email      *string `json:"email,omitempty"`
	TimeZone   *string `json:"timeZone,omitempty"`
	WebhookURL *string `json:"webhookUrl,omitempty"`
}

// UpdateProfile sets the viewer's own email, time zone and webhook URL for notices.
func (s *Service) UpdateProfile(ctx context.Context, in Profile) (*ent.User, error) {
	v, err := Require(ctx)
	if err != nil {
		return nil, err
	}
	up := s.client.User.UpdateOneID(v.UserID).SetUpdatedAt(s.clock.Now().UTC())
	set := func(p *string, check func(string) error, set func(string), clear func()) error {
		if p == nil {
			return nil
		}
		val := strings.TrimSpace(*p)
		if err := check(val); err != nil {
			return err
		}
		if val == "" {
			clear()
		} else {
			set(val)
		}
		return nil
	}
	for _, err := range []error{
		set(in.Email, CheckEmail, func(x string) { up.SetEmail(x) }, func() { up.ClearEmail() }),
		set(in.TimeZone, CheckTimeZone, func(x string) { up.SetTimeZone(x) }, func() { up.ClearTimeZone() }),
		set(in.WebhookURL, CheckWebhookURL, func(x string) { up.SetWebhookURL(x) }, func() { up.ClearWebhookURL() }),
	} {
		if err != nil {
			return nil, err
		}
	}
	if err := up.Exec(database.System(ctx)); err != nil {
		return nil, database.Wrap(err, "update profile")
	}
	return s.client.User.Get(ctx, v.UserID)
}

// WebhookURL is u's webhook URL for notices when the viewer may manage u, else nil: it may carry
// a secret path.
func WebhookURL(ctx context.Context, u *ent.User) *string {
	if v, ok := viewer.FromContext(ctx); ok && visibility.MayManage(v, u.ID) {
		return u.WebhookURL
	}
	return nil
}

// issue writes a token for userID, refusing deactivated users; only its hash is kept.
func (s *Service) issue(sys context.Context, userID int, label string, expires *time.Time) (*ent.APIToken, string, error) {
	u, err := s.client.User.Get(sys, userID)
	if err != nil {
		return nil, "", database.Wrap(err, "user %d", userID)
	}
	if u.DeactivatedAt != nil {
		return nil, "", apperr.New(apperr.Conflict, "user %s is deactivated: no new tokens", u.Name)
	}
	tok, err := NewToken()
	if err != nil {
		return nil, "", err
	}
	t, err := s.client.APIToken.Create().SetHash(hash(tok)).SetPrefix(tok[:len(tokenPrefix)+6]).SetLabel(label).
		SetUserID(userID).SetCreatedAt(s.clock.Now().UTC()).SetNillableExpiresAt(expires).Save(sys)
	if err != nil {
		return nil, "", database.Wrap(err, "issue token")
	}
	return t, tok, nil
}

// Active reports whether t works at now: neither revoked nor expired.
func Active(t *ent.APIToken, now time.Time) bool {
	return t.RevokedAt == nil && (t.ExpiresAt == nil || t.ExpiresAt.After(now))
}
