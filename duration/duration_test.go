package duration

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    time.Duration
		out     string
		wantErr string
	}{
		{in: "14d", want: 14 * Day, out: "14d"},
		{in: "36h", want: 36 * time.Hour, out: "1d12h"},
		{in: "90m", want: 90 * time.Minute, out: "1h30m"},
		{in: "45s", want: 45 * time.Second, out: "45s"},
		{in: "1d12h", want: 36 * time.Hour, out: "1d12h"},
		{in: " 2d3h4m5s ", want: 2*Day + 3*time.Hour + 4*time.Minute + 5*time.Second, out: "2d3h4m5s"},
		{in: "", wantErr: "empty"},
		{in: "0d", wantErr: "must be positive"},
		{in: "7", wantErr: "has no unit"},
		{in: "7x", wantErr: `unit "x" unknown`},
		{in: "1h1d", wantErr: "out of order"},
		{in: "1d1d", wantErr: "out of order"},
		{in: "d", wantErr: "expected a number"},
		{in: "-1d", wantErr: "expected a number"},
		{in: "99999999999999999999d", wantErr: "too large"},
		{in: "999999999d", wantErr: "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.in)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got.Std())
			require.Equal(t, tt.out, got.String())
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"14d", "1d12h", "90m", "7x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		require.Positive(t, d.Std())
		if d.Std()%time.Second == 0 {
			back, err := Parse(d.String())
			require.NoError(t, err)
			require.Equal(t, d, back)
		}
	})
}
