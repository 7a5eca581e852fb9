package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database/dbtest"
)

// TestCLIBooking drives reservations through the binary against the real server (on Postgres
// too when HARDCANDY_TEST_POSTGRES is set): the calendar as a timeline, vend --at in local time,
// a refused overlap, --earliest, mine with the start, reschedule and cancel.
func TestCLIBooking(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a server")
	}
	t.Parallel()
	dir := t.TempDir()
	var extra []string
	if _, ok := dbtest.PostgresServer(); ok {
		key := filepath.Join(dir, "secret.key") // every Postgres server needs its secret key
		require.NoError(t, os.WriteFile(key, []byte(base64.StdEncoding.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))), 0o600))
		extra = []string{"--db", dbtest.Postgres(t), "--secret-key-file", key}
	}
	_, base, tokens := startBinaryWith(t, dir, extra...)
	bin := filepath.Join(dir, "hardcandy")

	// Local times are read in the zone of the person typing: Berlin here, whatever the machine's.
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	runAs := func(user string, args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "HOME="+dir, "TZ=Europe/Berlin",
			"HARDCANDY_SERVER="+base, "HARDCANDY_TOKEN="+tokens[user])
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return o.String(), e.String(), ee.ExitCode()
		}
		require.NoError(t, err)
		return o.String(), e.String(), 0
	}
	run := func(args ...string) (string, string, int) { return runAs("alice", args...) }
	decode := func(o string, v any) {
		t.Helper()
		require.NoError(t, json.Unmarshal([]byte(o), v), o)
	}
	// A week starting the day after tomorrow, Berlin time.
	y, m, d := time.Now().In(berlin).Date()
	day0 := time.Date(y, m, d+2, 0, 0, 0, 0, berlin)
	date := func(days int) string { return day0.AddDate(0, 0, days).Format(time.DateOnly) }
	at := func(days, hour int) time.Time { return day0.AddDate(0, 0, days).Add(time.Duration(hour) * time.Hour) }

	// The calendar: a row per day, every item of 4D.small (14 in the demo) bookable.
	o, e, code := run("avail", "4D.small", "--from", date(0), "--to", date(7))
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "4D.small: items bookable for the whole slot")
	require.Contains(t, o, "slots of 1d")
	require.Equal(t, 7, strings.Count(o, "14/14"), o)
	require.Contains(t, o, day0.Format("Mon 02 Jan"))
	o, _, code = run("avail", "4D.small", "--from", date(0), "--to", date(7), "--json")
	require.Equal(t, 0, code)
	var slots []struct {
		From               time.Time
		Bookable, Capacity int
	}
	decode(o, &slots)
	require.Len(t, slots, 7)
	require.True(t, slots[0].From.Equal(day0), "the first slot starts at Berlin midnight: %s", slots[0].From)
	require.Equal(t, 14, slots[0].Capacity)

	// Reserve six for three days from 09:00 local on day 1.
	o, e, code = run("vend", "4D.small:6", "--at", date(1)+" 09:00", "--duration", "3d", "--note", "demo")
	require.Equal(t, 0, code, e)
	require.Regexp(t, `lease \d+ is SCHEDULED: starts in \d+d \d+h \(`+regexp.QuoteMeta(at(1, 9).Format("Mon, 02 Jan 2006 15:04")), o)
	require.Contains(t, o, "hardcandy return")
	first := regexp.MustCompile(`lease (\d+)`).FindStringSubmatch(o)[1]
	o, _, code = run("show", first, "--json")
	require.Equal(t, 0, code)
	var shown struct {
		Status           string
		StartsAt, EndsAt time.Time
	}
	decode(o, &shown)
	require.Equal(t, "SCHEDULED", shown.Status)
	require.True(t, shown.StartsAt.Equal(at(1, 9)), "starts %s", shown.StartsAt)
	require.True(t, shown.EndsAt.Equal(at(4, 9)), "ends %s", shown.EndsAt)

	// The calendar shows it: 8 of 14 on the days it covers whole, hourly from 09:00 on day 1.
	o, _, _ = run("avail", "4D.small", "--from", date(0), "--to", date(7))
	require.Regexp(t, regexp.QuoteMeta(at(2, 0).Format("Mon 02 Jan"))+`\s+8/14\s+█{8}░{6}`, o)
	require.Regexp(t, regexp.QuoteMeta(at(0, 0).Format("Mon 02 Jan"))+`\s+14/14`, o)
	o, _, _ = run("avail", "4D.small", "--from", date(1)+" 07:00", "--to", date(1)+" 11:00")
	require.Contains(t, o, "slots of 1h")
	require.Regexp(t, `08:00\s+14/14`, o)
	require.Regexp(t, `09:00\s+8/14`, o)

	// Nine more (bob's) overlapping it do not fit, 8 are left: the server says why, exit 1.
	_, e, code = runAs("bob", "vend", "4D.small:9", "--at", date(2)+" 09:00", "--duration", "1d")
	require.Equal(t, 1, code, e)
	require.Contains(t, e, "OUT_OF_STOCK")

	// --earliest finds the first fit at or after --at: when the first booking ends.
	o, e, code = runAs("bob", "vend", "4D.small:9", "--earliest", "--at", date(2)+" 09:00", "--duration", "1d", "--json")
	require.Equal(t, 0, code, e)
	var second struct {
		ID, Status string
		StartsAt   time.Time
	}
	decode(o, &second)
	require.Equal(t, "SCHEDULED", second.Status)
	require.False(t, second.StartsAt.Before(at(4, 9)), "after the first booking: %s", second.StartsAt)
	require.True(t, second.StartsAt.Before(at(4, 10)), "right after it: %s", second.StartsAt)

	// mine lists each one's reservation with its start.
	o, e, code = run("mine")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "STARTS")
	require.Regexp(t, first+`\s+SCHEDULED\s+\(6×4D\.small\)\s+in \d+d`, o)
	require.NotContains(t, o, second.ID)
	o, _, _ = runAs("bob", "mine", "--json")
	var mine []struct{ ID, Status string }
	decode(o, &mine)
	require.Len(t, mine, 1)
	require.Equal(t, second.ID, mine[0].ID)
	require.Equal(t, "SCHEDULED", mine[0].Status)

	// reschedule: a day later, the same length; onto the second booking it does not fit.
	o, e, code = run("reschedule", first, "--at", date(0)+" 09:00")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "is SCHEDULED: starts")
	o, _, _ = run("show", first, "--json")
	decode(o, &shown)
	require.True(t, shown.StartsAt.Equal(at(0, 9)), "moved to %s", shown.StartsAt)
	require.True(t, shown.EndsAt.Equal(at(3, 9)), "the same length: %s", shown.EndsAt)
	_, e, code = run("reschedule", first, "--until", date(5)+" 09:00")
	require.Equal(t, 1, code, e)
	require.Regexp(t, `OUT_OF_STOCK|POLICY_VIOLATION|CONFLICT`, e)
	o, _, _ = run("show", first, "--json")
	decode(o, &shown)
	require.True(t, shown.EndsAt.Equal(at(3, 9)), "a refused move keeps the booking: %s", shown.EndsAt)

	// Cancel: return on a reservation; it leaves mine.
	o, e, code = run("return", first)
	require.Equal(t, 0, code, e)
	o, _, _ = run("mine")
	require.NotRegexp(t, `(?m)^`+first+`\s`, o)

	// Usage mistakes exit 2 before anything is sent.
	for _, args := range [][]string{
		{"vend", "4D.small", "--at", "next tuesday"},
		{"vend", "4D.small", "--at", "2020-01-01 09:00"},
		{"vend", "4D.small", "--until", date(3)},
		{"vend", "4D.small", "--queue", "--at", date(3)},
		{"vend", "4D.small", "--at", date(3), "--duration", "1d", "--until", date(4)},
		{"avail", "4D.small", "--from", "soon"},
		{"avail", "--from", date(0)},
		{"avail", "4D.small", "--from", date(3), "--to", date(1)},
		{"reschedule", first},
	} {
		_, e, code := run(args...)
		require.Equal(t, 2, code, "%v: %s", args, e)
	}
}

