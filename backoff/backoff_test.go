package backoff_test

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/backoff"
)

func TestDelay(t *testing.T) {
	t.Parallel()
	const maxDuration = time.Duration(math.MaxInt64)
	tests := []struct {
		name    string
		initial time.Duration
		max     time.Duration
		attempt int
		jitter  float64
		want    time.Duration
	}{
		{name: "first attempt", initial: time.Second, max: time.Minute, attempt: 1, want: time.Second},
		{name: "doubles per attempt", initial: time.Second, max: time.Minute, attempt: 4, want: 8 * time.Second},
		{name: "capped", initial: time.Second, max: time.Minute, attempt: 7, want: time.Minute},
		{name: "cap need not be a doubling", initial: 30 * time.Second, max: time.Hour, attempt: 8, want: time.Hour},
		{name: "an initial above the cap is capped", initial: time.Hour, max: time.Minute, attempt: 1, want: time.Minute},
		{name: "a huge attempt stays at the cap", initial: time.Second, max: time.Minute, attempt: math.MaxInt, want: time.Minute},
		{name: "zero attempt counts as the first", initial: time.Second, max: time.Minute, attempt: 0, want: time.Second},
		{name: "negative attempt counts as the first", initial: time.Second, max: time.Minute, attempt: -3, want: time.Second},
		{name: "zero initial", initial: 0, max: time.Minute, attempt: 5, want: 0},
		{name: "negative initial", initial: -time.Second, max: time.Minute, attempt: 5, want: 0},
		{name: "zero max is uncapped", initial: time.Second, max: 0, attempt: 11, want: 1024 * time.Second},
		{name: "negative max is uncapped", initial: time.Second, max: -time.Second, attempt: 3, want: 4 * time.Second},
		{name: "uncapped saturates instead of overflowing", initial: time.Second, max: 0, attempt: 200, want: maxDuration},
		{name: "a cap near the largest duration does not overflow", initial: 3, max: maxDuration - 1, attempt: 100, want: maxDuration - 1},
		{name: "half jitter", initial: 200 * time.Millisecond, max: 10 * time.Second, attempt: 1, jitter: 0.5, want: 100 * time.Millisecond},
		{name: "jitter after doubling and capping", initial: 200 * time.Millisecond, max: 10 * time.Second, attempt: 30, jitter: 0.25, want: 7500 * time.Millisecond},
		{name: "full jitter", initial: time.Second, max: time.Minute, attempt: 2, jitter: 1, want: 0},
		{name: "jitter above one is full", initial: time.Second, max: time.Minute, attempt: 2, jitter: 7, want: 0},
		{name: "negative jitter is none", initial: time.Second, max: time.Minute, attempt: 2, jitter: -0.5, want: 2 * time.Second},
		{name: "NaN jitter is none", initial: time.Second, max: time.Minute, attempt: 2, jitter: math.NaN(), want: 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, backoff.Delay(tt.initial, tt.max, tt.attempt, tt.jitter))
		})
	}
}
