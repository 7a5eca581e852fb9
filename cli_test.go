package main

import (
	"bytes"
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
)

// TestCLIJourney builds the binary, starts the real server on a free port with a temporary
// database, and drives "vend me metal, show me my metal, return my metal" through the binary,
// with the error paths, checking output and exit codes.
func TestCLIJourney(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a server")
	}
	t.Parallel()
	dir := t.TempDir()
	bin, _, base, tokens := startBinary(t, dir)

	cfg := filepath.Join(dir, "config")
	run := func(stdin string, args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "HOME="+dir, "HARDCANDY_SERVER=", "HARDCANDY_TOKEN=")
		cmd.Stdin = strings.NewReader(stdin)
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

	// Not logged in yet.
	_, e, code := run("", "mine")
	require.Equal(t, 2, code)
	require.Contains(t, e, "not logged in")

	// login asks for what it is not given, checks it, and stores it with 0600.
	o, _, code := run(base+"\n"+tokens["alice"]+"\n", "login")
	require.Equal(t, 0, code, o)
	require.Contains(t, o, "as alice (USER)")
	st, err := os.Stat(filepath.Join(cfg, "hardcandy", "login.json"))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	_, e, code = run("", "login", "--server", base, "--token", "hc_wrong")
	require.Equal(t, 1, code)
	require.Contains(t, e, "error: UNAUTHENTICATED:")

	o, _, code = run("", "avail", "4D.small")
	require.Equal(t, 0, code)
	require.Contains(t, o, "RESERVING")
	require.Regexp(t, `4D\.small\s+14\s+0\s+0`, o)

	// Usage mistakes exit 2: an unknown verb (at the top or in a group), stray arguments, a
	// malformed flag value (checked before anything is sent).
	for _, args := range [][]string{{"bogus"}, {"items", "bogus"}, {"mine", "extra"}, {"vend", "4D.small", "--duration", "7x"},
		{"vend", "4D.small", "--wait=maybe"}, {"extend", "1", "--by", "soon"}, {"mine", "--all", "--limit", "0"}} {
		_, e, code := run("", args...)
		require.Equal(t, 2, code, "%v: %s", args, e)
		require.Equal(t, 1, strings.Count(strings.TrimSpace(e), "\n")+1, "one line: %q", e)
	}

	o, _, code = run("", "vend", "4D.small", "--duration", "3d", "--note", "perf lab")
	require.Equal(t, 0, code)
	require.Regexp(t, `lease \d+ is ACTIVE, ends in 2d 23h`, o)
	require.NotContains(t, o, "ipmi_password", "credentials only with show --credentials")
	id := regexp.MustCompile(`lease (\d+)`).FindStringSubmatch(o)[1]

	o, _, code = run("", "mine")
	require.Equal(t, 0, code)
	require.Contains(t, o, id)
	require.Contains(t, o, "4d-small-01")
	o, _, code = run("", "mine", "--json")
	require.Equal(t, 0, code)
	var mine []map[string]any
	require.NoError(t, json.Unmarshal([]byte(o), &mine))
	require.Equal(t, id, mine[0]["id"])

	o, _, _ = run("", "show", id)
	require.NotContains(t, o, "credentials:")
	o, _, code = run("", "show", id, "--credentials")
	require.Equal(t, 0, code)
	require.Contains(t, o, "ipmi_password")

	o, _, code = run("", "extend", id, "--by", "1d")
	require.Equal(t, 0, code)
	require.Contains(t, o, "now ends in 3d 23h")

	// --json: every verb prints the whole object it acted on, in one shape (README).
	decode := func(o string) map[string]any {
		t.Helper()
		var v map[string]any
		require.NoError(t, json.Unmarshal([]byte(o), &v), o)
		return v
	}
	o, _, code = run("", "vend", "3A.small", "--json")
	require.Equal(t, 0, code, o)
	vended := decode(o)
	id2 := vended["id"].(string)
	require.NotEmpty(t, id2)
	require.Equal(t, "ACTIVE", vended["status"])
	require.Equal(t, "14d", vended["duration"], "no --duration: the product's default, not 7d")
	require.Equal(t, "alice", vended["owner"])
	require.Equal(t, "3A.small", vended["items"].([]any)[0].(map[string]any)["sku"])
	require.Nil(t, vended["items"].([]any)[0].(map[string]any)["credentials"], "credentials only with show --credentials")
	o, _, code = run("", "extend", id2, "--by", "1d", "--json")
	require.Equal(t, 0, code, o)
	require.Equal(t, id2, decode(o)["id"])
	o, _, code = run("", "expand", id2, "3A.small", "--json")
	require.Equal(t, 0, code, o)
	require.Len(t, decode(o)["items"], 2)
	o, _, code = run("", "show", id2, "--credentials", "--json")
	require.Equal(t, 0, code, o)
	for _, it := range decode(o)["items"].([]any) {
		it := it.(map[string]any)
		require.Equal(t, "3A.small", it["sku"])
		require.Contains(t, it["name"], "small")
		require.NotNil(t, it["credentials"], "which item each credential belongs to")
	}
	o, _, code = run("", "return", id2, "--json")
	require.Equal(t, 0, code, o)
	require.Equal(t, "RETURNED", decode(o)["status"])
	require.Equal(t, id2, decode(o)["id"])

	// Error paths: one line with the server's code, exit 1; usage mistakes exit 2.
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"vend", "4D.huge"}, 1, `error: NOT_FOUND: sku: no product "4D.huge"`},
		{[]string{"vend", "2C.small:9"}, 1, "error: OUT_OF_STOCK: 2C.small: 9 requested, 5 available"},
		{[]string{"vend", "3A.small", "--duration", "90d"}, 1, "error: POLICY_VIOLATION: 3A.small: a lease lasts at most 30d"},
		{[]string{"vend", "4D.small:zero"}, 2, "quantity after ':' must be a positive number"},
		{[]string{"extend", id}, 2, "--by is required"},
		{[]string{"show"}, 2, "show takes 1 argument"},
		{[]string{"return", id, "--token", tokens["bob"]}, 1, "error: NOT_FOUND:"}, // not his to see
		{[]string{"mine", "--server", "http://127.0.0.1:1"}, 1, "error: cannot reach the server at http://127.0.0.1:1"},
	} {
		_, e, code := run("", tc.args...)
		require.Equal(t, tc.code, code, "%v: %s", tc.args, e)
		require.Contains(t, e, tc.want, tc.args)
		require.Equal(t, 1, strings.Count(strings.TrimSpace(e), "\n")+1, "one line: %q", e)
	}

	o, _, code = run("", "expand", id, "4E.small")
	require.Equal(t, 0, code)
	require.Contains(t, o, "now holds 2 items")

	o, _, code = run("", "return", id)
	require.Equal(t, 0, code)
	require.Contains(t, o, "is RETURNED")
	o, _, _ = run("", "mine")
	require.NotContains(t, o, id)
	o, _, code = run("", "mine", "--all")
	require.Equal(t, 0, code, o)
	require.Regexp(t, id+`\s+RETURNED`, o, "history")
	o, e, code = run("", "mine", "--all", "--limit", "1", "--json")
	require.Equal(t, 0, code, e)
	var page []map[string]any
	require.NoError(t, json.Unmarshal([]byte(o), &page))
	require.Len(t, page, 1)
	require.Equal(t, id2, page[0]["id"], "newest first")
	cursor := regexp.MustCompile(`--after (\S+)`).FindStringSubmatch(e)
	require.NotNil(t, cursor, "stderr tells how to read on: %s", e)
	o, _, code = run("", "mine", "--all", "--limit", "1", "--after", cursor[1], "--json")
	require.Equal(t, 0, code)
	require.NoError(t, json.Unmarshal([]byte(o), &page))
	require.Equal(t, id, page[0]["id"])

	// Approval: alice's vend waits for manny's decision.
	waiting := exec.Command(bin, "vend", "4D.large", "--duration", "2d", "--wait")
	waiting.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "HOME="+dir)
	var wout, werr bytes.Buffer
	waiting.Stdout, waiting.Stderr = &wout, &werr
	require.NoError(t, waiting.Start())
	var pending string
	require.Eventually(t, func() bool {
		o, _, _ := run("", "mine", "--json")
		var ls []map[string]any
		_ = json.Unmarshal([]byte(o), &ls)
		for _, l := range ls {
			if l["status"] == "PENDING" {
				pending = l["id"].(string)
				return true
			}
		}
		return false
	}, time.Minute, 100*time.Millisecond)
	_, e, code = run("", "approve", pending)
	require.Equal(t, 1, code)
	require.Contains(t, e, "error: FORBIDDEN:", "alice cannot approve her own")
	o, _, code = run("", "approve", pending, "--token", tokens["manny"])
	require.Equal(t, 0, code, o)
	require.NoError(t, waiting.Wait())
	require.Contains(t, werr.String(), "waiting for the decision")
	require.Regexp(t, `lease \d+ is ACTIVE`, wout.String())

	// A rejected vend --wait exits 3 and prints the REJECTED lease; one still undecided when
	// --wait-timeout passes exits 4.
	o, e, code = run("", "vend", "4D.large", "--duration", "2d", "--wait", "--wait-timeout", "1s", "--json")
	require.Equal(t, 4, code, e)
	require.Contains(t, e, "still PENDING")
	undecided := decode(o)["id"].(string)
	_, e, code = run("", "reject", undecided, "--reason", "use 4D.small", "--token", tokens["manny"])
	require.Equal(t, 0, code, e)
	rejecting := exec.Command(bin, "vend", "4D.large", "--duration", "2d", "--wait", "--json")
	rejecting.Env = waiting.Env
	wout.Reset()
	werr.Reset()
	rejecting.Stdout, rejecting.Stderr = &wout, &werr
	require.NoError(t, rejecting.Start())
	require.Eventually(t, func() bool {
		o, _, _ := run("", "mine", "--json")
		var ls []map[string]any
		_ = json.Unmarshal([]byte(o), &ls)
		for _, l := range ls {
			if l["status"] == "PENDING" {
				pending = l["id"].(string)
				return true
			}
		}
		return false
	}, time.Minute, 100*time.Millisecond)
	_, e, code = run("", "reject", pending, "--reason", "use 4D.small", "--token", tokens["manny"])
	require.Equal(t, 0, code, e)
	var ee *exec.ExitError
	require.ErrorAs(t, rejecting.Wait(), &ee)
	require.Equal(t, 3, ee.ExitCode(), werr.String())
	got := decode(wout.String())
	require.Equal(t, "REJECTED", got["status"])
	require.Equal(t, "use 4D.small", got["statusMessage"])
	require.Contains(t, werr.String(), "was REJECTED: use 4D.small")
	o, _, _ = run("", "mine", "--all")
	require.Regexp(t, pending+`\s+REJECTED.*use 4D\.small`, o, "history lists the rejection with its message")
	o, _, _ = run("", "show", pending)
	require.Contains(t, o, "REJECTED")
	require.Contains(t, o, "message: use 4D.small")

	// Bills and usage: managers see their cost center's bill; users their own use.
	o, _, code = run("", "bills", "--token", tokens["manny"])
	require.Equal(t, 0, code, o)
	require.Contains(t, o, "ENG ")
	require.Contains(t, o, "(draft)")
	_, e, code = run("", "bills")
	require.Equal(t, 1, code)
	require.Contains(t, e, "FORBIDDEN")
	o, _, code = run("", "usage", "--from", time.Now().AddDate(0, -6, 0).Format(time.DateOnly), "--to", time.Now().AddDate(0, 6, 0).Format(time.DateOnly), "--by", "user")
	require.Equal(t, 0, code, o)
	require.Contains(t, o, "alice")

	// Admin verbs: import a CSV, maintenance in and out, archive; products add and retire; jobs.
	admin := "--token=" + tokens["admin"]
	csv := filepath.Join(dir, "items.csv")
	require.NoError(t, os.WriteFile(csv, []byte("sku,name,pool,labels\n4D.small,new-01,rack-z,gpu;10g\n4D.small,new-02,rack-z,\n"), 0o600))
	o, _, code = run("", "items", "import", csv, admin)
	require.Equal(t, 0, code, o)
	require.Contains(t, o, "imported 2 items")
	require.NoError(t, os.WriteFile(csv, []byte("sku,name\n4Q.small,bad-01\n4D.small,new-01\n4D.small,fine-01\n"), 0o600))
	_, e, code = run("", "items", "import", csv, admin)
	require.Equal(t, 1, code)
	require.Contains(t, e, "row 2, column sku: no product \"4Q.small\"\n", "every bad row on its own line")
	require.Contains(t, e, "row 3, column name: an item named \"new-01\" already exists\n")
	require.Contains(t, e, "error: INVALID_ARGUMENT: 2 of 3 rows have problems")
	_, e, code = run("", "items", "import", csv, admin, "--dry-run")
	require.Equal(t, 1, code, "a dry run reports the same")
	require.Contains(t, e, "row 2, column sku")

	// items list and export: filters, and CSV that imports again.
	o, _, code = run("", "items", "list", "--sku", "4D.small", "--status", "available", admin, "--json")
	require.Equal(t, 0, code, o)
	var listed []map[string]any
	require.NoError(t, json.Unmarshal([]byte(o), &listed))
	require.NotEmpty(t, listed)
	for _, it := range listed {
		require.Equal(t, "AVAILABLE", it["status"])
		require.Equal(t, "4D.small", it["product"].(map[string]any)["sku"])
	}
	_, _, code = run("", "items", "list", "--status", "broken", admin)
	require.Equal(t, 2, code)
	exported := filepath.Join(dir, "rack-z.csv")
	_, e, code = run("", "items", "export", "--pool", "rack-z", "-o", exported, admin)
	require.Equal(t, 0, code, e)
	data, err := os.ReadFile(exported)
	require.NoError(t, err)
	require.Equal(t, "sku,name,pool,labels\n4D.small,new-01,rack-z,gpu;10g\n4D.small,new-02,rack-z,\n", string(data))
	require.NoError(t, os.WriteFile(exported, []byte(strings.ReplaceAll(string(data), "new-", "copy-")), 0o600))
	o, _, code = run("", "items", "import", exported, admin, "--dry-run")
	require.Equal(t, 0, code, o)
	require.Contains(t, o, "2 rows checked, all fine; nothing written")
	o, _, code = run("", "items", "import", exported, admin, "--json")
	require.Equal(t, 0, code, o)
	var copied []map[string]any
	require.NoError(t, json.Unmarshal([]byte(o), &copied))
	require.Equal(t, "copy-01", copied[0]["name"])
	require.Equal(t, []any{"gpu", "10g"}, copied[0]["labels"])
	require.Equal(t, "rack-z", copied[0]["pool"])

	// A leased item breaks: it goes to MAINTENANCE and the lease gets a replacement.
	o, _, code = run("", "vend", "4D.small", "--json")
	require.Equal(t, 0, code, o)
	faultLease := decode(o)
	broken := faultLease["items"].([]any)[0].(map[string]any)["itemId"].(string)
	_, e, code = run("", "items", "fault", broken, "--reason", "disk failed")
	require.Equal(t, 1, code)
	require.Contains(t, e, "FORBIDDEN")
	o, e, code = run("", "items", "fault", broken, "--reason", "disk failed", admin, "--json")
	require.Equal(t, 0, code, e)
	fault := decode(o)
	require.Equal(t, "MAINTENANCE", fault["item"].(map[string]any)["status"])
	replacement := fault["replacement"].(map[string]any)
	require.Equal(t, "LEASED", replacement["status"])
	o, _, _ = run("", "show", faultLease["id"].(string))
	require.Contains(t, o, replacement["name"].(string))
	_, e, code = run("", "items", "import", csv)
	require.Equal(t, 1, code)
	require.Contains(t, e, "FORBIDDEN")
	o, _, _ = run("", "items", "add", "4D.small", "new-03", "--pool", "rack-z", admin, "--json")
	var added []map[string]any
	require.NoError(t, json.Unmarshal([]byte(o), &added))
	item := added[0]["id"].(string)
	o, _, code = run("", "items", "maintenance", item, "--reason", "fan noise", admin)
	require.Equal(t, 0, code)
	require.Contains(t, o, "MAINTENANCE")
	o, _, code = run("", "items", "release", item, admin)
	require.Equal(t, 0, code)
	require.Contains(t, o, "REBUILDING", "back into service through a wipe")
	require.Eventually(t, func() bool { // the wipe starts at once; then it can be archived
		o, _, code = run("", "items", "archive", item, admin)
		return code == 0
	}, 20*time.Second, 100*time.Millisecond)
	require.Contains(t, o, "ARCHIVED")
	o, _, code = run("", "products", "add", "4D.medium", "--name", "Medium metal", "--price", "90.50", admin)
	require.Equal(t, 0, code, o)
	o, _, _ = run("", "products")
	require.Contains(t, o, "4D.medium")
	require.Contains(t, o, "90.50 USD")
	o, _, code = run("", "products", "retire", "4D.medium", admin)
	require.Equal(t, 0, code, o)
	o, _, _ = run("", "products")
	require.NotContains(t, o, "4D.medium")
	o, _, code = run("", "jobs", admin)
	require.Equal(t, 0, code)
	require.Contains(t, o, "expire-leases")
	o, _, code = run("", "jobs", "run", "reclaim-items", admin)
	require.Equal(t, 0, code, o)
	require.Contains(t, o, "started reclaim-items")
}
