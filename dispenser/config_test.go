package dispenser_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	yamlv3 "go.yaml.in/yaml/v3"
	"gopkg.in/yaml.v3"

	"github.com/hardcandy/hardcandy/dispenser"
)

const sampleYAML = `
dispensers:
  default:
    latency: 50ms
    jitter: 10ms
    failure_rate: 0.05
    reclaim_failure_rate: 0.01
    refuse_users: [mallory]
  D:
    driver: http
    url: https://provisioner.example/hooks/hardcandy
    secret_env: HARDCANDY_DISPENSER_SECRET
    timeout: 10s
    retries: 0
    backoff: 500ms
    check: true
  E:
    driver: exec
    command: [/usr/local/bin/juju-vend, --model, lab]
    timeout: 2m
    env:
      JUJU_DATA: /var/lib/hardcandy/juju
`

func TestConfigFromYAML(t *testing.T) {
	t.Parallel()
	type document struct {
		Dispensers map[string]dispenser.Config `yaml:"dispensers"`
	}
	var doc document
	dec := yaml.NewDecoder(strings.NewReader(sampleYAML))
	dec.KnownFields(true) // as the product's config loader does
	require.NoError(t, dec.Decode(&doc))

	// Duration works with go.yaml.in/yaml/v3 too, the maintained fork of the same library.
	var fork document
	require.NoError(t, yamlv3.Unmarshal([]byte(sampleYAML), &fork))
	require.Equal(t, doc, fork)

	require.Equal(t, map[string]dispenser.Config{
		"default": {
			Latency: dispenser.Duration(50 * time.Millisecond), Jitter: dispenser.Duration(10 * time.Millisecond),
			FailureRate: 0.05, ReclaimFailureRate: 0.01, RefuseUsers: []string{"mallory"},
		},
		"D": {
			Driver: "http", URL: "https://provisioner.example/hooks/hardcandy", SecretEnv: "HARDCANDY_DISPENSER_SECRET",
			Timeout: dispenser.Duration(10 * time.Second), Retries: ptr(0), Backoff: dispenser.Duration(500 * time.Millisecond), Check: true,
		},
		"E": {
			Driver: "exec", Command: []string{"/usr/local/bin/juju-vend", "--model", "lab"},
			Timeout: dispenser.Duration(2 * time.Minute), Env: map[string]string{"JUJU_DATA": "/var/lib/hardcandy/juju"},
		},
	}, doc.Dispensers)

	// The decoded document builds, once the secret it names exists.
	cfgs := doc.Dispensers
	d := cfgs["D"]
	d.SecretEnv, d.Secret = "", "inline-for-the-test"
	cfgs["D"] = d
	_, err := dispenser.NewRouter(cfgs)
	require.NoError(t, err)
}

func TestDurationYAML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    time.Duration
		wantErr string
	}{
		{in: `50ms`, want: 50 * time.Millisecond},
		{in: `"30s"`, want: 30 * time.Second},
		{in: `1m30s`, want: 90 * time.Second},
		{in: `0`, want: 0},
		{in: `30`, wantErr: `duration "30": use a number and a unit`},
		{in: `5x`, wantErr: `duration "5x"`},
		{in: `[1s]`, wantErr: "expected a duration"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var cfg dispenser.Config
			err := yaml.Unmarshal([]byte("latency: "+tt.in), &cfg)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, cfg.Latency.Std())
		})
	}

	out, err := yaml.Marshal(dispenser.Config{Latency: dispenser.Duration(1500 * time.Millisecond)})
	require.NoError(t, err)
	require.Contains(t, string(out), "latency: 1.5s")
}

func TestNewValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cfg     dispenser.Config
		wantErr string // empty: valid
	}{
		{name: "zero config is a simulator", cfg: dispenser.Config{}},
		{name: "explicit simulator", cfg: dispenser.Config{Driver: "simulator", FailureRate: 1, ReclaimFailureRate: 0}},
		{name: "unknown driver", cfg: dispenser.Config{Driver: "ftp"}, wantErr: `driver: unknown driver "ftp"`},
		{name: "failure rate above 1", cfg: dispenser.Config{FailureRate: 1.5}, wantErr: "failure_rate: 1.5 is outside 0..1"},
		{name: "reclaim failure rate below 0", cfg: dispenser.Config{ReclaimFailureRate: -0.1}, wantErr: "reclaim_failure_rate: -0.1 is outside 0..1"},
		{name: "negative latency", cfg: dispenser.Config{Latency: -1}, wantErr: "latency:"},
		{name: "negative jitter", cfg: dispenser.Config{Jitter: -1}, wantErr: "jitter:"},
		{name: "http without url", cfg: dispenser.Config{Driver: "http"}, wantErr: "url: required"},
		{name: "http with a relative url", cfg: dispenser.Config{Driver: "http", URL: "/hooks"}, wantErr: "url:"},
		{name: "http with an ftp url", cfg: dispenser.Config{Driver: "http", URL: "ftp://x.example/"}, wantErr: "url:"},
		{name: "http valid", cfg: dispenser.Config{Driver: "http", URL: "https://x.example/hook", Secret: "s", Retries: ptr(0)}},
		{name: "http negative retries", cfg: dispenser.Config{Driver: "http", URL: "https://x.example/", Retries: ptr(-1)}, wantErr: "retries: -1 is negative"},
		{name: "http negative timeout", cfg: dispenser.Config{Driver: "http", URL: "https://x.example/", Timeout: -1}, wantErr: "timeout:"},
		{name: "http negative backoff", cfg: dispenser.Config{Driver: "http", URL: "https://x.example/", Backoff: -1}, wantErr: "backoff:"},
		{name: "http both secrets", cfg: dispenser.Config{Driver: "http", URL: "https://x.example/", Secret: "a", SecretEnv: "B"}, wantErr: "secret_env: set either"},
		{name: "http secret_env unset", cfg: dispenser.Config{Driver: "http", URL: "https://x.example/", SecretEnv: "HARDCANDY_TEST_UNSET_VARIABLE"},
			wantErr: "secret_env: environment variable HARDCANDY_TEST_UNSET_VARIABLE is not set"},
		{name: "exec without command", cfg: dispenser.Config{Driver: "exec"}, wantErr: "command: required"},
		{name: "exec with an empty program", cfg: dispenser.Config{Driver: "exec", Command: []string{""}}, wantErr: "command: required"},
		{name: "exec bad env name", cfg: dispenser.Config{Driver: "exec", Command: []string{"true"}, Env: map[string]string{"A=B": "x"}}, wantErr: "env:"},
		{name: "exec may not set the action", cfg: dispenser.Config{Driver: "exec", Command: []string{"true"}, Env: map[string]string{"HARDCANDY_ACTION": "vend"}}, wantErr: "env: HARDCANDY_ACTION"},
		{name: "exec valid", cfg: dispenser.Config{Driver: "exec", Command: []string{"true"}, Timeout: dispenser.Duration(time.Second)}},
		{name: "url without driver http", cfg: dispenser.Config{URL: "https://x.example/"}, wantErr: "url: not used by the simulator driver"},
		{name: "latency on http", cfg: dispenser.Config{Driver: "http", URL: "https://x.example/", Latency: 1}, wantErr: "latency: not used by the http driver"},
		{name: "retries on exec", cfg: dispenser.Config{Driver: "exec", Command: []string{"true"}, Retries: ptr(1)}, wantErr: "retries: not used by the exec driver"},
		{name: "timeout on simulator", cfg: dispenser.Config{Timeout: 1}, wantErr: "timeout: not used by the simulator driver"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := dispenser.New(tt.cfg)
			if tt.wantErr == "" {
				require.NoError(t, err)
				require.NotNil(t, d)
				return
			}
			require.ErrorContains(t, err, tt.wantErr)
			require.Nil(t, d, "a failed New must return a nil interface")
		})
	}
}

func TestRouter(t *testing.T) {
	t.Parallel()
	r, err := dispenser.NewRouter(map[string]dispenser.Config{
		"default": {RefuseUsers: []string{"bob"}},
		"d":       {RefuseUsers: []string{"alice"}}, // keys are case-insensitive
		"E":       {FailureRate: 1},
	})
	require.NoError(t, err)
	check := func(d dispenser.Dispenser, user, typ string) error {
		return d.Check(t.Context(), dispenser.CheckRequest{User: dispenser.User{Name: user}, SKU: "1" + typ + ".s", Type: typ})
	}
	tests := []struct {
		name    string
		user    string
		typ     string
		refused bool
	}{
		{name: "D has its own driver", user: "alice", typ: "D", refused: true},
		{name: "D does not inherit the default", user: "bob", typ: "D"},
		{name: "A falls back to the default", user: "bob", typ: "A", refused: true},
		{name: "default allows alice", user: "alice", typ: "A"},
		{name: "lower-case type", user: "alice", typ: "d", refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, d := range []dispenser.Dispenser{r, r.For(tt.typ)} { // the router and the driver it picks agree
				err := check(d, tt.user, tt.typ)
				if tt.refused {
					require.True(t, requireError(t, err).Refused)
				} else {
					require.NoError(t, err)
				}
			}
		})
	}

	// Vend and Reclaim route on item.Type.
	_, err = r.Vend(t.Context(), testLease, itemOfType("E"))
	require.True(t, requireError(t, err).Touched)
	_, err = r.Vend(t.Context(), testLease, itemOfType("D"))
	require.NoError(t, err)
	require.NoError(t, r.Reclaim(t.Context(), itemOfType("E")))
}

func TestRouterFallsBackToASimulator(t *testing.T) {
	t.Parallel()
	empty, err := dispenser.NewRouter(nil)
	require.NoError(t, err)
	for name, r := range map[string]*dispenser.Router{"no config": empty, "zero value": {}, "nil": nil} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			creds, err := r.Vend(t.Context(), testLease, testItem)
			require.NoError(t, err)
			require.Contains(t, decodeObject(t, creds), "ipmi_address")
			require.NoError(t, r.Check(t.Context(), dispenser.CheckRequest{User: testLease.User, Type: "A"}))
			require.NoError(t, r.Reclaim(t.Context(), testItem))
			require.Less(t, time.Since(start), time.Second, "the fallback has no latency")
		})
	}
}

func TestNewRouterErrorsNameTheKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cfgs    map[string]dispenser.Config
		wantErr []string
	}{
		{name: "unknown type", cfgs: map[string]dispenser.Config{"F": {}}, wantErr: []string{"F: unknown item type"}},
		{name: "bad driver config", cfgs: map[string]dispenser.Config{"D": {Driver: "http"}}, wantErr: []string{"D.url: required"}},
		{name: "every problem is reported", cfgs: map[string]dispenser.Config{
			"default": {FailureRate: 2, Jitter: -1}, "B": {Driver: "exec"}},
			wantErr: []string{"default.failure_rate:", "default.jitter:", "B.command: required"}},
		{name: "same type twice", cfgs: map[string]dispenser.Config{"d": {}, "D": {}}, wantErr: []string{"configured twice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := dispenser.NewRouter(tt.cfgs)
			require.Nil(t, r)
			for _, want := range tt.wantErr {
				require.ErrorContains(t, err, want)
			}
		})
	}
}
