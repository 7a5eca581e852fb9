// Package auth knows who is calling: users, roles, cost centers and API tokens. Tokens are random,
// shown once, and stored as SHA-256 hashes.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/apitoken"
	"github.com/hardcandy/hardcandy/ent/costcenter"
	"github.com/hardcandy/hardcandy/ent/predicate"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/viewer"
)

// tokenPrefix marks Hardcandy tokens so they are recognisable in logs and secret scanners.
const tokenPrefix = "hc_"

// lastUsedEvery bounds how often a token's last-used time is written: reads stay reads.
const lastUsedEvery = time.Minute

// Service authenticates tokens and manages users.
type Service struct {
	client *ent.Client
	store  *database.Store
	clock  clockwork.Clock

	mu       sync.Mutex
	lastUsed map[string]time.Time
	known    map[string]knownToken

	// Long-lived sessions (websockets) whose tokens are checked again (see Watch).
	wmu      sync.Mutex
	sessions map[*session]struct{}
	watching bool
	kick     chan struct{}
}

// knownToken is a token recently found valid, and until when that answer is trusted.
type knownToken struct {
	v     viewer.Viewer
	until time.Time
}

// Every request authenticates; remembering a valid token for a moment saves the lookup on all
// but the first of a client's requests. The price: a token revoked by another process (the CLI,
// another replica) keeps working for up to knownFor here; a revocation through this service
// takes effect at once.
const (
	knownFor   = 2 * time.Second
	knownLimit = 10_000
)

// NewService returns an auth service.
func NewService(store *database.Store, clock clockwork.Clock) *Service {
	return &Service{client: store.Client, store: store, clock: clock, lastUsed: map[string]time.Time{}, known: map[string]knownToken{},
		sessions: map[*session]struct{}{}, kick: make(chan struct{}, 1)}
}

func hash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// NewToken returns a fresh random token.
func NewToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return tokenPrefix + base64.RawURLEncoding.EncodeToString(b), nil
}

// IssueToken creates a token for a user and returns it; only its hash is kept.
func (s *Service) IssueToken(ctx context.Context, userID int, label string) (string, error) {
	_, tok, err := s.issue(database.System(ctx), userID, label, nil)
	return tok, err
}

// Revoke revokes the token given in full, or every active token whose prefix matches (as printed
// by `user add`), and returns how many it revoked. It is the operator's path (no viewer).
func (s *Service) Revoke(ctx context.Context, tokenOrPrefix string) (int, error) {
	sys := database.System(ctx)
	q := s.client.APIToken.Update().Where(apitoken.RevokedAtIsNil())
	if len(tokenOrPrefix) > len(tokenPrefix)+6 {
		q.Where(apitoken.Hash(hash(tokenOrPrefix)))
	} else {
		q.Where(apitoken.Prefix(tokenOrPrefix))
	}
	n, err := q.SetRevokedAt(s.clock.Now().UTC()).Save(sys)
	if err != nil {
		return 0, database.Wrap(err, "revoke token")
	}
	if n == 0 {
		return 0, apperr.New(apperr.NotFound, "no active token matches %q", tokenOrPrefix)
	}
	s.mu.Lock()
	clear(s.known) // revoked here: no grace period
	s.mu.Unlock()
	s.kickRecheck()
	return n, nil
}

// Authenticate returns the viewer a token belongs to, or UNAUTHENTICATED. It costs one
// statement, the user found through the token's hash, unless the token was found valid within
// the last knownFor.
func (s *Service) Authenticate(ctx context.Context, token string) (viewer.Viewer, error) {
	sys := database.System(ctx)
	h := hash(token)
	now := s.clock.Now()
	s.mu.Lock()
	k, ok := s.known[string(h)]
	s.mu.Unlock()
	if ok && now.Before(k.until) {
		s.touch(sys, h)
		return k.v, nil
	}
	// From the token to its user ("users.id IN (SELECT user_id ... WHERE hash = ?)"): two index
	// lookups. Asked the other way round (users having such a token), ent writes a correlated
	// EXISTS that probes every user, on every request.
	u, err := s.client.APIToken.Query().
		Where(apitoken.Hash(h), apitoken.RevokedAtIsNil(), Unexpired(now)).
		QueryUser().Unique(false). // a token has one user: no DISTINCT needed
		Select(user.FieldID, user.FieldName, user.FieldRole, user.FieldCostCenterID).
		Only(sys)
	if ent.IsNotFound(err) {
		return viewer.Viewer{}, apperr.New(apperr.Unauthenticated, "the token is unknown or revoked")
	} else if err != nil {
		return viewer.Viewer{}, fmt.Errorf("authenticate: %w", err)
	}
	v := viewer.Viewer{UserID: u.ID, Name: u.Name, Role: viewer.Role(u.Role)}
	if u.CostCenterID != nil {
		v.CostCenterID = *u.CostCenterID
	}
	s.mu.Lock()
	if len(s.known) >= knownLimit {
		clear(s.known)
	}
	s.known[string(h)] = knownToken{v: v, until: now.Add(knownFor)}
	s.mu.Unlock()
	s.touch(sys, h)
	return v, nil
}

