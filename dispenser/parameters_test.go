package dispenser_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
)

// itemWithParameters is an item vended with parameters of every JSON shape.
func itemWithParameters() dispenser.Item {
	it := itemOfType("D")
	it.Parameters = map[string]any{"image": "ubuntu-24.04", "size_gb": int64(250), "wipe": true, "root_password": "s3cret"}
	return it
}

// requestParameters decodes a sent Request and returns its item's parameters.
func requestParameters(t *testing.T, raw []byte) map[string]any {
	t.Helper()
	var req struct {
		Item struct {
			Parameters map[string]any `json:"parameters"`
		} `json:"item"`
	}
	require.NoError(t, json.Unmarshal(raw, &req))
	return req.Item.Parameters
}

var wantParameters = map[string]any{"image": "ubuntu-24.04", "size_gb": float64(250), "wipe": true, "root_password": "s3cret"}

func TestHTTPSendsParameters(t *testing.T) {
	t.Parallel()
	b := newBackend(t, func(w http.ResponseWriter, _ *http.Request, _ int, _ []byte) { reply(w, 200, okCredentials) })
	_, err := newDispenser(t, httpConfig(b.URL)).Vend(t.Context(), testLease, itemWithParameters())
	require.NoError(t, err)
	body, _ := b.last()
	require.Equal(t, wantParameters, requestParameters(t, body))
}

func TestExecSendsParameters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := execConfig(script(t, `
cat > "$OUT/request.json"
echo '{"status":"ok","credentials":{"ok":"yes"}}'
`))
	cfg.Env = map[string]string{"OUT": dir}
	_, err := newDispenser(t, cfg).Vend(t.Context(), testLease, itemWithParameters())
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join(dir, "request.json"))
	require.NoError(t, err)
	require.Equal(t, wantParameters, requestParameters(t, raw))
}

func TestSimulatorShowsParametersApplied(t *testing.T) {
	t.Parallel()
	creds, err := newDispenser(t, dispenser.Config{Driver: "simulator"}).Vend(t.Context(), testLease, itemWithParameters())
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(creds, &m))
	require.Equal(t, "ubuntu-24.04", m["image"])
	require.Equal(t, []any{"image", "root_password", "size_gb", "wipe"}, m["parameters_applied"])
	require.NotContains(t, string(creds), "s3cret", "the simulator never echoes a value that may be a secret")

	// Without parameters the credentials keep their shape.
	creds, err = newDispenser(t, dispenser.Config{Driver: "simulator"}).Vend(t.Context(), testLease, itemOfType("D"))
	require.NoError(t, err)
	require.NotContains(t, string(creds), "parameters_applied")
}
