package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/viewer"
)

// WriteRefusal writes a GraphQL error response with its documented code, for refusals made before
// any operation exists (a body too large, a request that is not JSON).
func WriteRefusal(w http.ResponseWriter, status int, err *apperr.Error) { refuse(w, status, err) }

func refuse(w http.ResponseWriter, status int, err *apperr.Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{codedError(err)}})
}

// anonymousBudget bounds what a request without a token may send: AnonymousMaxBody, enough for
// GraphiQL's introspection query, so that parsing and validating it cost next to nothing.
func anonymousBudget(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := viewer.FromContext(r.Context()); ok || isUpgrade(r) {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > AnonymousMaxBody || len(r.URL.RawQuery) > AnonymousMaxBody {
			refuse(w, http.StatusRequestEntityTooLarge, anonymousTooLarge())
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, AnonymousMaxBody)
		}
		next.ServeHTTP(w, r)
	})
}

func anonymousTooLarge() *apperr.Error {
	return apperr.New(apperr.Unauthenticated, "without a token a request may be at most %d bytes (the schema's introspection): send a token", AnonymousMaxBody)
}

func isUpgrade(r *http.Request) bool { return r.Header.Get("Upgrade") != "" }

// jsonPOST is gqlgen's POST transport for every POST: one that is not JSON is refused with a
// code (415) instead of "transport not supported", and a body over its limit, however sent
// (with a length or chunked), answers 413.
type jsonPOST struct{ transport.POST }

var _ graphql.Transport = jsonPOST{}

// Supports takes every POST that is not a websocket upgrade.
func (jsonPOST) Supports(r *http.Request) bool { return r.Method == http.MethodPost && !isUpgrade(r) }

// Do refuses what is not JSON or too large, then runs gqlgen's POST on the body read.
func (t jsonPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		refuse(w, http.StatusUnsupportedMediaType, apperr.New(apperr.InvalidArgument,
			"send the request as JSON, with Content-Type: application/json (got %q)", r.Header.Get("Content-Type")))
		return
	}
	body, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		if _, ok := viewer.FromContext(r.Context()); !ok {
			refuse(w, http.StatusRequestEntityTooLarge, anonymousTooLarge())
			return
		}
		refuse(w, http.StatusRequestEntityTooLarge, apperr.New(apperr.InvalidArgument, "request body larger than %d bytes", tooLarge.Limit))
		return
	case err != nil:
		refuse(w, http.StatusBadRequest, apperr.New(apperr.InvalidArgument, "the request body could not be read"))
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	t.POST.Do(w, r, exec)
}

// codedRefusals gives every refusal gqlgen writes itself (a mutation over GET, a body that is no
// JSON, a method no transport takes) its documented code: such responses carry errors without
// extensions.code. Answers below 400 pass straight through.
func codedRefusals(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isUpgrade(r) {
			next.ServeHTTP(w, r)
			return
		}
		cw := &codingWriter{ResponseWriter: w}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

// codingWriter holds back the body of an error answer to add codes to it.
type codingWriter struct {
	http.ResponseWriter
	status int
	held   *bytes.Buffer
}

func (w *codingWriter) WriteHeader(status int) {
	if w.status != 0 {
		return
	}
	w.status = status
	if status >= 400 {
		w.held = &bytes.Buffer{}
		return
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *codingWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.held != nil {
		return w.held.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *codingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *codingWriter) finish() {
	if w.held == nil {
		return
	}
	body := w.held.Bytes()
	var resp struct {
		Errors []map[string]any `json:"errors"`
		Data   json.RawMessage  `json:"data,omitempty"`
	}
	if err := json.Unmarshal(body, &resp); err != nil || len(resp.Errors) == 0 {
		resp.Errors = []map[string]any{{"message": strings.TrimSpace(http.StatusText(w.status))}}
	}
	code := apperr.InvalidArgument
	if w.status == http.StatusUnauthorized {
		code = apperr.Unauthenticated
	} else if w.status >= 500 {
		code = apperr.Internal
	}
	for _, e := range resp.Errors {
		ext, _ := e["extensions"].(map[string]any)
		if ext == nil {
			ext = map[string]any{}
			e["extensions"] = ext
		}
		if _, ok := ext["code"]; !ok {
			ext["code"] = string(code)
		}
	}
	out, err := json.Marshal(resp)
	if err != nil {
		out = body
	}
	h := w.ResponseWriter.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", fmt.Sprint(len(out)))
	w.ResponseWriter.WriteHeader(w.status)
	_, _ = w.ResponseWriter.Write(out)
}
