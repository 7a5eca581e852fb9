// Package duration parses and prints the lease durations users type: "14d", "36h", "90m", "45s"
// and combinations such as "1d12h". Days are fixed 24-hour days: a lease of "1d" ends 24 hours
// after it starts, whatever the calendar does.
package duration

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
)

// Day is the length of the "d" unit.
const Day = 24 * time.Hour

// Duration is a positive span of time, stored as nanoseconds.
type Duration time.Duration

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// units in the order they must appear.
var units = []struct {
	suffix byte
	size   time.Duration
}{{'d', Day}, {'h', time.Hour}, {'m', time.Minute}, {'s', time.Second}}

// Parse reads a duration such as "14d", "36h" or "1d12h30m". Units must appear at most once each,
// largest first; the result must be positive.
func Parse(s string) (Duration, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, fmt.Errorf("duration %q: empty; use a number and a unit d, h, m or s, e.g. \"7d\"", s)
	}
	var total time.Duration
	next := 0 // index into units: each unit at most once, in order
	for len(in) > 0 {
		i := 0
		for i < len(in) && in[i] >= '0' && in[i] <= '9' {
			i++
		}
		if i == 0 {
			return 0, fmt.Errorf("duration %q: expected a number before %q", s, in)
		}
		if i == len(in) {
			return 0, fmt.Errorf("duration %q: %q has no unit; use d, h, m or s", s, in)
		}
		n, err := strconv.ParseInt(in[:i], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("duration %q: number %q is too large", s, in[:i])
		}
		u := in[i]
		found := false
		for j := next; j < len(units); j++ {
			if units[j].suffix == u {
				if n > int64((1<<63-1)/units[j].size) || total > time.Duration(1<<63-1)-time.Duration(n)*units[j].size {
					return 0, fmt.Errorf("duration %q: too long", s)
				}
				total += time.Duration(n) * units[j].size
				next = j + 1
				found = true
				break
			}
		}
		if !found {
			return 0, fmt.Errorf("duration %q: unit %q unknown or out of order; use d, h, m, s, largest first, each once", s, string(u))
		}
		in = in[i+1:]
	}
	if total <= 0 {
		return 0, fmt.Errorf("duration %q: must be positive", s)
	}
	return Duration(total), nil
}

// String prints d in the same form Parse reads, e.g. "1d12h". Sub-second remainders are dropped.
func (d Duration) String() string {
	v := time.Duration(d)
	if v <= 0 {
		return "0s"
	}
	var b strings.Builder
	for _, u := range units {
		if n := v / u.size; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteByte(u.suffix)
			v -= n * u.size
		}
	}
	if b.Len() == 0 {
		return "0s"
	}
	return b.String()
}

// MarshalGQL writes d as a GraphQL string.
func (d Duration) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(d.String())) }

// UnmarshalGQL reads a GraphQL string. Null (only an optional field can be null; the schema
// refuses it elsewhere) reads as 0, "not given".
func (d *Duration) UnmarshalGQL(v any) error {
	if v == nil {
		*d = 0
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return apperr.New(apperr.InvalidArgument, "duration must be a string such as \"7d\", got %T", v)
	}
	p, err := Parse(s)
	if err != nil {
		return apperr.New(apperr.InvalidArgument, "%v", err)
	}
	*d = p
	return nil
}

// MarshalJSON writes d as a JSON string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a JSON string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duration: %w", err)
	}
	return d.UnmarshalGQL(s)
}

// Value stores d as nanoseconds.
func (d Duration) Value() (driver.Value, error) { return int64(d), nil }

// Scan reads nanoseconds.
func (d *Duration) Scan(src any) error {
	switch v := src.(type) {
	case int64:
		*d = Duration(v)
	case nil:
		*d = 0
	default:
		return fmt.Errorf("duration: cannot scan %T", src)
	}
	return nil
}

// MarshalText writes d as text, for YAML configuration files.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "7d", "36h", ... from text, for YAML configuration files.
func (d *Duration) UnmarshalText(b []byte) error {
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
