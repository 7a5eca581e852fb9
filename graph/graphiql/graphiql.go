// Package graphiql serves the GraphiQL IDE entirely from the binary.
//
// The JavaScript and CSS it needs (GraphiQL's UMD build plus React and
// ReactDOM) are embedded from the assets directory, so the IDE works without
// any CDN or internet access. assets/VERSIONS lists the exact npm package
// versions and assets/LICENSES.txt their licenses. The page has no inline script or style
// (init.js starts the IDE from settings the page carries as JSON), so it runs under a
// Content-Security-Policy that allows only the server's own origin.
package graphiql

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"time"
)

// assetPrefix is the URL path, relative to where Handler is mounted, under
// which the embedded assets are served.
const assetPrefix = "graphiql/assets/"

// placeholderHeaders prefills the headers editor when the browser has no
// stored headers yet, so users only have to paste the token the server prints.
var placeholderHeaders = map[string]string{"Authorization": "Bearer PASTE-YOUR-TOKEN"}

//go:embed assets
var assetFS embed.FS

type asset struct {
	data        []byte
	contentType string
	etag        string
	version     string // short content hash, used as a cache-busting query
}

// assets holds every embedded file by its base name.
var assets = mustLoadAssets()

func mustLoadAssets() map[string]asset {
	out := map[string]asset{}
	err := fs.WalkDir(assetFS, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := assetFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		version := hex.EncodeToString(sum[:8])
		out[path.Base(p)] = asset{
			data:        data,
			contentType: contentType(p),
			etag:        `"` + hex.EncodeToString(sum[:16]) + `"`,
			version:     version,
		}
		return nil
	})
	if err != nil {
		panic(fmt.Sprintf("graphiql: reading embedded assets: %v", err))
	}
	return out
}

// contentType is fixed per extension so it does not depend on the host's MIME
// tables.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	default: // VERSIONS, LICENSES.txt
		return "text/plain; charset=utf-8"
	}
}

// assetURL is the page-relative URL of an embedded asset, versioned by its
// content so it can be cached forever.
func assetURL(name string) string {
	a, ok := assets[name]
	if !ok {
		panic("graphiql: missing embedded asset " + name)
	}
	return assetPrefix + name + "?v=" + a.version
}

var pageTemplate = template.Must(template.New("graphiql").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{range .Styles}}<link rel="stylesheet" href="{{.}}">
{{end}}</head>
<body>
<div id="graphiql"><noscript>GraphiQL needs JavaScript.</noscript></div>
<script id="graphiql-config" type="application/json">{{.Config}}</script>
{{range .Scripts}}<script src="{{.}}"></script>
{{end}}</body>
</html>
`))

type pageData struct {
	Title   string
	Config  pageConfig
	Styles  []string
	Scripts []string
}

// pageConfig reaches init.js as JSON in the page (html/template escapes it for a script element).
type pageConfig struct {
	Endpoint       string `json:"endpoint"`
	DefaultHeaders string `json:"defaultHeaders"`
}

func renderPage(title, endpoint string) []byte {
	headers, err := json.MarshalIndent(placeholderHeaders, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("graphiql: encoding default headers: %v", err))
	}
	data := pageData{
		Title:  title,
		Config: pageConfig{Endpoint: endpoint, DefaultHeaders: string(headers)},
		Styles: []string{assetURL("graphiql.min.css"), assetURL("page.css")},
		// Order matters: GraphiQL's UMD build reads the React and ReactDOM
		// globals when it loads.
		Scripts: []string{
			assetURL("react.production.min.js"),
			assetURL("react-dom.production.min.js"),
			assetURL("graphiql.min.js"),
			assetURL("init.js"),
		},
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, data); err != nil {
		panic(fmt.Sprintf("graphiql: rendering page: %v", err))
	}
	return buf.Bytes()
}

// Handler serves the GraphiQL IDE with the given page title, querying the
// GraphQL endpoint at endpoint (normally a path such as "/graphql";
// subscriptions use ws:// or wss:// to the same host and path).
//
// Mounted at "/", it answers GET (and HEAD) "/" with the IDE page and
// "/graphiql/assets/<file>" with the embedded assets; every other path is 404
// and other methods are 405. The page refers to its assets by relative URLs,
// so it also works behind http.StripPrefix at a sub-path ending in "/".
func Handler(title, endpoint string) http.Handler {
	page := renderPage(title, endpoint)
	sum := sha256.Sum256(page)
	pageETag := `"` + hex.EncodeToString(sum[:16]) + `"`

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", pageETag)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(page))
	})
	mux.HandleFunc("GET /"+assetPrefix+"{file}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := assets[r.PathValue("file")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.contentType)
		// URLs in the page carry a content hash, so a year is safe.
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
		h.Set("ETag", a.etag)
		h.Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, r.PathValue("file"), time.Time{}, bytes.NewReader(a.data))
	})
	return mux
}
