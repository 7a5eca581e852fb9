package dispenser

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"unicode/utf8"

	"github.com/jonboulle/clockwork"
)

// Limits on what the exec driver keeps from a command's output.
const (
	maxStdout     = 1 << 20 // a Response is small; more means the command is misbehaving
	stderrTail    = 8 << 10 // only the end of stderr is kept: that is where the reason is
	maxMessageLen = 500     // the part of stderr shown to a user
	// waitDelay bounds how long Wait lingers for output pipes after the process is killed,
	// in case a grandchild escaped the process group and holds them open.
	waitDelay = 2 * time.Second
)

// EnvAction is the environment variable telling an exec command which action it runs.
const EnvAction = "HARDCANDY_ACTION"

// execDriver runs a local command per call: the Request JSON on stdin, a Response JSON on
// stdout, the reason for a failure on stderr.
type execDriver struct {
	command []string
	timeout time.Duration
	env     []string // extra KEY=VALUE pairs, sorted for a stable environment
	clock   clockwork.Clock
}

func newExec(cfg Config, o options) (Dispenser, error) {
	if len(cfg.Command) == 0 || cfg.Command[0] == "" {
		return nil, errors.New("command: required for the exec driver, e.g. [\"/usr/local/bin/provision\"]")
	}
	if err := checkNonNegative("timeout", cfg.Timeout); err != nil {
		return nil, err
	}
	env := make([]string, 0, len(cfg.Env))
	for _, k := range slices.Sorted(maps.Keys(cfg.Env)) {
		if k == "" || strings.ContainsAny(k, "=\x00") {
			return nil, fmt.Errorf("env: %q is not a valid variable name", k)
		}
		if k == EnvAction {
			return nil, fmt.Errorf("env: %s is set by the driver", EnvAction)
		}
		env = append(env, k+"="+cfg.Env[k])
	}
	return &execDriver{
		command: slices.Clone(cfg.Command),
		timeout: orDefault(cfg.Timeout, DefaultExecTimeout),
		env:     env,
		clock:   o.clock,
	}, nil
}

// Check runs the command with action "check".
func (x *execDriver) Check(ctx context.Context, req CheckRequest) error {
	_, err := x.run(ctx, newRequest(ActionCheck, nil, nil, &req))
	return err
}

// Vend runs the command with action "vend".
func (x *execDriver) Vend(ctx context.Context, lease Lease, item Item) (json.RawMessage, error) {
	return x.run(ctx, newRequest(ActionVend, &lease, &item, nil))
}

// Reclaim runs the command with action "reclaim".
func (x *execDriver) Reclaim(ctx context.Context, item Item) error {
	_, err := x.run(ctx, newRequest(ActionReclaim, nil, &item, nil))
	return err
}

