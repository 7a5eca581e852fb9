package dispenser

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/jonboulle/clockwork"
	"go.opentelemetry.io/otel/propagation"
)

// Driver names accepted in Config.Driver.
const (
	DriverSimulator = "simulator"
	DriverHTTP      = "http"
	DriverExec      = "exec"
)

// Defaults applied by New when a key is absent.
const (
	DefaultHTTPTimeout = 30 * time.Second
	DefaultRetries     = 3
	DefaultBackoff     = 200 * time.Millisecond
	DefaultExecTimeout = 60 * time.Second
	// MaxBackoff caps the doubling backoff between http attempts.
	MaxBackoff = 10 * time.Second
)

// Config configures one driver. It is read from YAML (the product's hardcandy.yaml); keys that
// do not apply to the chosen driver are rejected by New, because a url without "driver: http"
// would otherwise silently run the simulator and hand out fake credentials.
type Config struct {
	// Driver is simulator (the default), http or exec.
	Driver string `yaml:"driver"`

	// Latency is how long each simulator call sleeps.
	Latency Duration `yaml:"latency"`
	// Jitter adds a uniform 0..Jitter to each simulator sleep.
	Jitter Duration `yaml:"jitter"`
	// FailureRate is the probability (0..1) that a simulated Vend fails.
	FailureRate float64 `yaml:"failure_rate"`
	// ReclaimFailureRate is the probability (0..1) that a simulated Reclaim fails.
	ReclaimFailureRate float64 `yaml:"reclaim_failure_rate"`
	// RefuseUsers are user names the simulator's Check refuses.
	RefuseUsers []string `yaml:"refuse_users"`

	// URL is where the http driver POSTs requests.
	URL string `yaml:"url"`
	// Secret signs http requests; prefer SecretEnv so the secret stays out of the file.
	Secret string `yaml:"secret"`
	// SecretEnv names an environment variable holding the secret.
	SecretEnv string `yaml:"secret_env"`
	// Timeout bounds one http attempt (default 30s) or one exec run (default 60s).
	Timeout Duration `yaml:"timeout"`
	// Retries is the number of extra http attempts (default 3); a pointer so 0 can be said.
	Retries *int `yaml:"retries"`
	// Backoff is the first wait between http attempts (default 200ms), doubled each retry.
	Backoff Duration `yaml:"backoff"`
	// Check makes the http driver ask the backend on Check; off, Check allows everything.
	Check bool `yaml:"check"`

	// Command is the exec driver's argv; it runs without a shell.
	Command []string `yaml:"command"`
	// Env adds environment variables for the command.
	Env map[string]string `yaml:"env"`
}

// Duration is a time.Duration that YAML reads from strings like "50ms" or "30s".
type Duration time.Duration

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// String formats d like time.Duration.
func (d Duration) String() string { return time.Duration(d).String() }

