package graphiql

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func get(t *testing.T, h http.Handler, method, target string, hdr http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, vs := range hdr {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	return string(b)
}

var assetRefRE = regexp.MustCompile(`(?:src|href)="([^"]+)"`)

// pageAssets returns the asset URLs the page refers to, as request targets
// for a handler mounted at "/".
func pageAssets(t *testing.T, page string) []string {
	t.Helper()
	var refs []string
	for _, m := range assetRefRE.FindAllStringSubmatch(page, -1) {
		ref := m[1]
		require.True(t, strings.HasPrefix(ref, assetPrefix), "asset %q is not under %s", ref, assetPrefix)
		refs = append(refs, "/"+ref)
	}
	return refs
}

func TestPage(t *testing.T) {
	t.Parallel()
	h := Handler("Hardcandy", "/graphql")

	res := get(t, h, http.MethodGet, "/", nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	require.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
	page := body(t, res)

	require.Contains(t, page, "<title>Hardcandy</title>")
	require.Contains(t, page, `"endpoint":"/graphql"`)
	require.Contains(t, page, `Bearer PASTE-YOUR-TOKEN`)
	// No inline script or style: the page runs under a policy that allows only this origin's files.
	require.Equal(t, 1, strings.Count(page, "<script>")+strings.Count(page, `<script id="graphiql-config" type="application/json">`))
	require.NotContains(t, page, "<style")
	init := string(assets["init.js"].data)
	for _, want := range []string{"GraphiQL.createFetcher(", "subscriptionUrl: wsURL.href", "isHeadersEditorEnabled: true", "shouldPersistHeaders: true"} {
		require.Contains(t, init, want)
	}

	lower := strings.ToLower(page)
	for _, bad := range []string{"http://", "https://", "//cdn", "cdn.", "unpkg", "jsdelivr", "cdnjs", "esm.sh"} {
		require.NotContains(t, lower, bad)
	}

	refs := pageAssets(t, page)
	require.Len(t, refs, 6, "react, react-dom, graphiql js and css, the page's own js and css")
	joined := strings.Join(refs, " ")
	for _, name := range []string{"react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "graphiql.min.css", "init.js", "page.css"} {
		require.Contains(t, joined, "/graphiql/assets/"+name+"?v=")
	}
	// React must load before ReactDOM, and both before GraphiQL.
	require.Less(t, strings.Index(page, "react.production"), strings.Index(page, "react-dom.production"))
	require.Less(t, strings.Index(page, "react-dom.production"), strings.Index(page, "graphiql.min.js"))
	require.Less(t, strings.Index(page, "graphiql.min.js"), strings.Index(page, "init.js"))
}

func TestPageETag(t *testing.T) {
	t.Parallel()
	h := Handler("Hardcandy", "/graphql")
	res := get(t, h, http.MethodGet, "/", nil)
	etag := res.Header.Get("ETag")
	require.NotEmpty(t, etag)

	res = get(t, h, http.MethodGet, "/", http.Header{"If-None-Match": {etag}})
	require.Equal(t, http.StatusNotModified, res.StatusCode)
}

func TestPageEscapesTitleAndEndpoint(t *testing.T) {
	t.Parallel()
	title := `</title><script>alert(1)</script>`
	endpoint := `/graphql"; alert(2); "</script><script>alert(3)</script>`
	page := body(t, get(t, Handler(title, endpoint), http.MethodGet, "/", nil))

	require.NotContains(t, page, "<script>alert")
	require.Contains(t, page, "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>")
	// The endpoint reaches the page as one JSON string: its quotes are
	// backslash-escaped and "</script>" cannot close the element.
	require.Contains(t, page,
		`"endpoint":"/graphql\"; alert(2); \"\u003c/script\u003e\u003cscript\u003ealert(3)\u003c/script\u003e"`)
	require.Equal(t, 1, strings.Count(page, "<title>"))
	require.Equal(t, 5, strings.Count(page, "</script>"))
}

func TestAssetsReferencedByPageAreServed(t *testing.T) {
	t.Parallel()
	h := Handler("Hardcandy", "/graphql")
	page := body(t, get(t, h, http.MethodGet, "/", nil))

	wantType := map[string]string{
		".js":  "text/javascript; charset=utf-8",
		".css": "text/css; charset=utf-8",
	}
	for _, ref := range pageAssets(t, page) {
		file := strings.TrimPrefix(strings.SplitN(ref, "?", 2)[0], "/"+assetPrefix)
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			res := get(t, h, http.MethodGet, ref, nil)
			require.Equal(t, http.StatusOK, res.StatusCode)
			ext := file[strings.LastIndex(file, "."):]
			require.Equal(t, wantType[ext], res.Header.Get("Content-Type"))
			require.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
			require.Contains(t, res.Header.Get("Cache-Control"), "max-age=31536000")
			b := body(t, res)
			require.Equal(t, string(assets[file].data), b)
			require.Greater(t, len(b), 50)

			etag := res.Header.Get("ETag")
			require.NotEmpty(t, etag)
			res = get(t, h, http.MethodGet, ref, http.Header{"If-None-Match": {etag}})
			require.Equal(t, http.StatusNotModified, res.StatusCode)
		})
	}
}

func TestEmbeddedAssets(t *testing.T) {
	t.Parallel()
	for _, name := range []string{
		"graphiql.min.js", "graphiql.min.css",
		"react.production.min.js", "react-dom.production.min.js",
		"VERSIONS", "LICENSES.txt",
	} {
		require.Contains(t, assets, name)
	}
	// The bundles define the globals the page uses.
	require.Contains(t, string(assets["graphiql.min.js"].data), ".GraphiQL=")
	require.Contains(t, string(assets["react.production.min.js"].data), ".React=")
	require.Contains(t, string(assets["react-dom.production.min.js"].data), ".ReactDOM=")

	h := Handler("Hardcandy", "/graphql")
	res := get(t, h, http.MethodGet, "/graphiql/assets/VERSIONS", nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "text/plain; charset=utf-8", res.Header.Get("Content-Type"))
	require.Contains(t, body(t, res), "graphiql@3.")
}

func TestNotFoundAndMethods(t *testing.T) {
	t.Parallel()
	h := Handler("Hardcandy", "/graphql")
	for _, target := range []string{
		"/nope",
		"/index.html",
		"/graphiql",
		"/graphiql/assets/",
		"/graphiql/assets/missing.js",
		"/graphiql/assets/sub/graphiql.min.js",
		"/assets/graphiql.min.js",
	} {
		res := get(t, h, http.MethodGet, target, nil)
		require.Equal(t, http.StatusNotFound, res.StatusCode, target)
	}

	res := get(t, h, http.MethodHead, "/", nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Empty(t, body(t, res))

	res = get(t, h, http.MethodPost, "/", nil)
	require.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
}

func TestMountedUnderPrefix(t *testing.T) {
	t.Parallel()
	h := http.StripPrefix("/ide", Handler("Hardcandy", "/graphql"))
	page := body(t, get(t, h, http.MethodGet, "/ide/", nil))
	for _, ref := range pageAssets(t, page) {
		res := get(t, h, http.MethodGet, "/ide"+ref, nil)
		require.Equal(t, http.StatusOK, res.StatusCode, ref)
	}
}
