package portal

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
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
