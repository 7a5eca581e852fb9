package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/graph"
)

// introspectionFlood is the anonymous request of the trust review: 1,000 aliases of a deep
// __schema selection, 86 KB.
func introspectionFlood() []byte {
	var q strings.Builder
	q.WriteString("{")
	for i := range 1000 {
		fmt.Fprintf(&q, " introspection_alias_%07d: __schema { types { fields { args { type { name } } } } }", i)
	}
	q.WriteString(" }")
	body, _ := json.Marshal(map[string]any{"query": q.String()})
	return body
}

// post sends a raw body to the handler in-process, with a token when as is not empty.
func (b *bundle) post(as string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if as != "" {
		req.Header.Set("Authorization", "Bearer "+b.tokens[as])
	}
	rec := httptest.NewRecorder()
	b.srv.Config.Handler.ServeHTTP(rec, req)
	return rec
}

func decode(t testing.TB, rec *httptest.ResponseRecorder) response {
	t.Helper()
	var out response
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out), rec.Body.String())
	return out
}

// BenchmarkAnonymousIntrospectionFlood: the 86 KB anonymous request is refused; ns/op and B/op
// are what refusing it costs (make bench).
func BenchmarkAnonymousIntrospectionFlood(b *testing.B) {
	bd := setup(b)
	body := introspectionFlood()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := bd.post("", body)
		if rec.Code == http.StatusOK && !bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("the flood was answered: %d bytes", rec.Body.Len())
		}
	}
}

// BenchmarkSignedInIntrospectionFlood: the same request with a user's token is parsed and
// validated, then refused for its 1,000 __schema fields.
func BenchmarkSignedInIntrospectionFlood(b *testing.B) {
	bd := setup(b)
	body := introspectionFlood()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := bd.post("alice", body)
		if !bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("the flood was answered: %d bytes", rec.Body.Len())
		}
	}
}

// TestAnonymousIntrospectionFloodIsRefused: without a token no request costs more than a small
// fixed budget: the 1,000-alias __schema request is refused, and the server's memory is the same
// after it as before. Not parallel: the heap is measured, and other tests would grow it.
func TestAnonymousIntrospectionFloodIsRefused(t *testing.T) {
	b := setup(t)
	body := introspectionFlood()
	require.Greater(t, len(body), 85_000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rec := b.post("", body)
	runtime.GC()
	runtime.ReadMemStats(&after)
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, rec.Body.String())
	require.Equal(t, "UNAUTHENTICATED", decode(t, rec).code())
	require.Less(t, int64(after.HeapAlloc)-int64(before.HeapAlloc), int64(8<<20), "the heap did not grow")

	// Sent chunked, without a length: the same refusal once 8 KB are read.
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	rec = httptest.NewRecorder()
	b.srv.Config.Handler.ServeHTTP(rec, req)
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, rec.Body.String())
	require.Equal(t, "UNAUTHENTICATED", decode(t, rec).code())

	// With a token it is parsed, then refused for its 1,000 __schema.
	res := decode(t, b.post("alice", body))
	require.Equal(t, "INVALID_ARGUMENT", res.code())
	require.Contains(t, res.Errors[0].Message, "at most 1 __schema per request, got 1000")
}

