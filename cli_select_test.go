package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCLISelection drives narrowed vends, any product that fits, dry runs and narrowed
// availability through the binary and a real server, and the dry run through GraphQL's
// vend(input: {dryRun: true}).
func TestCLISelection(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a server")
	}
	t.Parallel()
	dir := t.TempDir()
	bin, _, base, tokens := startBinary(t, dir)
	cfg := filepath.Join(dir, "config")
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+cfg, "HOME="+dir, "HARDCANDY_SERVER=", "HARDCANDY_TOKEN=")
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
	_, e, code := run("login", "--server", base, "--token", tokens["alice"])
	require.Equal(t, 0, code, e)

	// In the demo, 4D.small-11..14 are in pool lab1, the even ones with gpu.
	o, e, code := run("avail", "4D.small", "--pool", "lab1", "--label", "gpu")
	require.Equal(t, 0, code, e)
	require.Regexp(t, `4D\.small\s+2\s+0\s+0`, o)

	o, e, code = run("vend", "4D.small", "--pool", "lab1", "--label", "gpu", "--not-label", "broken", "--dry-run", "--duration", "2d")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "dry run: nothing was vended")
	require.Regexp(t, `4D\.small\s+1\s+2\s+14\s+120\.00 USD\s+pool=lab1 \+gpu -broken`, o)
	require.Contains(t, o, "vendable now")
	o, _, code = run("mine", "--json")
	require.Equal(t, 0, code)
	require.JSONEq(t, `[]`, o, "a dry run vends nothing")

	o, e, code = run("vend", "4D.small", "--pool", "lab1", "--label", "gpu", "--json")
	require.Equal(t, 0, code, e)
	var l struct {
		Status    string `json:"status"`
		Requested []struct {
			SKU string `json:"sku"`
		} `json:"requested"`
		Items []struct {
			Name string `json:"name"`
		} `json:"items"`
	}
	require.NoError(t, json.Unmarshal([]byte(o), &l), o)
	require.Equal(t, "ACTIVE", l.Status)
	require.Contains(t, o, `"pool": "lab1"`, "the lease keeps its constraints")
	require.Len(t, l.Items, 1)
	require.Contains(t, []string{"4d-small-12", "4d-small-14"}, l.Items[0].Name)

	// Any product that fits: the cheapest tier-4 type-D product with the attributes.
	o, e, code = run("vend", "--any", "4D", "--min", "ram_gb=256", "--min", "storage_gb=1000", "--dry-run", "--json")
	require.Equal(t, 0, code, e)
	var pv struct {
		Vendable bool `json:"vendable"`
		Lines    []struct {
			SKU    string `json:"sku"`
			Picked bool   `json:"picked"`
		} `json:"lines"`
		Totals []struct {
			Amount   int    `json:"amount"`
			Currency string `json:"currency"`
		} `json:"totals"`
	}
	require.NoError(t, json.Unmarshal([]byte(o), &pv), o)
	require.True(t, pv.Vendable)
	require.Equal(t, "4D.small", pv.Lines[0].SKU)
	require.True(t, pv.Lines[0].Picked)
	require.Equal(t, 7*6000, pv.Totals[0].Amount, "the default duration, 7d")
	o, e, code = run("vend", "--any", "4D", "--min", "ram_gb=256")
	require.Equal(t, 0, code, e)
	require.Contains(t, o, "ACTIVE")
	require.Contains(t, o, "picked 4D.small: the cheapest product that fits")

	// Refusals name what is wrong.
	_, e, code = run("vend", "--any", "4D", "--min", "gpus=2")
	require.Equal(t, 1, code)
	require.Contains(t, e, `unknown attribute "gpus"`)
	_, e, code = run("vend", "4D.small", "--pool", "lab9")
	require.Equal(t, 1, code)
	require.Contains(t, e, "OUT_OF_STOCK")
	require.Contains(t, e, "4D.small with pool lab9: 1 requested, 0 match")
	for _, args := range [][]string{{"vend", "--min", "ram_gb=1", "4D.small"}, {"vend", "--any", "D"}, {"vend"}, {"vend", "--any", "4D", "--min", "ram_gb"}} {
		_, e, code := run(args...)
		require.Equal(t, 2, code, "%v: %s", args, e)
	}

	// GraphQL: vend(input: {dryRun: true}) answers an unsaved lease with its preview.
	body, _ := json.Marshal(map[string]any{"query": `mutation { vend(input: {sku: "4D.small", labels: ["nic=25g"], dryRun: true}) {
		id status requested { sku labels } preview { vendable totals { amount currency } lines { sku matching available } } } }`})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+tokens["alice"])
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	got, _ := json.Marshal(out)
	require.Nil(t, out["errors"], string(got))
	require.True(t, strings.Contains(string(got), `"status":"PENDING"`), string(got))
	require.Contains(t, string(got), `"requested":[{"labels":["nic=25g"],"sku":"4D.small"}]`)
	require.Contains(t, string(got), `"vendable":true`)
	require.Contains(t, string(got), `"lines":[{"available":12,"matching":6,"sku":"4D.small"}]`)
}
