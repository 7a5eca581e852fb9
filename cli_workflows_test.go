package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// cliAs returns a runner of the built binary as a demo user (by token), with its output and
// exit code.
func cliAs(t *testing.T, bin, base, dir string, tokens map[string]string) func(who string, args ...string) (string, string, int) {
	return func(who string, args ...string) (string, string, int) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config-"+who), "HOME="+dir,
			"HARDCANDY_SERVER="+base, "HARDCANDY_TOKEN="+tokens[who])
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		return o.String(), e.String(), code
	}
}

// TestCLIExtensionRequests drives extension requests through the built binary: a user's extend
// beyond policy awaits approval, `requests` shows the manager what to decide (leases awaiting
// approval too), and approve/reject take either kind of id.
func TestCLIExtensionRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a server")
	}
	t.Parallel()
	dir := t.TempDir()
	bin, _, base, tokens := startBinary(t, dir)
	run := cliAs(t, bin, base, dir, tokens)

	o, e, code := run("alice", "vend", "4D.small", "--duration", "3d")
	require.Equal(t, 0, code, e)
	lease := regexp.MustCompile(`lease (\d+)`).FindStringSubmatch(o)[1]

	o, e, code = run("alice", "extend", lease, "--by", "100d")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "is awaiting approval")
	require.Regexp(t, `lease `+lease+` ends in 2d 23h`, o, "the end stays")
	req := regexp.MustCompile(`\(request (\d+)\)`).FindStringSubmatch(o)[1]

	_, e, code = run("alice", "extend", lease, "--by", "1d")
	require.Equal(t, 1, code)
	require.Contains(t, e, "CONFLICT")

	o, _, code = run("alice", "requests")
	require.Equal(t, 0, code)
	require.Contains(t, o, "nothing awaits your decision", "not her own")
	_, e, code = run("alice", "approve", req)
	require.Equal(t, 1, code)
	require.Contains(t, e, "FORBIDDEN")
	_, e, code = run("bob", "approve", req)
	require.Equal(t, 1, code)
	require.Contains(t, e, "NOT_FOUND")

	// A lease awaiting approval too.
	o, e, code = run("alice", "vend", "4D.large", "--duration", "3d")
	require.Equal(t, 0, code, e)
	pending := regexp.MustCompile(`lease (\d+) is PENDING`).FindStringSubmatch(o)[1]

	o, e, code = run("manny", "requests")
	require.Equal(t, 0, code, e)
	require.Regexp(t, `extension\s+`+req+`\s+`+lease+`\s+alice\s+.*extend by 100d`, o)
	require.Regexp(t, `lease\s+`+pending+`\s+`+pending+`\s+alice\s+.*1×4D\.large for 3d`, o)

	o, e, code = run("manny", "approve", req)
	require.Equal(t, 0, code, e)
	require.Regexp(t, `extension request `+req+` is APPROVED: lease `+lease+` now ends in 102d 23h`, o)
	o, e, code = run("manny", "reject", pending, "--reason", "use 4D.small")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "lease "+pending+" is REJECTED")

	// Asked again, rejected with a reason.
	o, e, code = run("alice", "extend", lease, "--by", "30d")
	require.Equal(t, 0, code, e)
	second := regexp.MustCompile(`\(request (\d+)\)`).FindStringSubmatch(o)[1]
	_, e, code = run("admin", "reject", second)
	require.Equal(t, 2, code, e)
	o, e, code = run("admin", "reject", second, "--reason", "capacity")
	require.Equal(t, 0, code, e)
	require.Regexp(t, `extension request `+second+` is REJECTED: lease `+lease+` still ends in 102d`, o)
	o, _, code = run("manny", "requests", "--json")
	require.Equal(t, 0, code)
	require.Equal(t, "[]", strings.TrimSpace(o))
}

