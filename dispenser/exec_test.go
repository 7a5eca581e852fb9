package dispenser_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
)

// script writes a bash script into a temporary directory and returns the argv running it.
// The argv runs bash on the file rather than executing the file itself: executing a file that
// was just written can fail with "text file busy" while parallel tests fork.
func script(t *testing.T, body string) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dispense.sh")
	require.NoError(t, os.WriteFile(path, []byte("set -u\n"+body), 0o600))
	return []string{"/bin/bash", path}
}

func execConfig(command []string) dispenser.Config {
	return dispenser.Config{Driver: "exec", Command: command, Timeout: dispenser.Duration(10 * time.Second)}
}

// echoItemName answers credentials naming the item found in the request on stdin.
const echoItemName = `
req=$(cat)
# The item comes after the lease in the request, so the last "name" is the item's.
name=$(printf '%s' "$req" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
printf '{"status":"ok","credentials":{"ssh":"ssh root@%s","action":"%s","site":"%s"}}\n' "$name" "$HARDCANDY_ACTION" "$SITE"
`

func TestExecVendEchoesCredentials(t *testing.T) {
	t.Parallel()
	cfg := execConfig(script(t, echoItemName))
	cfg.Env = map[string]string{"SITE": "lab-1"}
	creds, err := newDispenser(t, cfg).Vend(t.Context(), testLease, testItem)
	require.NoError(t, err)
	require.JSONEq(t, `{"ssh":"ssh root@node-7","action":"vend","site":"lab-1"}`, string(creds))
}

func TestExecActionsAndStdin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		action string
		call   func(context.Context, dispenser.Dispenser) error
		check  func(t *testing.T, req dispenser.Request)
	}{
		{action: "check",
			call: func(ctx context.Context, d dispenser.Dispenser) error {
				return d.Check(ctx, dispenser.CheckRequest{User: testLease.User, SKU: "3D.xl", Type: "D", Quantity: 3, Duration: "7d"})
			},
			check: func(t *testing.T, req dispenser.Request) {
				require.Equal(t, 3, req.Check.Quantity)
				require.Nil(t, req.Item)
			}},
		{action: "vend",
			call: func(ctx context.Context, d dispenser.Dispenser) error {
				_, err := d.Vend(ctx, testLease, testItem)
				return err
			},
			check: func(t *testing.T, req dispenser.Request) {
				require.Equal(t, testLease.ID, req.Lease.ID)
				require.Equal(t, testItem, *req.Item)
			}},
		{action: "reclaim",
			call: func(ctx context.Context, d dispenser.Dispenser) error { return d.Reclaim(ctx, testItem) },
			check: func(t *testing.T, req dispenser.Request) {
				require.Nil(t, req.Lease)
				require.Equal(t, testItem.Name, req.Item.Name)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			cfg := execConfig(script(t, `
cat > "$OUT/request.json"
printf '%s' "$HARDCANDY_ACTION" > "$OUT/action"
echo '{"status":"ok","credentials":{"ok":"yes"}}'
`))
			cfg.Env = map[string]string{"OUT": dir}
			require.NoError(t, tt.call(t.Context(), newDispenser(t, cfg)))

			action, err := os.ReadFile(filepath.Join(dir, "action"))
			require.NoError(t, err)
			require.Equal(t, tt.action, string(action))
			raw, err := os.ReadFile(filepath.Join(dir, "request.json"))
			require.NoError(t, err)
			var req dispenser.Request
			require.NoError(t, json.Unmarshal(raw, &req))
			require.Equal(t, tt.action, req.Action)
			tt.check(t, req)
		})
	}
}

func TestExecFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		script  string
		message string
		refused bool
		touched bool
	}{
		{name: "non-zero exit surfaces stderr", touched: true, message: "ipmi: BMC unreachable",
			script: `cat >/dev/null; echo "ipmi: BMC unreachable" >&2; exit 3`},
		{name: "stderr's last non-empty lines", touched: true, message: "connecting to 10.1.2.3\nipmi: BMC unreachable",
			script: `cat >/dev/null; echo "connecting to 10.1.2.3" >&2; echo "" >&2; echo "ipmi: BMC unreachable" >&2; echo "   " >&2; exit 3`},
		{name: "non-zero exit without stderr", touched: true, message: "exit status 3",
			script: `cat >/dev/null; exit 3`},
		{name: "non-zero exit with an untouched response", message: "no capacity in rack 4",
			script: `cat >/dev/null; echo '{"status":"failed","error":"no capacity in rack 4","touched":false}'; exit 1`},
		{name: "invalid JSON", touched: true, message: "the dispenser command printed invalid JSON on stdout",
			script: `cat >/dev/null; echo 'provisioned node-7!'`},
		{name: "empty stdout", touched: true, message: "the dispenser command printed nothing on stdout; it must print a JSON response",
			script: `cat >/dev/null`},
		{name: "refused", refused: true, message: "alice needs a manager's approval",
			script: `cat >/dev/null; echo '{"status":"refused","error":"alice needs a manager'"'"'s approval"}'`},
		{name: "failed", touched: true, message: "PXE boot failed",
			script: `cat >/dev/null; echo '{"status":"failed","error":"PXE boot failed"}'`},
		{name: "failed untouched", message: "image not found",
			script: `cat >/dev/null; echo '{"status":"failed","error":"image not found","touched":false}'`},
		{name: "the request need not be read", touched: true, message: "exit status 1",
			script: `exit 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := newDispenser(t, execConfig(script(t, tt.script))).Vend(t.Context(), testLease, testItem)
			e := requireError(t, err)
			require.Equal(t, tt.message, e.Message)
			require.Equal(t, tt.refused, e.Refused, "refused")
			require.Equal(t, tt.touched, e.Touched, "touched")
		})
	}
}

func TestExecLongStderrIsCut(t *testing.T) {
	t.Parallel()
	// Many lines of noise then the reason: only the tail, at most ~500 bytes, reaches the user.
	cfg := execConfig(script(t, `cat >/dev/null
for i in $(seq 1 200); do echo "debug line $i: lots of detail nobody should see" >&2; done
echo "fatal: disk wipe failed" >&2
exit 2`))
	err := newDispenser(t, cfg).Reclaim(t.Context(), testItem)
	e := requireError(t, err)
	require.LessOrEqual(t, len(e.Message), 500)
	require.True(t, strings.HasSuffix(e.Message, "fatal: disk wipe failed"), e.Message)
	require.NotContains(t, e.Message, "debug line 1:")
	require.False(t, e.Touched, "reclaim is never touched")
}

// TestExecTimeoutKillsTheProcessGroup: the timeout runs on the injected clock, and passes only
// once the script is running with its child, however slowly a loaded machine starts them.
func TestExecTimeoutKillsTheProcessGroup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := execConfig(script(t, `cat >/dev/null
sleep 300 &
echo $! > "$OUT/child.pid.tmp" && mv "$OUT/child.pid.tmp" "$OUT/child.pid"
wait`))
	cfg.Env = map[string]string{"OUT": dir}
	cfg.Timeout = dispenser.Duration(200 * time.Millisecond)
	clock := clockwork.NewFakeClock()
	d := newDispenser(t, cfg, dispenser.WithClock(clock))
	done := make(chan error, 1)
	go func() { _, err := d.Vend(t.Context(), testLease, testItem); done <- err }()

	var raw []byte
	require.Eventually(t, func() bool {
		var err error
		raw, err = os.ReadFile(filepath.Join(dir, "child.pid"))
		return err == nil
	}, time.Minute, 10*time.Millisecond, "the script started its child")
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	require.NoError(t, err)
	require.NoError(t, clock.BlockUntilContext(t.Context(), 1)) // the driver's timeout
	clock.Advance(200 * time.Millisecond)

	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the timeout did not end the command")
	}
	e := requireError(t, err)
	require.True(t, e.Touched)
	require.Equal(t, "the dispenser command did not finish within 200ms", e.Message)
	require.True(t, errors.Is(err, context.DeadlineExceeded))
	// A child left alive would also keep the script's stdout open; the whole group is killed.
	require.Eventually(t, func() bool { return !running(pid) }, time.Minute, 10*time.Millisecond,
		"the script's child %d survived the timeout", pid)
}

// running reports whether pid is alive; a zombie waiting for its reaper counts as dead.
func running(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// The state follows the command name in parentheses: "pid (comm) S ...".
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

func TestExecCancellationIsPrompt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := execConfig(script(t, `touch "$OUT/started"; sleep 300`))
	cfg.Env = map[string]string{"OUT": dir}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go func() { // cancel once the command runs
		for ctx.Err() == nil {
			if _, err := os.Stat(filepath.Join(dir, "started")); err == nil {
				cancel()
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	start := time.Now()
	_, err := newDispenser(t, cfg).Vend(ctx, testLease, testItem)
	// Far less than the script's 300 s: the cancellation killed it.
	require.Less(t, time.Since(start), time.Minute)
	e := requireError(t, err)
	require.True(t, e.Touched)
	require.Equal(t, "the request was cancelled or timed out", e.Message)
}

func TestExecMissingCommandIsUntouched(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		command []string
	}{
		{name: "path", command: []string{filepath.Join(t.TempDir(), "no-such-provisioner")}},
		{name: "name on PATH", command: []string{"hardcandy-no-such-provisioner", "--vend"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := newDispenser(t, execConfig(tt.command)).Vend(t.Context(), testLease, testItem)
			e := requireError(t, err)
			require.False(t, e.Touched, "the command never ran")
			require.Equal(t, "the dispenser command was not found", e.Message)
		})
	}
}

func TestExecCommandNeedNotReadStdin(t *testing.T) {
	t.Parallel()
	creds, err := newDispenser(t, execConfig(script(t, `echo '{"status":"ok","credentials":{"token":"t"}}'`))).
		Vend(t.Context(), testLease, testItem)
	require.NoError(t, err)
	require.JSONEq(t, `{"token":"t"}`, string(creds))
}
