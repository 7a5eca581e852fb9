package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParseWhen(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	now := time.Date(2026, 12, 2, 5, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"2026-12-08 09:00", time.Date(2026, 12, 8, 9, 0, 0, 0, cet)},
		{"2026-12-08 09:00:30", time.Date(2026, 12, 8, 9, 0, 30, 0, cet)},
		{"2026-12-08T09:00", time.Date(2026, 12, 8, 9, 0, 0, 0, cet)},
		{"2026-12-08", time.Date(2026, 12, 8, 0, 0, 0, 0, cet)},
		{"2026-12-08T09:00:00Z", time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)},
		{"2026-12-08T09:00:00+05:30", time.Date(2026, 12, 8, 3, 30, 0, 0, time.UTC)},
		{" now ", now},
	} {
		got, err := parseWhen(tc.in, now, cet)
		require.NoError(t, err, tc.in)
		require.True(t, tc.want.Equal(got), "%s: %s, want %s", tc.in, got, tc.want)
	}
	for _, bad := range []string{"", "tomorrow", "08.12.2026", "2026-12-08 9am", "2026-13-01"} {
		_, err := parseWhen(bad, now, cet)
		require.Error(t, err, bad)
	}
}

func TestCalendarSpan(t *testing.T) {
	now := time.Date(2026, 12, 2, 5, 30, 0, 0, time.Local)
	day := 24 * time.Hour
	for _, tc := range []struct {
		name, from, to, step string
		wantFrom, wantTo     time.Time
		wantStep             time.Duration
		wantText             string
	}{
		{"a week of days", "2026-12-07", "2026-12-14", "", time.Date(2026, 12, 7, 0, 0, 0, 0, time.Local), time.Date(2026, 12, 14, 0, 0, 0, 0, time.Local), day, "1d"},
		{"hours under three days", "2026-12-07", "2026-12-08", "", time.Date(2026, 12, 7, 0, 0, 0, 0, time.Local), time.Date(2026, 12, 8, 0, 0, 0, 0, time.Local), time.Hour, "1h"},
		{"a week from --from", "2026-12-07", "", "4h", time.Date(2026, 12, 7, 0, 0, 0, 0, time.Local), time.Date(2026, 12, 14, 0, 0, 0, 0, time.Local), 4 * time.Hour, "4h"},
		{"defaults: today, a week", "", "", "", time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local), time.Date(2026, 12, 9, 0, 0, 0, 0, time.Local), day, "1d"},
		{"hourly from this hour", "", "", "1h", time.Date(2026, 12, 2, 5, 0, 0, 0, time.Local), time.Date(2026, 12, 9, 5, 0, 0, 0, time.Local), time.Hour, "1h"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, to, st, text, err := calendarSpan(tc.from, tc.to, tc.step, now)
			require.NoError(t, err)
			require.True(t, tc.wantFrom.Equal(f), "from %s", f)
			require.True(t, tc.wantTo.Equal(to), "to %s", to)
			require.Equal(t, tc.wantStep, st)
			require.Equal(t, tc.wantText, text)
		})
	}
	for _, bad := range [][3]string{{"2026-12-14", "2026-12-07", ""}, {"2026-12-07", "2027-12-07", "1h"}, {"soon", "", ""}, {"", "", "1x"}} {
		_, _, _, _, err := calendarSpan(bad[0], bad[1], bad[2], now)
		require.Equal(t, ExitUsage, ExitCode(err), "%v: %v", bad, err)
	}
}

func TestRenderTimeline(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	day := 24 * time.Hour
	start := time.Date(2026, 12, 7, 0, 0, 0, 0, loc)
	var slots []SlotJSON
	for i, b := range []int{14, 8, 0, 13} {
		f := start.Add(time.Duration(i) * day)
		slots = append(slots, SlotJSON{From: f.UTC(), To: f.Add(day).UTC(), Bookable: b, Capacity: 14})
	}
	var out bytes.Buffer
	renderTimeline(&out, "4D.small", slots, day, loc)
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	require.Len(t, lines, 6, out.String())
	require.Contains(t, lines[0], "4D.small: items bookable for the whole slot, Mon 07 Dec 2026 00:00 to Fri 11 Dec 2026 00:00 CET, slots of 1d")
	require.Regexp(t, `^SLOT\s+BOOKABLE`, lines[1])
	require.Regexp(t, `^Mon 07 Dec\s+14/14\s+█{14}$`, lines[2])
	require.Regexp(t, `^Tue 08 Dec\s+8/14\s+█{8}░{6}$`, lines[3])
	require.Regexp(t, `^Wed 09 Dec\s+0/14\s+░{14} full$`, lines[4])
	require.Regexp(t, `^Thu 10 Dec\s+13/14\s+█{13}░$`, lines[5])

	// Hourly slots are labelled by their start; a wide product's bar is scaled, never empty
	// when something is bookable, never full when something is taken.
	out.Reset()
	h := time.Date(2026, 12, 8, 9, 0, 0, 0, loc)
	renderTimeline(&out, "4D.small", []SlotJSON{
		{From: h, To: h.Add(time.Hour), Bookable: 1, Capacity: 1000},
		{From: h.Add(time.Hour), To: h.Add(2 * time.Hour), Bookable: 999, Capacity: 1000},
	}, time.Hour, loc)
	require.Regexp(t, `Tue 08 Dec 09:00\s+1/1000\s+█░{23}\n`, out.String())
	require.Regexp(t, `Tue 08 Dec 10:00\s+999/1000\s+█{23}░\n`, out.String())

	out.Reset()
	renderTimeline(&out, "4D.small", nil, day, loc)
	require.Equal(t, "4D.small: no slots\n", out.String())
	require.Equal(t, "(no items can serve)", bar(0, 0, 0))
}

func TestStartsCell(t *testing.T) {
	at := time.Now().Add(50 * time.Hour)
	pos := 2
	require.Contains(t, startsCell(LeaseJSON{Status: LeaseStatusScheduled, StartsAt: &at}), "in 2d 1h")
	require.Equal(t, "#2 in the queue", startsCell(LeaseJSON{Status: LeaseStatusQueued, QueuePosition: &pos}))
	require.Equal(t, "in the queue", startsCell(LeaseJSON{Status: LeaseStatusQueued}))
	require.Equal(t, "-", startsCell(LeaseJSON{Status: LeaseStatusActive, StartsAt: &at}))
}
