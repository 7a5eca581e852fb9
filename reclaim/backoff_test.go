package reclaim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/duration"
)

// TestBackoff checks the wait doubles per failure from Backoff and stops at MaxBackoff.
func TestBackoff(t *testing.T) {
	t.Parallel()
	s := NewService(nil, nil, nil, Config{Backoff: duration.Duration(time.Minute), MaxBackoff: duration.Duration(10 * time.Minute)}, Deps{})
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{0, time.Minute}, {1, time.Minute}, {2, 2 * time.Minute}, {4, 8 * time.Minute}, {5, 10 * time.Minute}, {1000, 10 * time.Minute},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, s.Backoff(tt.failures), "after %d failures", tt.failures)
	}
}
