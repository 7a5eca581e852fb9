package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/duration"
)

// localLayouts are the wall-clock forms --at, --until, --from and --to read, in the local time
// zone (the TZ environment variable, else the system's).
var localLayouts = []string{
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02T15:04:05",
	time.DateOnly, // midnight at the start of that day
}

// parseWhen reads a point in time as people type it: "now", an RFC 3339 time
// ("2026-12-08T09:00:00Z", "2026-12-08T09:00:00+01:00"), or a local wall-clock time
// ("2026-12-08 09:00", "2026-12-08" for its midnight) in loc.
func parseWhen(s string, now time.Time, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errors.New("empty time")
	}
	if strings.EqualFold(s, "now") {
		return now, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range localLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q: a time such as \"2026-12-08 09:00\" (local), 2026-12-08 (its midnight), an RFC 3339 time or now", s)
}

// timeFlag reads a time flag; a malformed value is a usage error (exit 2).
func timeFlag(name, v string, now time.Time) (time.Time, error) {
	t, err := parseWhen(v, now, time.Local)
	if err != nil {
		return time.Time{}, UsageError{fmt.Errorf("--%s %w", name, err)}
	}
	return t, nil
}

// interval is the span a booking asks for: from start, either for a duration or until an end.
// Both empty leaves the length to the caller (the product's default, or the lease's own).
func interval(start time.Time, dur, until string, now time.Time) (time.Duration, error) {
	switch {
	case dur != "" && until != "":
		return 0, UsageError{errors.New("give --duration or --until, not both")}
	case dur != "":
		if err := durationFlag("duration", dur); err != nil {
			return 0, err
		}
		d, _ := duration.Parse(dur)
		return d.Std(), nil
	case until != "":
		end, err := timeFlag("until", until, now)
		if err != nil {
			return 0, err
		}
		if !end.After(start) {
			return 0, UsageError{fmt.Errorf("--until %s is not after the start %s", localTime(end), localTime(start))}
		}
		return end.Sub(start), nil
	}
	return 0, nil
}

// localTime prints a time in the local zone, to the minute: "Tue, 08 Dec 2026 09:00 CET".
func localTime(t time.Time) string { return t.Local().Format("Mon, 02 Jan 2006 15:04 MST") }
