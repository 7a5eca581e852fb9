package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/Khan/genqlient/graphql"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // no saved login: --server and --token only
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	type answer struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	refused := errors.New("--reason is required")
	failed := errors.New("NOT_FOUND: lease 9")
	tests := []struct {
		name           string
		json, loggedIn bool
		check, do      error
		want           string
		wantErr        error
		usage, called  bool
	}{
		{name: "text", loggedIn: true, want: "lease 7 is ok\n", called: true},
		{name: "json prints the answer itself", json: true, loggedIn: true, want: "{\n  \"id\": \"7\",\n  \"name\": \"ok\"\n}\n", called: true},
		{name: "a refused flag sends nothing", loggedIn: true, check: refused, wantErr: refused, usage: true},
		{name: "the API's error is the verb's", loggedIn: true, do: failed, wantErr: failed, called: true},
		{name: "not logged in", usage: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			o := &options{json: tt.json, out: &out}
			if tt.loggedIn {
				o.server, o.token = "http://127.0.0.1:1", "token"
			}
			called := false
			err := run(context.Background(), o, call[answer]{
				check: func() error { return tt.check },
				do: func(context.Context, graphql.Client) (answer, error) {
					called = true
					return answer{ID: "7", Name: "ok"}, tt.do
				},
				text: func(w io.Writer, a answer) { fmt.Fprintf(w, "lease %s is %s\n", a.ID, a.Name) },
			})
			require.Equal(t, tt.called, called)
			require.Equal(t, tt.want, out.String())
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
			}
			var ue UsageError
			require.Equal(t, tt.usage, errors.As(err, &ue), "a usage error (exit 2): %v", err)
			if !tt.usage && tt.wantErr == nil {
				require.NoError(t, err)
			}
		})
	}
}