// startBinaryWith is startBinary with more arguments for serve (e.g. --db): it builds the
// binary into dir, serves the demo on a free port, and returns the server, its URL and the demo
// users' tokens.
func startBinaryWith(t *testing.T, dir string, serveArgs ...string) (*exec.Cmd, string, map[string]string) {
	t.Helper()
	if len(serveArgs) == 0 {
		_, cmd, base, tokens := startBinary(t, dir)
		return cmd, base, tokens
	}
	bin := filepath.Join(dir, "hardcandy")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	cmd := exec.Command(bin, append([]string{"serve", "--demo", "--addr", "127.0.0.1:0"}, serveArgs...)...)
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	tokens := map[string]string{}
	sc := bufio.NewScanner(stdout)
	for len(tokens) < 4 && sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 4 && strings.HasPrefix(f[3], "hc_") {
			tokens[f[0]] = f[3]
		}
	}
	require.Len(t, tokens, 4)
	addrRE := regexp.MustCompile(`"?addr"?[=:]"?(http://[0-9.:]+)/`)
	var base string
	logs := bufio.NewScanner(stderr)
	for logs.Scan() {
		if m := addrRE.FindStringSubmatch(logs.Text()); m != nil {
			base = m[1]
			break
		}
	}
	require.NotEmpty(t, base)
	go func() { // keep draining the logs
		for logs.Scan() {
		}
	}()
	return cmd, base, tokens
}