// introspectionQuery is what GraphiQL asks before a token is pasted (graphql-js's
// getIntrospectionQuery).
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`

// TestRequestBudgets: every request is priced before it runs. Without a token: introspection
// only, in a small request (GraphiQL's works). With one: aliases cost what they ask for, so
// thousands of usage reports are refused; one __schema per request; nodes(ids) is capped.
func TestRequestBudgets(t *testing.T) {
	t.Parallel()
	b := setup(t)
	aliases := func(n int, field string) string {
		var q strings.Builder
		q.WriteString("{")
		for i := range n {
			fmt.Fprintf(&q, " a%d: %s", i, field)
		}
		return q.String() + " }"
	}
	const usage = `usage(from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z", groupBy: USER) { key cost }`
	tests := []struct {
		name, as, query string
		code            string
		msg             string
	}{
		{name: "GraphiQL's introspection, anonymous", query: introspectionQuery},
		{name: "anonymous __typename", query: `{ __typename }`},
		{name: "two __schema, anonymous", query: `{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`,
			code: "INVALID_ARGUMENT", msg: "at most 1 __schema per request, got 2"},
		{name: "two __schema, signed in", as: "alice", query: `{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`,
			code: "INVALID_ARGUMENT", msg: "at most 1 __schema per request"},
		{name: "anonymous data", query: `{ products { totalCount } }`, code: "UNAUTHENTICATED"},
		{name: "one usage report", as: "alice", query: aliases(1, usage)},
		{name: "nine usage reports", as: "alice", query: aliases(9, usage)},
		{name: "thirteen usage reports (the portal's twelve-month showback)", as: "alice", query: aliases(13, usage)},
		{name: "twenty usage reports", as: "alice", query: aliases(20, usage),
			code: "INVALID_ARGUMENT", msg: "the request costs 300040; the limit is 250000"},
		{name: "twenty usage reports, all but one skipped", as: "alice",
			query: "{ one: " + usage + strings.TrimPrefix(aliases(19, strings.Replace(usage, " {", " @include(if: false) {", 1)), "{")},
		{name: "twenty usage reports, none skipped", as: "alice",
			query: aliases(20, strings.Replace(usage, " {", " @skip(if: false) {", 1)), code: "INVALID_ARGUMENT", msg: "the request costs 300040"},
		{name: "5,000 usage reports", as: "alice", query: aliases(5000, usage), code: "INVALID_ARGUMENT", msg: "token limit"},
		{name: "3,000 viewers", as: "alice", query: aliases(3000, "viewer { name }"),
			code: "INVALID_ARGUMENT", msg: "the request costs 303000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := b.do(t, tt.as, tt.query, nil)
			require.Equal(t, tt.code, res.code(), "%+v", res.Errors)
			if tt.msg != "" {
				require.Contains(t, res.Errors[0].Message, tt.msg)
			}
		})
	}

	ids := make([]string, graph.MaxNodes+1)
	for i := range ids {
		ids[i] = fmt.Sprint(4294967297 + i)
	}
	res := b.do(t, "alice", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
	require.Equal(t, "INVALID_ARGUMENT", res.code())
	require.Len(t, res.Errors, 1, "one error, not one per id")
	require.Contains(t, res.Errors[0].Message, "at most 100 ids")
	var nodes struct{ Nodes []*struct{ ID string } }
	b.ok(t, "alice", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids[:graph.MaxNodes]}, &nodes)
	require.Len(t, nodes.Nodes, graph.MaxNodes)
}

// TestTransportRefusalsAreCoded: what gqlgen refuses before any operation (a mutation over GET,
// a form or text POST, a body that is not JSON, a method no transport takes) carries a
// documented code like every other error.
func TestTransportRefusalsAreCoded(t *testing.T) {
	t.Parallel()
	b := setup(t)
	tests := []struct {
		name, method, target, ctype, body string
		status                            int
	}{
		{name: "mutation over GET", method: http.MethodGet, status: http.StatusNotAcceptable,
			target: "/graphql?query=" + url.QueryEscape(`mutation { returnLease(id: 1) { id } }`)},
		{name: "form POST", method: http.MethodPost, ctype: "application/x-www-form-urlencoded",
			body: "query=%7B+viewer+%7B+name+%7D+%7D", status: http.StatusUnsupportedMediaType},
		{name: "text POST", method: http.MethodPost, ctype: "text/plain", body: `{"query":"{ viewer { name } }"}`,
			status: http.StatusUnsupportedMediaType},
		{name: "not JSON", method: http.MethodPost, ctype: "application/json", body: `{"query": `, status: http.StatusBadRequest},
		{name: "PUT", method: http.MethodPut, ctype: "application/json", body: `{"query":"{ viewer { name } }"}`,
			status: http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := tt.target
			if target == "" {
				target = "/graphql"
			}
			req := httptest.NewRequest(tt.method, target, strings.NewReader(tt.body))
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			req.Header.Set("Authorization", "Bearer "+b.tokens["alice"])
			rec := httptest.NewRecorder()
			b.srv.Config.Handler.ServeHTTP(rec, req)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			res := decode(t, rec)
			require.NotEmpty(t, res.Errors)
			require.Equal(t, "INVALID_ARGUMENT", res.code(), rec.Body.String())
		})
	}
}
