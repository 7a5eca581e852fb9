package cli

import (
	"context"
	"io"
)

// WatchDispense runs the progress of a vend against server with token, drawing to w, for the
// external tests; it returns the lease id it learnt of, read after stop.
func WatchDispense(ctx context.Context, server, token string, w io.Writer) (stop func() string) {
	o := &options{server: server, token: token}
	p := startProgress(w, 5e6)
	d := o.watchDispense(ctx, p, "")
	return func() string {
		p.done()
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.id
	}
}
