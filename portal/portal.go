// Package portal serves the web portal: the single-page application built from portal/src by
// `make portal` (Vite) and embedded here, so the binary needs neither Node nor the internet.
package portal

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed all:dist
var dist embed.FS

// Operations is every GraphQL operation the portal sends, generated from its Relay artifacts by
// `make portal` (scripts/operations.mjs): the server makes their names metric labels.
//
//go:embed operations.graphql
var Operations string

// file is one embedded file with what its responses need.
type file struct {
	data        []byte
	contentType string
	etag        string
}

// load reads a build by its path inside root ("index.html", "assets/index-3f2a.js").
func load(fsys fs.FS, root string) map[string]file {
	out := map[string]file{}
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out[strings.TrimPrefix(p, root+"/")] = file{data: data, contentType: contentType(p), etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
		return nil
	})
	if err != nil {
		panic("portal: reading the embedded build: " + err.Error())
	}
	if _, ok := out["index.html"]; !ok && root == "dist" {
		panic("portal: the embedded build has no index.html; run make portal")
	}
	return out
}

// contentType is fixed for the types a build holds, so it does not depend on the host's MIME tables.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".json", ".map":
		return "application/json"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Handler serves the portal. Files under /assets/ carry a content hash in their names and are
// cached for a year; a missing one is 404 (never the page, which a browser would run as a
// script). Any other path is a route of the single-page application and gets index.html, so a
// bookmarked /metal or /leases/42 opens where it was. Only GET and HEAD are allowed.
func Handler() http.Handler { return handler(load(dist, "dist")) }

func handler(files map[string]file) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		f, ok := files[name]
		h := w.Header()
		switch {
		case ok && strings.HasPrefix(name, "assets/"):
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		case strings.HasPrefix(name, "assets/"):
			http.NotFound(w, r)
			return
		case ok && name != "index.html":
			h.Set("Cache-Control", "no-cache")
		default:
			name, f = "index.html", files["index.html"]
			h.Set("Cache-Control", "no-cache")
		}
		h.Set("Content-Type", f.contentType)
		h.Set("ETag", f.etag)
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
	})
}