// TestCLIPeopleAndTokens drives whoami, profile, tokens, users, logout and version through the
// built binary.
func TestCLIPeopleAndTokens(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a server")
	}
	t.Parallel()
	dir := t.TempDir()
	bin, _, base, tokens := startBinary(t, dir)
	run := cliAs(t, bin, base, dir, tokens)

	o, e, code := run("alice", "whoami")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "alice (USER) in ENG")

	_, e, code = run("alice", "profile", "--webhook-url", "http://example.com/hook")
	require.Equal(t, 1, code)
	require.Contains(t, e, "INVALID_ARGUMENT")
	o, e, code = run("alice", "profile", "--time-zone", "Europe/Berlin", "--webhook-url", "http://127.0.0.1:9/hook")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "time zone Europe/Berlin")
	o, _, _ = run("alice", "whoami")
	require.Contains(t, o, "http://127.0.0.1:9/hook")

	// Her tokens: create one with a name and an expiry, see it listed, use it, revoke it.
	o, e, code = run("alice", "tokens", "create", "--name", "ci", "--expires", "30d")
	require.Equal(t, 0, code, e)
	secret := regexp.MustCompile(`hc_\S+`).FindString(o)
	tokenID := regexp.MustCompile(`token (\d+) for alice`).FindStringSubmatch(o)[1]
	o, e, code = run("alice", "tokens", "list")
	require.Equal(t, 0, code, e)
	require.Regexp(t, tokenID+`\s+`+regexp.QuoteMeta(secret[:9])+`…\s+ci\s+`, o)
	require.NotContains(t, o, secret)
	tokens["alice-ci"] = secret
	o, _, code = run("alice-ci", "whoami")
	require.Equal(t, 0, code)
	require.Contains(t, o, "alice (USER)")
	_, e, code = run("bob", "tokens", "revoke", tokenID)
	require.Equal(t, 1, code)
	require.Contains(t, e, "NOT_FOUND")
	o, e, code = run("alice", "tokens", "revoke", tokenID)
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "revoked token "+tokenID)
	_, e, code = run("alice-ci", "whoami")
	require.Equal(t, 1, code)
	require.Contains(t, e, "UNAUTHENTICATED")

	// Admins: add, set, deactivate.
	_, e, code = run("manny", "users", "add", "carol", "--cost-center", "ENG")
	require.Equal(t, 1, code)
	require.Contains(t, e, "FORBIDDEN")
	_, e, code = run("admin", "users", "add", "carol", "--cost-center", "ENG", "--role", "boss")
	require.Equal(t, 2, code, e)
	o, e, code = run("admin", "users", "add", "carol", "--cost-center", "ENG", "--email", "carol@example.com")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "added carol (USER) in ENG")
	tokens["carol"] = regexp.MustCompile(`hc_\S+`).FindString(o)
	o, e, code = run("admin", "users", "set", "carol", "--role", "manager", "--cost-center", "FIELD")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "carol is MANAGER in FIELD")
	o, _, code = run("carol", "whoami")
	require.Equal(t, 0, code)
	require.Contains(t, o, "carol (MANAGER) in FIELD")
	o, e, code = run("admin", "tokens", "list", "--user", "carol")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "active")
	o, e, code = run("admin", "users", "deactivate", "carol")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "deactivated carol")
	_, e, code = run("carol", "whoami")
	require.Equal(t, 1, code)
	require.Contains(t, e, "UNAUTHENTICATED")
	o, _, code = run("admin", "users", "list")
	require.Equal(t, 0, code)
	require.Regexp(t, `carol\s+MANAGER\s+FIELD\s+carol@example.com\s+deactivated`, o)

	// logout forgets the stored login; version needs no server.
	cfg := filepath.Join(dir, "config-login")
	login := exec.Command(bin, "login", "--server", base, "--token", tokens["bob"])
	login.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "HOME="+dir, "HARDCANDY_SERVER=", "HARDCANDY_TOKEN=")
	require.NoError(t, login.Run())
	logout := exec.Command(bin, "logout")
	logout.Env = login.Env
	out, err := logout.Output()
	require.NoError(t, err)
	require.Contains(t, string(out), "logged out")
	_, err = os.Stat(filepath.Join(cfg, "hardcandy", "login.json"))
	require.ErrorIs(t, err, os.ErrNotExist)
	out, err = exec.Command(bin, "version").Output()
	require.NoError(t, err)
	require.Regexp(t, `^hardcandy \S+ \(commit \S+, go1\.\d+`, string(out))
}

// TestCLICustomRequests: a user asks for something not in the catalog, an admin fulfils it, and
// only the requester's side may vend the custom product; another request is declined.
func TestCLICustomRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a server")
	}
	t.Parallel()
	dir := t.TempDir()
	bin, _, base, tokens := startBinary(t, dir)
	run := cliAs(t, bin, base, dir, tokens)

	o, e, code := run("alice", "custom", "request", "a GPU box with 2 A100", "--duration", "5d", "--attr", "gpu=a100")
	require.Equal(t, 0, code, e)
	id := regexp.MustCompile(`custom request (\d+) is OPEN`).FindStringSubmatch(o)[1]
	o, e, code = run("admin", "custom", "list")
	require.Equal(t, 0, code, e)
	require.Regexp(t, id+`\s+OPEN\s+alice\s+1\s+5d\s+a GPU box`, o)
	o, _, _ = run("bob", "custom", "list")
	require.Contains(t, o, "no custom requests")

	expires := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	_, e, code = run("manny", "custom", "fulfil", id, "--sku", "4D.gpu", "--name", "GPU box", "--price", "90.00", "--expires", expires, "--item", "gpu-01")
	require.Equal(t, 1, code)
	require.Contains(t, e, "FORBIDDEN")
	o, e, code = run("admin", "custom", "fulfil", id, "--sku", "4D.gpu", "--name", "GPU box", "--price", "90.00", "--expires", expires, "--item", "gpu-01", "--item", "gpu-02")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "is FULFILLED: alice may vend 4D.gpu")

	_, e, code = run("bob", "vend", "4D.gpu", "--duration", "1d")
	require.Equal(t, 1, code)
	require.Contains(t, e, "NOT_FOUND")
	o, _, _ = run("bob", "avail")
	require.NotContains(t, o, "4D.gpu")
	o, _, _ = run("alice", "avail", "4D.gpu")
	require.Regexp(t, `4D\.gpu\s+2`, o)
	o, e, code = run("alice", "vend", "4D.gpu", "--duration", "5d")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "is ACTIVE")

	o, _, _ = run("alice", "custom", "request", "a mainframe")
	second := regexp.MustCompile(`custom request (\d+)`).FindStringSubmatch(o)[1]
	o, e, code = run("admin", "custom", "decline", second, "--reason", "we have none")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "is DECLINED")
	o, _, _ = run("alice", "custom", "list", "--all")
	require.Contains(t, o, "declined: we have none")
	require.Contains(t, o, "product 4D.gpu")
}