// UnmarshalYAML reads "50ms", "30s", "1m30s" or a bare 0. Other bare numbers are refused:
// nobody can tell whether 30 meant seconds or nanoseconds.
//
// It uses the callback form of the interface, which gopkg.in/yaml.v2, gopkg.in/yaml.v3 and
// go.yaml.in/yaml/v3 all honour, so the package does not tie its callers to one YAML library.
func (d *Duration) UnmarshalYAML(unmarshal func(any) error) error {
	var s string
	if err := unmarshal(&s); err != nil {
		return fmt.Errorf("expected a duration such as \"30s\": %w", err)
	}
	v, err := parseDuration(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalYAML writes d in the form UnmarshalYAML reads.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

func parseDuration(raw string) (Duration, error) {
	s := strings.TrimSpace(raw)
	if s == "0" {
		return 0, nil
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("duration %q: use a number and a unit such as \"50ms\" or \"30s\": %w", raw, err)
	}
	return Duration(v), nil
}

// Option adjusts how New and NewRouter build drivers.
type Option func(*options)

type options struct {
	clock      clockwork.Clock
	decorate   Decorator
	propagator propagation.TextMapPropagator
}

// Decorator wraps each driver a router builds, told the route (an item type letter or
// "default") and the driver's name: how metrics and traces see every dispenser call.
type Decorator func(route, driver string, d Dispenser) Dispenser

// WithDecorator makes NewRouter wrap each driver, the built-in fallback simulator included.
func WithDecorator(dec Decorator) Option { return func(o *options) { o.decorate = dec } }

// WithPropagator makes the http driver send the caller's trace context with each request
// (W3C traceparent with propagation.TraceContext), so the backend's spans join the vend's trace.
func WithPropagator(p propagation.TextMapPropagator) Option {
	return func(o *options) { o.propagator = p }
}

// WithClock sets the clock for the simulator's latency, the http driver's backoff and the exec
// driver's timeout, so tests can drive time instead of sleeping.
func WithClock(c clockwork.Clock) Option { return func(o *options) { o.clock = c } }

func buildOptions(opts []Option) options {
	o := options{clock: clockwork.NewRealClock()}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// New builds a driver from its configuration, validating it: an unknown driver, a missing url
// or command, rates outside 0..1 or keys that belong to another driver give an error naming
// the key.
func New(cfg Config, opts ...Option) (Dispenser, error) {
	o := buildOptions(opts)
	driver := cfg.Driver
	if driver == "" {
		driver = DriverSimulator
	}
	switch driver {
	case DriverSimulator, DriverHTTP, DriverExec:
	default:
		return nil, fmt.Errorf("driver: unknown driver %q; use %s, %s or %s", cfg.Driver, DriverSimulator, DriverHTTP, DriverExec)
	}
	if err := checkForeignKeys(driver, cfg); err != nil {
		return nil, err
	}
	switch driver {
	case DriverHTTP:
		return newHTTP(cfg, o)
	case DriverExec:
		return newExec(cfg, o)
	default:
		return newSimulator(cfg, o)
	}
}

// checkForeignKeys rejects keys that the chosen driver would ignore.
func checkForeignKeys(driver string, cfg Config) error {
	keys := []struct {
		name    string
		set     bool
		drivers []string
	}{
		{"latency", cfg.Latency != 0, []string{DriverSimulator}},
		{"jitter", cfg.Jitter != 0, []string{DriverSimulator}},
		{"failure_rate", cfg.FailureRate != 0, []string{DriverSimulator}},
		{"reclaim_failure_rate", cfg.ReclaimFailureRate != 0, []string{DriverSimulator}},
		{"refuse_users", len(cfg.RefuseUsers) != 0, []string{DriverSimulator}},
		{"url", cfg.URL != "", []string{DriverHTTP}},
		{"secret", cfg.Secret != "", []string{DriverHTTP}},
		{"secret_env", cfg.SecretEnv != "", []string{DriverHTTP}},
		{"timeout", cfg.Timeout != 0, []string{DriverHTTP, DriverExec}},
		{"retries", cfg.Retries != nil, []string{DriverHTTP}},
		{"backoff", cfg.Backoff != 0, []string{DriverHTTP}},
		{"check", cfg.Check, []string{DriverHTTP}},
		{"command", len(cfg.Command) != 0, []string{DriverExec}},
		{"env", len(cfg.Env) != 0, []string{DriverExec}},
	}
	var errs []error
	for _, k := range keys {
		if k.set && !slices.Contains(k.drivers, driver) {
			errs = append(errs, fmt.Errorf("%s: not used by the %s driver (it belongs to %s)", k.name, driver, strings.Join(k.drivers, ", ")))
		}
	}
	return errors.Join(errs...)
}

func checkRate(key string, v float64) error {
	if math.IsNaN(v) || v < 0 || v > 1 {
		return fmt.Errorf("%s: %v is outside 0..1", key, v)
	}
	return nil
}

func checkNonNegative(key string, d Duration) error {
	if d < 0 {
		return fmt.Errorf("%s: %s is negative", key, d)
	}
	return nil
}

// orDefault returns d, or def when d is unset.
func orDefault(d Duration, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d.Std()
}

// validateURL accepts absolute http and https URLs only: anything else would fail on every
// call, so better to fail at start.
func validateURL(raw string) (*url.URL, error) {
	if raw == "" {
		return nil, errors.New("url: required for the http driver")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("url: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("url: %q must be an absolute http or https URL", raw)
	}
	return u, nil
}

// resolveSecret returns the signing secret from secret or secret_env, read once at start so a
// missing variable is reported before the first vend rather than during it.
func resolveSecret(cfg Config) ([]byte, error) {
	switch {
	case cfg.Secret != "" && cfg.SecretEnv != "":
		return nil, errors.New("secret_env: set either secret or secret_env, not both")
	case cfg.SecretEnv != "":
		v, ok := os.LookupEnv(cfg.SecretEnv)
		if !ok || v == "" {
			return nil, fmt.Errorf("secret_env: environment variable %s is not set or empty", cfg.SecretEnv)
		}
		return []byte(v), nil
	case cfg.Secret != "":
		return []byte(cfg.Secret), nil
	}
	return nil, nil
}
