package dispenser

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestBackoffDelay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		initial  time.Duration
		retry    int
		r        float64
		want     time.Duration
		atLeast  time.Duration
		lessThan time.Duration
	}{
		{name: "first retry, least jitter", initial: 200 * time.Millisecond, retry: 1, r: 0, want: 100 * time.Millisecond},
		{name: "first retry, most jitter", initial: 200 * time.Millisecond, retry: 1, r: 0.999999, atLeast: 199 * time.Millisecond, lessThan: 200 * time.Millisecond},
		{name: "doubles", initial: 200 * time.Millisecond, retry: 3, r: 0, want: 400 * time.Millisecond},
		{name: "capped", initial: 200 * time.Millisecond, retry: 30, r: 0.999999, atLeast: 9 * time.Second, lessThan: MaxBackoff},
		{name: "a huge initial is capped", initial: time.Hour, retry: 1, r: 0, want: MaxBackoff / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := backoffDelay(tt.initial, tt.retry, tt.r)
			if tt.want != 0 {
				require.Equal(t, tt.want, got)
				return
			}
			require.GreaterOrEqual(t, got, tt.atLeast)
			require.Less(t, got, tt.lessThan)
		})
	}
}

func TestLastLines(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 600) + "END"
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "only blank lines", in: "\n  \n\t\n", want: ""},
		{name: "one line", in: "ipmi: BMC unreachable\n", want: "ipmi: BMC unreachable"},
		{name: "skips blanks and trims", in: "a\n\n  b  \n\n", want: "a\nb"},
		{name: "keeps the tail within the limit", in: strings.Repeat("noise noise noise noise noise\n", 40) + "fatal: reason\n",
			want: strings.Repeat("noise noise noise noise noise\n", 16) + "fatal: reason"},
		{name: "a long last line keeps its end", in: "before\n" + long, want: "…" + long[len(long)-500:]},
		{name: "cut on a rune boundary", in: strings.Repeat("é", 400), want: "…" + strings.Repeat("é", 250)},
		{name: "invalid UTF-8 is replaced", in: "bad \xff byte", want: "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := lastLines([]byte(tt.in), 500)
			require.Equal(t, tt.want, got)
			require.LessOrEqual(t, len(strings.TrimPrefix(got, "…")), 500)
		})
	}
}

func TestOutputBuffers(t *testing.T) {
	t.Parallel()
	c := &capBuffer{max: 5}
	for _, s := range []string{"abc", "def", "ghi"} {
		n, err := c.Write([]byte(s))
		require.NoError(t, err)
		require.Equal(t, 3, n)
	}
	require.Equal(t, "abcde", string(c.Bytes()))
	require.True(t, c.overflow)

	tb := &tailBuffer{max: 5}
	for _, s := range []string{"abc", "def", "ghijklmno", "p"} {
		_, _ = tb.Write([]byte(s))
	}
	require.Equal(t, "lmnop", string(tb.Bytes()))
}

func TestErrorFormatting(t *testing.T) {
	t.Parallel()
	cause := fmt.Errorf("http dispenser: %w", context.DeadlineExceeded)
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{name: "refusal", err: &Error{Message: "over budget", Refused: true}, want: "dispenser refused: over budget"},
		{name: "touched failure with cause", err: &Error{Message: "timed out", Touched: true, Err: cause},
			want: "dispenser failed: timed out: http dispenser: context deadline exceeded (item touched)"},
		{name: "cause equal to the message is not repeated", err: &Error{Message: "simulated failure", Err: errSimulated},
			want: "dispenser failed: simulated failure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, tt.err.Error())
			wrapped := fmt.Errorf("vend lease 42: %w", tt.err)
			got, ok := AsError(wrapped)
			require.True(t, ok)
			require.Same(t, tt.err, got)
			require.Equal(t, tt.err.Err != nil && errors.Is(tt.err.Err, context.DeadlineExceeded), errors.Is(wrapped, context.DeadlineExceeded))
		})
	}
	_, ok := AsError(errors.New("plain"))
	require.False(t, ok)
	_, ok = AsError(nil)
	require.False(t, ok)
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want time.Duration
	}{
		{in: "", want: 0},
		{in: "3", want: 3 * time.Second},
		{in: " 1 ", want: time.Second},
		{in: "-1", want: 0},
		{in: "Wed, 21 Oct 2026 07:28:00 GMT", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, parseRetryAfter(tt.in))
		})
	}
}
