package dispenser_test

import (
	"context"
	"errors"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
)

func TestSimulatorCredentialsByType(t *testing.T) {
	t.Parallel()
	password := regexp.MustCompile(`^[A-Za-z0-9]{16}$`)
	ipmi := regexp.MustCompile(`^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$`)
	tests := []struct {
		typ    string
		fixed  map[string]string // keys with a known value
		secret string            // the key holding the random password
	}{
		{typ: "A", secret: "password", fixed: map[string]string{
			"auth_url": "https://node-7.openstack.example/v3", "project": "node-7", "username": "alice"}},
		{typ: "B", secret: "password", fixed: map[string]string{
			"url": "https://node-7.vcloud.example", "org": "node-7", "username": "alice"}},
		{typ: "C", secret: "password", fixed: map[string]string{
			"url": "https://node-7.vcloud.example", "org": "node-7", "username": "alice"}},
		{typ: "D", secret: "ipmi_password", fixed: map[string]string{
			"ipmi_user": "admin", "ssh": "ssh root@node-7"}},
		{typ: "E", secret: "ipmi_password", fixed: map[string]string{
			"ipmi_user": "admin", "ssh": "ssh root@node-7", "juju_controller": "node-7-juju:17070"}},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			t.Parallel()
			sim := newDispenser(t, dispenser.Config{})
			item := itemOfType(tt.typ)
			raw, err := sim.Vend(t.Context(), testLease, item)
			require.NoError(t, err)
			got := decodeObject(t, raw)

			wantKeys := len(tt.fixed) + 1
			if tt.typ == "D" || tt.typ == "E" {
				wantKeys++ // ipmi_address
				require.Regexp(t, ipmi, got["ipmi_address"])
			}
			require.Len(t, got, wantKeys, "credentials %s", raw)
			for k, v := range tt.fixed {
				require.Equal(t, v, got[k], k)
			}
			require.Regexp(t, password, got[tt.secret])

			// Passwords are fresh per vend; the BMC address belongs to the machine.
			again := decodeObject(t, must(sim.Vend(t.Context(), testLease, item)))
			require.NotEqual(t, got[tt.secret], again[tt.secret])
			require.Equal(t, got["ipmi_address"], again["ipmi_address"])
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestSimulatorUnknownTypeIsUntouched(t *testing.T) {
	t.Parallel()
	_, err := newDispenser(t, dispenser.Config{}).Vend(t.Context(), testLease, itemOfType("Z"))
	e := requireError(t, err)
	require.False(t, e.Touched)
	require.False(t, e.Refused)
	require.Contains(t, e.Message, `"Z"`)
}

func TestSimulatorFailureRates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		cfg         dispenser.Config
		vendFails   bool
		reclaimFail bool
	}{
		{name: "never fails at rate 0", cfg: dispenser.Config{}},
		{name: "vend always fails at rate 1", cfg: dispenser.Config{FailureRate: 1}, vendFails: true},
		{name: "reclaim always fails at rate 1", cfg: dispenser.Config{ReclaimFailureRate: 1}, reclaimFail: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sim := newDispenser(t, tt.cfg)
			for range 200 {
				creds, err := sim.Vend(t.Context(), testLease, testItem)
				if tt.vendFails {
					e := requireError(t, err)
					require.Equal(t, "simulated failure", e.Message)
					require.True(t, e.Touched, "a failed vend must be wiped")
					require.False(t, e.Refused)
					require.Nil(t, creds)
				} else {
					require.NoError(t, err)
					require.NotEmpty(t, creds)
				}

				err = sim.Reclaim(t.Context(), testItem)
				if tt.reclaimFail {
					e := requireError(t, err)
					require.Equal(t, "simulated failure", e.Message)
					require.False(t, e.Touched, "touched only applies to vend")
				} else {
					require.NoError(t, err)
				}
			}
		})
	}
}

