package cli

import (
	"context"
	"io"

	"github.com/Khan/genqlient/graphql"
)

// call is what one verb does once its flags are read: check them, ask the API, print the answer.
type call[T any] struct {
	// check, when set, refuses bad flags before anything is sent: a usage error (exit 2).
	check func() error
	// do asks the API.
	do func(ctx context.Context, c graphql.Client) (T, error)
	// text prints the answer for people; --json prints the answer itself.
	text func(w io.Writer, v T)
}

// run is a verb's "flags → client → call → print": the same checks, errors and exit codes for
// every verb, and with --json the value the text was printed from, never an empty object.
func run[T any](ctx context.Context, o *options, c call[T]) error {
	if c.check != nil {
		if err := c.check(); err != nil {
			return UsageError{err}
		}
	}
	client, err := o.client()
	if err != nil {
		return err
	}
	v, err := c.do(ctx, client)
	if err != nil {
		return err
	}
	return o.print(v, func(w io.Writer) { c.text(w, v) })
}
