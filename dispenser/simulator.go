package dispenser

import (
	"context"
	crand "crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/jonboulle/clockwork"
)

// errSimulated is the cause of every failure the simulator makes up.
var errSimulated = errors.New("simulated failure")

// simulator is the embedded default driver: it provisions nothing, sleeps like a backend would
// and hands out plausible fake credentials. It holds no mutable state after construction, so
// concurrent calls share nothing but the random sources.
type simulator struct {
	clock              clockwork.Clock
	latency            time.Duration
	jitter             time.Duration
	failureRate        float64
	reclaimFailureRate float64
	refuse             map[string]bool
}

func newSimulator(cfg Config, o options) (Dispenser, error) {
	err := errors.Join(
		checkNonNegative("latency", cfg.Latency),
		checkNonNegative("jitter", cfg.Jitter),
		checkRate("failure_rate", cfg.FailureRate),
		checkRate("reclaim_failure_rate", cfg.ReclaimFailureRate),
	)
	if err != nil {
		return nil, err
	}
	s := &simulator{
		clock:              o.clock,
		latency:            cfg.Latency.Std(),
		jitter:             cfg.Jitter.Std(),
		failureRate:        cfg.FailureRate,
		reclaimFailureRate: cfg.ReclaimFailureRate,
		refuse:             make(map[string]bool, len(cfg.RefuseUsers)),
	}
	for _, u := range cfg.RefuseUsers {
		s.refuse[u] = true
	}
	return s, nil
}

// sleep waits latency plus jitter, returning early with a not-touched error when ctx ends:
// the simulator acts only after the wait, so an abandoned call changed nothing.
func (s *simulator) sleep(ctx context.Context) error {
	d := s.latency
	if s.jitter > 0 {
		d += rand.N(s.jitter + 1)
	}
	if d <= 0 {
		// The hot path at zero latency: no timer, just a cheap cancellation check.
		if err := ctx.Err(); err != nil {
			return &Error{Message: "the request was cancelled", Err: fmt.Errorf("simulator: %w", err)}
		}
		return nil
	}
	t := s.clock.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.Chan():
		return nil
	case <-ctx.Done():
		return &Error{Message: "the request was cancelled", Err: fmt.Errorf("simulator: %w", ctx.Err())}
	}
}

// Check refuses the configured users and allows everyone else.
//
// The configured latency models provisioning (Vend, Reclaim); a policy check is a lookup and
// answers at once.
func (s *simulator) Check(ctx context.Context, req CheckRequest) error {
	if err := ctx.Err(); err != nil {
		return &Error{Message: "check cancelled", Err: err}
	}
	if s.refuse[req.User.Name] {
		return refused(fmt.Sprintf("user %s may not lease %s (simulated policy)", req.User.Name, req.SKU), nil)
	}
	return nil
}

// Vend returns fake credentials shaped like the real backend of the item's type would.
func (s *simulator) Vend(ctx context.Context, lease Lease, item Item) (json.RawMessage, error) {
	if err := s.sleep(ctx); err != nil {
		return nil, err
	}
	if s.failureRate > 0 && rand.Float64() < s.failureRate {
		// Pretend the failure happened half way through, as real ones do.
		return nil, failed(ActionVend, "simulated failure", true, errSimulated)
	}
	creds, err := fakeCredentials(lease, item)
	if err != nil {
		return nil, err
	}
	return creds, nil
}

// Reclaim succeeds unless the reclaim failure rate says otherwise.
func (s *simulator) Reclaim(ctx context.Context, item Item) error {
	if err := s.sleep(ctx); err != nil {
		return err
	}
	if s.reclaimFailureRate > 0 && rand.Float64() < s.reclaimFailureRate {
		return failed(ActionReclaim, "simulated failure", false, errSimulated)
	}
	return nil
}