func TestSimulatorRefuseUsers(t *testing.T) {
	t.Parallel()
	sim := newDispenser(t, dispenser.Config{RefuseUsers: []string{"mallory", "eve"}})
	tests := []struct {
		user    string
		refused bool
	}{
		{user: "mallory", refused: true},
		{user: "eve", refused: true},
		{user: "alice"},
		{user: "Mallory"}, // names are exact
	}
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			t.Parallel()
			err := sim.Check(t.Context(), dispenser.CheckRequest{
				User: dispenser.User{Name: tt.user}, SKU: "3D.xl", Type: "D", Quantity: 2, Duration: "7d"})
			if !tt.refused {
				require.NoError(t, err)
				return
			}
			e := requireError(t, err)
			require.True(t, e.Refused)
			require.False(t, e.Touched)
			require.Equal(t, "user "+tt.user+" may not lease 3D.xl (simulated policy)", e.Message)
		})
	}
}

func TestSimulatorLatency(t *testing.T) {
	t.Parallel()
	const latency = 40 * time.Millisecond
	sim := newDispenser(t, dispenser.Config{Latency: dispenser.Duration(latency)})
	// A policy check is a lookup: it answers without waiting for the provisioning latency,
	// which on a clock that never moves would be forever.
	still := newDispenser(t, dispenser.Config{Latency: dispenser.Duration(time.Hour)}, dispenser.WithClock(clockwork.NewFakeClock()))
	require.NoError(t, still.Check(t.Context(), dispenser.CheckRequest{User: testLease.User, SKU: "3D.xl", Type: "D"}))
	calls := map[string]func(ctx context.Context) error{
		"vend":    func(ctx context.Context) error { _, err := sim.Vend(ctx, testLease, testItem); return err },
		"reclaim": func(ctx context.Context) error { return sim.Reclaim(ctx, testItem) },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			require.NoError(t, call(t.Context()))
			require.GreaterOrEqual(t, time.Since(start), latency)
		})
	}
}

func TestSimulatorCancellationIsPrompt(t *testing.T) {
	t.Parallel()
	sim := newDispenser(t, dispenser.Config{Latency: dispenser.Duration(time.Hour)})
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := sim.Vend(ctx, testLease, testItem)
	require.Less(t, time.Since(start), time.Minute, "far less than the hour of latency")
	e := requireError(t, err)
	require.True(t, errors.Is(err, context.DeadlineExceeded))
	require.False(t, e.Touched, "the simulator acts only after its latency")
}

func TestSimulatorUsesInjectedClock(t *testing.T) {
	t.Parallel()
	clock := clockwork.NewFakeClock()
	sim := newDispenser(t, dispenser.Config{
		Latency: dispenser.Duration(time.Minute), Jitter: dispenser.Duration(time.Minute)},
		dispenser.WithClock(clock))
	done := make(chan error, 1)
	go func() { _, err := sim.Vend(t.Context(), testLease, testItem); done <- err }()

	require.NoError(t, clock.BlockUntilContext(t.Context(), 1))
	clock.Advance(time.Minute - time.Nanosecond)
	select {
	case err := <-done:
		t.Fatalf("returned before its latency: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	clock.Advance(time.Minute + time.Nanosecond) // latency plus the largest jitter
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(time.Minute):
		t.Fatal("vend did not return after the clock advanced")
	}
}

func TestSimulatorConcurrentUse(t *testing.T) {
	t.Parallel()
	sim := newDispenser(t, dispenser.Config{FailureRate: 0.5, RefuseUsers: []string{"mallory"}})
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() {
			// assert, not require: FailNow must not run outside the test goroutine.
			for range 50 {
				_, err := sim.Vend(t.Context(), testLease, testItem)
				if err != nil {
					e, ok := dispenser.AsError(err)
					assert.True(t, ok && e.Touched, "%v", err)
				}
				assert.NoError(t, sim.Check(t.Context(), dispenser.CheckRequest{User: testLease.User}))
			}
		})
	}
	wg.Wait()
}

func BenchmarkSimulatorVend(b *testing.B) {
	sim, err := dispenser.New(dispenser.Config{})
	require.NoError(b, err)
	ctx := b.Context()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := sim.Vend(ctx, testLease, testItem); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