// touch records the token's use at most once a minute per token and process.
func (s *Service) touch(ctx context.Context, h []byte) {
	now := s.clock.Now().UTC()
	key := string(h)
	s.mu.Lock()
	last, seen := s.lastUsed[key]
	if seen && now.Sub(last) < lastUsedEvery {
		s.mu.Unlock()
		return
	}
	s.lastUsed[key] = now
	s.mu.Unlock()
	// Best effort: a failed bookkeeping write must not fail the request. In a transaction, so
	// that on SQLite it joins the writes queued for the next group commit.
	_ = s.store.Write(ctx, func(tx *database.Tx) error {
		return tx.APIToken.Update().Where(apitoken.Hash(h)).SetLastUsedAt(now).Exec(ctx)
	})
}

// Unexpired matches tokens without an expiry or whose expiry is after now.
func Unexpired(now time.Time) predicate.APIToken {
	return apitoken.Or(apitoken.ExpiresAtIsNil(), apitoken.ExpiresAtGT(now.UTC()))
}

// BearerToken extracts the token from an Authorization header value.
func BearerToken(header string) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return "", false
	}
	return strings.TrimSpace(tok), true
}

// Middleware authenticates the bearer token, when there is one, and puts the viewer into the
// request context. It refuses nothing itself: a missing or bad token leaves no viewer (and the
// reason), and every operation that needs one answers UNAUTHENTICATED in its own format.
func (s *Service) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		ctx := r.Context()
		if tok, ok := BearerToken(h); !ok {
			ctx = context.WithValue(ctx, authErrKey{}, apperr.New(apperr.Unauthenticated, "the Authorization header must be \"Bearer TOKEN\""))
		} else if v, err := s.Authenticate(ctx, tok); err != nil {
			ctx = context.WithValue(ctx, authErrKey{}, err)
		} else {
			ctx = viewer.NewContext(ctx, v)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

type authErrKey struct{}

// NewUser describes a user to create.
type NewUser struct {
	Name       string
	Role       viewer.Role
	CostCenter string
	Email      string
}

// AddUser creates a user, and the cost center when it is new, and returns the user with a new
// token. It is the operator's bootstrap path and needs no viewer.
func (s *Service) AddUser(ctx context.Context, in NewUser) (*ent.User, string, error) {
	sys := database.System(ctx)
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return nil, "", apperr.New(apperr.InvalidArgument, "name: must not be empty")
	}
	role := user.Role(strings.ToUpper(string(in.Role)))
	if err := user.RoleValidator(role); err != nil {
		return nil, "", apperr.New(apperr.InvalidArgument, "role: %q is not one of user, manager, admin", in.Role)
	}
	now := s.clock.Now().UTC()
	var u *ent.User
	err := s.store.Write(sys, func(tx *database.Tx) error {
		cr := tx.User.Create().SetName(in.Name).SetRole(role).SetCreatedAt(now).SetUpdatedAt(now)
		if in.Email != "" {
			cr.SetEmail(in.Email)
		}
		if code := strings.TrimSpace(in.CostCenter); code != "" {
			ccID, err := tx.CostCenter.Create().SetCode(code).SetName(code).SetCreatedAt(now).SetUpdatedAt(now).
				OnConflictColumns(costcenter.FieldCode).Ignore().ID(sys)
			if err != nil {
				return err
			}
			cr.SetCostCenterID(ccID)
		}
		var err error
		u, err = cr.Save(sys)
		if ent.IsConstraintError(err) {
			return apperr.New(apperr.Conflict, "a user named %q already exists", in.Name)
		}
		return err
	})
	if err != nil {
		return nil, "", database.Wrap(err, "add user %s", in.Name)
	}
	_, tok, err := s.issue(sys, u.ID, "created with the user", nil)
	if err != nil {
		return nil, "", err
	}
	return u.Unwrap(), tok, nil
}

// IssueTokenFor issues a new token for the user with the given name.
func (s *Service) IssueTokenFor(ctx context.Context, name string) (string, error) {
	sys := database.System(ctx)
	u, err := s.client.User.Query().Where(user.Name(name)).Only(sys)
	if err != nil {
		return "", database.Wrap(err, "user %q", name)
	}
	_, tok, err := s.issue(sys, u.ID, "issued by an operator", nil)
	return tok, err
}
