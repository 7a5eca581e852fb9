package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// progressSubscription is the Progress operation of operations.graphql, sent by hand: genqlient's
// own websocket client would add a dependency for one subscription.
const progressSubscription = `subscription Progress($leaseId: ID) {
  leaseEvents(leaseId: $leaseId, progress: true) { kind leaseId itemsDone itemsTotal }
}`

// progressEvent is one leaseEvents message as the progress line needs it.
type progressEvent struct {
	Kind       string `json:"kind"`
	LeaseID    string `json:"leaseId"`
	ItemsDone  *int   `json:"itemsDone"`
	ItemsTotal *int   `json:"itemsTotal"`
}

// watch subscribes to leaseEvents (one lease, or all the caller's when leaseID is "") over the
// graphql-transport-ws websocket and calls fn for each event until ctx ends. It returns once the
// subscription is sent (or failed), so the work it watches can start; the events arrive on a
// goroutine of its own. The subscription, not polling: the dispenser's progress is a handful of
// events over seconds that are never stored, so only a live feed can show "2 of 5". Progress is
// a nicety: any failure only means no progress is shown.
func (o *options) watch(ctx context.Context, leaseID string, fn func(progressEvent)) {
	l, err := o.login()
	if err != nil {
		return
	}
	dctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	u := "ws" + strings.TrimPrefix(strings.TrimRight(l.Server, "/"), "http") + "/graphql"
	c, _, err := websocket.Dial(dctx, u, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return
	}
	if err := wsjson.Write(dctx, c, map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + l.Token}}); err != nil {
		_ = c.CloseNow()
		return
	}
	var ack struct{ Type string }
	if err := wsjson.Read(dctx, c, &ack); err != nil || ack.Type != "connection_ack" {
		_ = c.CloseNow()
		return
	}
	vars := map[string]any{}
	if leaseID != "" {
		vars["leaseId"] = leaseID
	}
	if err := wsjson.Write(dctx, c, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": progressSubscription, "variables": vars, "operationName": "Progress"}}); err != nil {
		_ = c.CloseNow()
		return
	}
	go func() {
		defer c.CloseNow()
		for {
			var m struct {
				Type    string
				Payload struct {
					Data struct {
						LeaseEvents progressEvent `json:"leaseEvents"`
					}
				}
			}
			if err := wsjson.Read(ctx, c, &m); err != nil {
				return
			}
			switch m.Type {
			case "next":
				fn(m.Payload.Data.LeaseEvents)
			case "ping":
				_ = wsjson.Write(ctx, c, map[string]any{"type": "pong"})
			case "complete", "error":
				return
			}
		}
	}()
}

// dispensing is the state of a vend, expansion or approval being watched: the progress line it
// draws and the lease it learnt of, for the Ctrl-C message.
type dispensing struct {
	p  *progress
	mu sync.Mutex
	id string
}

// watchDispense shows the phases of work that dispenses items for leaseID ("" for a vend, whose
// lease is the first one seen provisioning): reserving, provisioning N of M items, activating.
func (o *options) watchDispense(ctx context.Context, p *progress, leaseID string) *dispensing {
	d := &dispensing{p: p, id: leaseID}
	if !p.on {
		return d
	}
	p.set("reserving the items")
	o.watch(ctx, leaseID, func(e progressEvent) {
		if e.Kind != "PROVISIONING" || e.ItemsDone == nil || e.ItemsTotal == nil {
			return
		}
		d.mu.Lock()
		if d.id == "" {
			d.id = e.LeaseID
		}
		mine := d.id == e.LeaseID
		d.mu.Unlock()
		if !mine {
			return
		}
		if *e.ItemsDone < *e.ItemsTotal {
			p.set(fmt.Sprintf("lease %s: provisioning %d of %d items", e.LeaseID, *e.ItemsDone, *e.ItemsTotal))
		} else {
			p.set(fmt.Sprintf("lease %s: %d of %d items provisioned; activating", e.LeaseID, *e.ItemsDone, *e.ItemsTotal))
		}
	})
	return d
}

// interrupted turns the error of work cut short by Ctrl-C into what becomes of it: the server
// carries on (the vend finishes, or is unwound if the backend fails), and how to see it.
func (d *dispensing) interrupted(w io.Writer, err error, what string) error {
	if !errors.Is(err, context.Canceled) {
		return err
	}
	d.mu.Lock()
	id := d.id
	d.mu.Unlock()
	see := "hardcandy mine --all"
	if id != "" {
		see = "hardcandy show " + id
	}
	fmt.Fprintf(w, "interrupted: the %s goes on on the server: it finishes, or is unwound if the provisioning backend fails (if it had reserved nothing yet, nothing happens); see it with `%s`\n", what, see)
	return ExitError{Code: ExitCanceled, Err: errors.New("interrupted")}
}