func (x *execDriver) run(ctx context.Context, req Request) (json.RawMessage, error) {
	action := req.Action
	body, err := json.Marshal(req)
	if err != nil {
		return nil, failed(action, "the request could not be encoded", false, fmt.Errorf("exec dispenser: encode request: %w", err))
	}
	rctx, cancel := clockwork.WithTimeout(ctx, x.clock, x.timeout)
	defer cancel()

	cmd := exec.CommandContext(rctx, x.command[0], x.command[1:]...)
	cmd.Stdin = bytes.NewReader(body)
	stdout := &capBuffer{max: maxStdout}
	stderr := &tailBuffer{max: stderrTail}
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	cmd.Env = append(append(os.Environ(), x.env...), EnvAction+"="+action)
	cmd.WaitDelay = waitDelay
	killGroup(cmd)

	if err := cmd.Start(); err != nil {
		// The command never ran, so nothing was touched.
		msg := "the dispenser command could not be started"
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, fs.ErrNotExist) {
			msg = "the dispenser command was not found"
		}
		return nil, failed(action, msg, false, fmt.Errorf("exec dispenser: %w", err))
	}
	waitErr := cmd.Wait()

	// From here on the command ran: any failure may have left the item half provisioned.
	// A command that exited cleanly just as the deadline passed still answered, so only a
	// failed wait counts as a timeout.
	if waitErr != nil && rctx.Err() != nil {
		msg := fmt.Sprintf("the dispenser command did not finish within %s", x.timeout)
		if ctx.Err() != nil {
			msg = "the request was cancelled or timed out"
		}
		return nil, failed(action, msg, true, fmt.Errorf("exec dispenser: %s killed: %w", x.command[0], rctx.Err()))
	}
	if waitErr != nil {
		var exitErr *exec.ExitError
		if !errors.As(waitErr, &exitErr) {
			// Typically ErrWaitDelay: the command exited but something kept its output open.
			return nil, failed(action, "the dispenser command failed", true, fmt.Errorf("exec dispenser: %w", waitErr))
		}
		msg := lastLines(stderr.Bytes(), maxMessageLen)
		// A command may still print a Response before exiting non-zero; honour its touched
		// flag and fall back to its message when stderr is silent.
		touched := true
		if resp, err := decodeResponse(stdout.Bytes()); err == nil {
			if resp.Touched != nil {
				touched = *resp.Touched
			}
			if msg == "" {
				msg = resp.Error
			}
		}
		if msg == "" {
			msg = exitErr.String() // "exit status N" or "signal: killed"
		}
		return nil, failed(action, msg, touched, fmt.Errorf("exec dispenser: %s: %w", x.command[0], waitErr))
	}
	if stdout.overflow {
		return nil, failed(action, "the dispenser command printed too much on stdout", true,
			fmt.Errorf("exec dispenser: %s: stdout over %d bytes", x.command[0], maxStdout))
	}
	resp, err := decodeResponse(stdout.Bytes())
	if err != nil {
		msg := "the dispenser command printed invalid JSON on stdout"
		if len(bytes.TrimSpace(stdout.Bytes())) == 0 {
			msg = "the dispenser command printed nothing on stdout; it must print a JSON response"
		}
		return nil, failed(action, msg, true, fmt.Errorf("exec dispenser: %s: %w", x.command[0], err))
	}
	return interpret(action, resp)
}

// capBuffer keeps the first max bytes written and notes whether more came. It never fails a
// write, so a chatty command is not killed by SIGPIPE before it can exit.
type capBuffer struct {
	buf      bytes.Buffer
	max      int
	overflow bool
}

func (c *capBuffer) Write(p []byte) (int, error) {
	room := c.max - c.buf.Len()
	if len(p) > room {
		c.overflow = true
		c.buf.Write(p[:max(room, 0)])
		return len(p), nil
	}
	c.buf.Write(p)
	return len(p), nil
}

// Bytes returns what was kept.
func (c *capBuffer) Bytes() []byte { return c.buf.Bytes() }

// tailBuffer keeps the last max bytes written.
type tailBuffer struct {
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) >= t.max {
		t.buf = append(t.buf[:0], p[len(p)-t.max:]...)
		return n, nil
	}
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return n, nil
}

// Bytes returns the kept tail.
func (t *tailBuffer) Bytes() []byte { return t.buf }

// lastLines returns the last non-empty lines of out that fit in limit bytes, joined by
// newlines. A single last line longer than limit is cut to its final limit bytes (on a UTF-8
// boundary), since the end of a line usually says what went wrong.
func lastLines(out []byte, limit int) string {
	lines := strings.Split(strings.ToValidUTF8(string(out), "\uFFFD"), "\n")
	var kept []string
	size := 0
	for i := len(lines) - 1; i >= 0; i-- {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if len(kept) == 0 && len(line) > limit {
			cut := len(line) - limit
			for cut < len(line) && !utf8.RuneStart(line[cut]) {
				cut++
			}
			return "…" + line[cut:]
		}
		if size+len(line)+len(kept) > limit { // len(kept) counts the joining newlines
			break
		}
		kept = append(kept, line)
		size += len(line)
	}
	slices.Reverse(kept)
	return strings.Join(kept, "\n")
}