// Credential shapes, as struct types so the field order is stable and marshalling is cheap.
type (
	metalCredentials struct {
		IPMIAddress    string `json:"ipmi_address"`
		IPMIUser       string `json:"ipmi_user"`
		IPMIPassword   string `json:"ipmi_password"`
		SSH            string `json:"ssh"`
		JujuController string `json:"juju_controller,omitempty"`
	}
	openStackCredentials struct {
		AuthURL  string `json:"auth_url"`
		Project  string `json:"project"`
		Username string `json:"username"`
		Password string `json:"password"`
	}
	vCloudCredentials struct {
		URL      string `json:"url"`
		Org      string `json:"org"`
		Username string `json:"username"`
		Password string `json:"password"`
	}
)

func fakeCredentials(lease Lease, item Item) (json.RawMessage, error) {
	var v any
	switch item.Type {
	case "A":
		v = openStackCredentials{
			AuthURL:  "https://" + item.Name + ".openstack.example/v3",
			Project:  item.Name,
			Username: lease.User.Name,
			Password: password(),
		}
	case "B", "C":
		v = vCloudCredentials{
			URL:      "https://" + item.Name + ".vcloud.example",
			Org:      item.Name,
			Username: lease.User.Name,
			Password: password(),
		}
	case "D", "E":
		c := metalCredentials{
			IPMIAddress:  ipmiAddress(item),
			IPMIUser:     "admin",
			IPMIPassword: password(),
			SSH:          "ssh root@" + item.Name,
		}
		if item.Type == "E" {
			c.JujuController = item.Name + "-juju:17070"
		}
		v = c
	default:
		// Nothing was provisioned, so the item is untouched.
		return nil, failed(ActionVend, fmt.Sprintf("item type %q is not one the simulator knows", item.Type), false,
			fmt.Errorf("simulator: unknown item type %q", item.Type))
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, failed(ActionVend, "the simulator could not encode credentials", false, fmt.Errorf("simulator: %w", err))
	}
	if len(item.Parameters) > 0 {
		if b, err = withParameters(b, item); err != nil {
			return nil, failed(ActionVend, "the simulator could not encode credentials", false, fmt.Errorf("simulator: %w", err))
		}
	}
	return b, nil
}

// withParameters adds to fake credentials what a backend would show of the vend's parameters:
// the names it applied (never their values, which may be secrets) and, as real images and
// platforms would, the image and domain chosen.
func withParameters(creds json.RawMessage, item Item) (json.RawMessage, error) {
	var m map[string]any
	if err := json.Unmarshal(creds, &m); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(item.Parameters))
	for k := range item.Parameters {
		names = append(names, k)
	}
	sort.Strings(names)
	m["parameters_applied"] = names
	for _, k := range []string{"image", "domain"} {
		if v, ok := item.Parameters[k].(string); ok {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

// ipmiAddress derives a stable 10.x.y.z address from the item, so a machine keeps its BMC
// address from one lease to the next like real hardware does.
func ipmiAddress(item Item) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d/%s", item.ID, item.Name)
	sum := h.Sum32()
	// Last octet in 1..254: avoid network and broadcast addresses.
	return fmt.Sprintf("10.%d.%d.%d", byte(sum>>24), byte(sum>>16), 1+sum%254)
}

const passwordAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// password returns 16 random alphanumeric characters from crypto/rand: fake credentials still
// leave the building in demos, so they should not be guessable.
func password() string {
	const n = 16
	// Rejection sampling keeps the distribution uniform: 248 is the largest multiple of 62
	// that fits in a byte.
	const limit = 256 - 256%len(passwordAlphabet)
	out := make([]byte, 0, n)
	var buf [32]byte
	for len(out) < n {
		_, _ = crand.Read(buf[:]) // never fails since Go 1.24; it crashes the program instead
		for _, b := range buf {
			if int(b) < limit {
				out = append(out, passwordAlphabet[int(b)%len(passwordAlphabet)])
				if len(out) == n {
					break
				}
			}
		}
	}
	return string(out)
}
