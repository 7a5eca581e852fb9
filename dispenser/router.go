package dispenser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jonboulle/clockwork"
)

// DefaultKey is the NewRouter key for the driver used by item types without their own.
const DefaultKey = "default"

// ItemTypes are the item type letters a router routes on.
var ItemTypes = []string{"A", "B", "C", "D", "E"}

// zeroSimulator backs routers with no default: a zero-latency simulator, so a fresh install
// vends (fake) items without any configuration.
var zeroSimulator Dispenser = &simulator{clock: clockwork.NewRealClock(), refuse: map[string]bool{}}

// Router picks a driver by item type ("A".."E"), falling back to "default", then to a
// zero-latency simulator. It is itself a Dispenser routing on item.Type and req.Type. The zero
// Router routes everything to the zero-latency simulator.
type Router struct {
	byType   map[string]Dispenser
	fallback Dispenser
}

// NewRouter builds drivers from a map keyed by type letter or "default". Keys are matched
// case-insensitively; an unknown key or an invalid driver configuration is an error naming it.
func NewRouter(cfgs map[string]Config, opts ...Option) (*Router, error) {
	o := buildOptions(opts)
	r := &Router{byType: make(map[string]Dispenser, len(cfgs))}
	var errs []error
	seen := make(map[string]string, len(cfgs))
	for _, key := range slices.Sorted(maps.Keys(cfgs)) {
		norm := strings.ToUpper(strings.TrimSpace(key))
		if strings.EqualFold(norm, DefaultKey) {
			norm = DefaultKey
		} else if !slices.Contains(ItemTypes, norm) {
			errs = append(errs, fmt.Errorf("%s: unknown item type; use one of %s or %s", key, strings.Join(ItemTypes, ", "), DefaultKey))
			continue
		}
		if prev, dup := seen[norm]; dup {
			errs = append(errs, fmt.Errorf("%s: configured twice (also as %s)", key, prev))
			continue
		}
		seen[norm] = key
		d, err := New(cfgs[key], opts...)
		if err != nil {
			errs = append(errs, prefixErrors(key, err))
			continue
		}
		if o.decorate != nil {
			d = o.decorate(norm, driverName(cfgs[key]), d)
		}
		if norm == DefaultKey {
			r.fallback = d
		} else {
			r.byType[norm] = d
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if r.fallback == nil && o.decorate != nil {
		r.fallback = o.decorate(DefaultKey, DriverSimulator, zeroSimulator)
	}
	return r, nil
}

// driverName is the driver a configuration chooses.
func driverName(cfg Config) string {
	if cfg.Driver == "" {
		return DriverSimulator
	}
	return cfg.Driver
}

// prefixErrors puts key in front of each joined error so "url: required" reads "D.url: required".
func prefixErrors(key string, err error) error {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		var out []error
		for _, e := range joined.Unwrap() {
			out = append(out, prefixErrors(key, e))
		}
		return errors.Join(out...)
	}
	return fmt.Errorf("%s.%w", key, err)
}

// For returns the dispenser for an item type.
func (r *Router) For(itemType string) Dispenser {
	if r != nil {
		if d, ok := r.byType[strings.ToUpper(itemType)]; ok {
			return d
		}
		if r.fallback != nil {
			return r.fallback
		}
	}
	return zeroSimulator
}

// Check routes on req.Type.
func (r *Router) Check(ctx context.Context, req CheckRequest) error {
	return r.For(req.Type).Check(ctx, req)
}

// Vend routes on item.Type.
func (r *Router) Vend(ctx context.Context, lease Lease, item Item) (json.RawMessage, error) {
	return r.For(item.Type).Vend(ctx, lease, item)
}

// Reclaim routes on item.Type.
func (r *Router) Reclaim(ctx context.Context, item Item) error {
	return r.For(item.Type).Reclaim(ctx, item)
}

var _ Dispenser = (*Router)(nil)
