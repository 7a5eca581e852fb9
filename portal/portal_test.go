package portal

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/graph"
)

func TestHandler(t *testing.T) {
	t.Parallel()
	h := handler(load(fstest.MapFS{
		"dist/index.html":          {Data: []byte(`<!doctype html><div id="root"></div>`)},
		"dist/assets/index-ab1.js": {Data: []byte(`console.log(1)`)},
		"dist/favicon.svg":         {Data: []byte(`<svg/>`)},
	}, "dist"))
	for _, tc := range []struct {
		method, path string
		code         int
		body, ctype  string
		cache        string
	}{
		{"GET", "/", 200, `<div id="root">`, "text/html; charset=utf-8", "no-cache"},
		{"GET", "/metal", 200, `<div id="root">`, "text/html; charset=utf-8", "no-cache"},
		{"GET", "/leases/42", 200, `<div id="root">`, "text/html; charset=utf-8", "no-cache"},
		{"GET", "/assets/index-ab1.js", 200, `console.log(1)`, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
		{"GET", "/favicon.svg", 200, `<svg/>`, "image/svg+xml", "no-cache"},
		{"GET", "/assets/gone-123.js", 404, "not found", "text/plain; charset=utf-8", ""},
		{"GET", "/assets/../index.html", 200, `<div id="root">`, "text/html; charset=utf-8", "no-cache"},
		{"POST", "/", 405, "method not allowed", "text/plain; charset=utf-8", ""},
	} {
		t.Run(tc.method+tc.path, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			res := rec.Result()
			b, _ := io.ReadAll(res.Body)
			require.Equal(t, tc.code, res.StatusCode)
			require.Contains(t, string(b), tc.body)
			require.Equal(t, tc.ctype, res.Header.Get("Content-Type"))
			require.Equal(t, tc.cache, res.Header.Get("Cache-Control"))
		})
	}
}

func TestEmbeddedBuild(t *testing.T) {
	t.Parallel()
	files := load(dist, "dist")
	require.Contains(t, files, "index.html")
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Contains(t, rec.Body.String(), `<div id="root">`)
}

// TestOperationsMatchRelayArtifacts: the embedded operation list names exactly the operations
// relay-compiler generated (every query, mutation and subscription the portal can send), so each
// is a metric label; a portal change that skipped `make portal` fails here.
func TestOperationsMatchRelayArtifacts(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("src", "__generated__")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	kind := regexp.MustCompile(`"name": "([A-Za-z0-9_]+)",\s*"operationKind": "(?:query|mutation|subscription)"`)
	var want []string
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		if m := kind.FindSubmatch(src); m != nil {
			want = append(want, string(m[1]))
		}
	}
	require.NotEmpty(t, want)
	require.Contains(t, want, "CatalogQuery")
	got, err := graph.OperationNames(Operations)
	require.NoError(t, err)
	require.ElementsMatch(t, want, got)
}
