package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type queuedLease struct {
	ID            string     `json:"id"`
	Status        string     `json:"status"`
	StatusMessage *string    `json:"statusMessage"`
	QueuePosition *int       `json:"queuePosition"`
	QueuedUntil   *time.Time `json:"queuedUntil"`
}

const queueFields = `id status statusMessage queuePosition queuedUntil`

func decodeLease(t *testing.T, r gqlResult, field string) queuedLease {
	t.Helper()
	require.Empty(t, r.Errors, "%s", field)
	var l queuedLease
	require.NoError(t, json.Unmarshal(r.Data[field], &l))
	return l
}

// TestWaitingListOverGraphQL: vend with wait queues when nothing is free, with a position and an
// end to the wait; returnLease withdraws; a return, once the item is wiped (the reclaim job the
// server runs, whose success kicks the waiting list), serves the next in line.
func TestWaitingListOverGraphQL(t *testing.T) {
	t.Parallel()
	ls := startLeasing(t, 0)
	vend := `mutation($in: VendInput!) { vend(input: $in) { ` + queueFields + ` } }`
	ret := `mutation($id: ID!) { returnLease(id: $id) { ` + queueFields + ` } }`
	get := `query($id: ID!) { lease(id: $id) { ` + queueFields + ` } }`

	all := decodeLease(t, ls.gql(t, "admin", vend, map[string]any{"in": map[string]any{"lines": []any{map[string]any{"sku": "3A.small", "quantity": 5}}}}), "vend")
	require.Equal(t, "ACTIVE", all.Status)
	r := ls.gql(t, "alice", vend, map[string]any{"in": map[string]any{"sku": "3A.small"}})
	require.Equal(t, "OUT_OF_STOCK", r.code())
	r = ls.gql(t, "alice", vend, map[string]any{"in": map[string]any{"sku": "3A.small", "maxWait": "1d"}})
	require.Equal(t, "INVALID_ARGUMENT", r.code())

	first := decodeLease(t, ls.gql(t, "alice", vend, map[string]any{"in": map[string]any{"sku": "3A.small", "wait": true, "maxWait": "2d"}}), "vend")
	require.Equal(t, "QUEUED", first.Status)
	require.Equal(t, 1, *first.QueuePosition)
	require.NotNil(t, first.QueuedUntil)
	require.WithinDuration(t, time.Now().Add(48*time.Hour), *first.QueuedUntil, time.Hour)
	second := decodeLease(t, ls.gql(t, "bob", vend, map[string]any{"in": map[string]any{"sku": "3A.small", "wait": true}}), "vend")
	require.Equal(t, 2, *second.QueuePosition)
	third := decodeLease(t, ls.gql(t, "manny", vend, map[string]any{"in": map[string]any{"sku": "3A.small", "wait": true}}), "vend")
	require.Equal(t, 3, *third.QueuePosition)

	// My metal lists the queued lease with its place.
	r = ls.gql(t, "bob", `{ viewer { leases(first: 10, where: {statusIn: [QUEUED]}) { edges { node { id queuePosition } } } } }`, nil)
	require.Empty(t, r.Errors)
	require.Contains(t, string(r.Data["viewer"]), `"queuePosition":2`)

	// Bob withdraws: REJECTED, nothing charged, manny moves up.
	w := decodeLease(t, ls.gql(t, "bob", ret, map[string]any{"id": second.ID}), "returnLease")
	require.Equal(t, "REJECTED", w.Status)
	require.Nil(t, w.QueuePosition)
	require.Contains(t, *w.StatusMessage, "withdrawn")
	require.Equal(t, 2, *decodeLease(t, ls.gql(t, "manny", get, map[string]any{"id": third.ID}), "lease").QueuePosition)
	ls.invariants(t)

	// The admin returns the five: wiped, they serve alice, then manny, in that order.
	require.Equal(t, "RETURNED", decodeLease(t, ls.gql(t, "admin", ret, map[string]any{"id": all.ID}), "returnLease").Status)
	require.Eventually(t, func() bool {
		return decodeLease(t, ls.gql(t, "manny", get, map[string]any{"id": third.ID}), "lease").Status == "ACTIVE"
	}, 2*time.Minute, 100*time.Millisecond)
	served := decodeLease(t, ls.gql(t, "alice", get, map[string]any{"id": first.ID}), "lease")
	require.Equal(t, "ACTIVE", served.Status)
	require.Nil(t, served.QueuePosition)
	ls.invariants(t)
}

// TestWaitingListCLI: `vend --wait [--max-wait]` queues, `mine` shows the place, `return`
// withdraws, with --json too.
func TestWaitingListCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a server")
	}
	t.Parallel()
	dir := t.TempDir()
	bin, _, base, tokens := startBinary(t, dir)
	run := func(who string, args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir+"/"+who, "HOME="+dir, "HARDCANDY_SERVER="+base, "HARDCANDY_TOKEN="+tokens[who])
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
	o, e, code := run("admin", "vend", "3A.small:5")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "ACTIVE")

	_, e, code = run("alice", "vend", "3A.small", "--max-wait", "2d")
	require.Equal(t, 2, code, "--max-wait needs --wait: %s", e)
	o, e, code = run("alice", "vend", "3A.small", "--wait", "--max-wait", "2d")
	require.Equal(t, 0, code, e)
	require.Regexp(t, `lease \d+ is QUEUED: nothing is free now; #1 in the queue, lapses in 1d 23h`, o)
	id := regexp.MustCompile(`lease (\d+)`).FindStringSubmatch(o)[1]
	o, e, code = run("alice", "vend", "3A.small", "--wait", "--json")
	require.Equal(t, 0, code, e)
	var second map[string]any
	require.NoError(t, json.Unmarshal([]byte(o), &second), o)
	require.Equal(t, "QUEUED", second["status"])
	require.EqualValues(t, 2, second["queuePosition"])
	require.NotEmpty(t, second["queuedUntil"])

	o, _, code = run("alice", "mine")
	require.Equal(t, 0, code)
	require.Regexp(t, id+`\s+QUEUED\s+\(1×3A\.small\)\s+#1 in the queue, lapses in`, o)
	o, _, code = run("alice", "mine", "--json")
	require.Equal(t, 0, code)
	var mine []map[string]any
	require.NoError(t, json.Unmarshal([]byte(o), &mine))
	require.Len(t, mine, 2)

	o, _, code = run("alice", "return", second["id"].(string))
	require.Equal(t, 0, code, o)
	require.Contains(t, o, "withdrawn from the waiting list")
	o, _, _ = run("alice", "mine")
	require.Equal(t, 1, strings.Count(o, "QUEUED"), o)
}
