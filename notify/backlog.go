package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/notice"
	"github.com/hardcandy/hardcandy/ent/predicate"
)

// Channels are every channel a notice goes out on.
var Channels = []string{ChannelEmail, ChannelWebhook, ChannelLog}

// Backlog is what waits in the outbox on one channel: notices neither delivered nor given up.
type Backlog struct {
	Channel string
	Queued  int
	// Oldest is when the oldest of them was written; zero when none waits.
	Oldest time.Time
}

// Backlogs reads the outbox's backlog per channel through the (delivered_at, failed_at,
// deliver_after) index, costing what waits rather than every notice ever sent: monitoring reads
// it at every scrape. Every channel is in the answer, empty ones too.
func (d *Deliverer) Backlogs(ctx context.Context) ([]Backlog, error) {
	sys := database.System(ctx)
	var rows []struct {
		Channel string `json:"channel"`
		Count   int    `json:"count"`
	}
	waiting := []predicate.Notice{notice.DeliveredAtIsNil(), notice.FailedAtIsNil()}
	err := d.store.Client.Notice.Query().Where(waiting...).GroupBy(notice.FieldChannel).Aggregate(ent.Count()).Scan(sys, &rows)
	if err != nil {
		return nil, fmt.Errorf("notice backlog: %w", err)
	}
	out := make([]Backlog, 0, len(Channels))
	for _, ch := range Channels {
		b := Backlog{Channel: ch}
		for _, r := range rows {
			if r.Channel == ch {
				b.Queued = r.Count
			}
		}
		if b.Queued > 0 {
			n, err := d.store.Client.Notice.Query().Where(append(waiting, notice.Channel(ch))...).
				Order(ent.Asc(notice.FieldCreatedAt)).Select(notice.FieldCreatedAt).First(sys)
			if err != nil && !ent.IsNotFound(err) {
				return nil, fmt.Errorf("notice backlog: oldest on %s: %w", ch, err)
			}
			if n != nil {
				b.Oldest = n.CreatedAt
			}
		}
		out = append(out, b)
	}
	return out, nil
}

// Delivery outcomes per notice, as a DeliveryObserver hears them.
const (
	DeliveryDelivered = "delivered"
	DeliveryFailed    = "failed"   // tried again after the backoff
	DeliveryGivenUp   = "given_up" // failed for the MaxAttempts-th time
)

// DeliveryObserver hears how many notices a delivery attempt on a channel settled, and how.
type DeliveryObserver interface {
	Delivered(channel, outcome string, notices int)
}

func (d *Deliverer) observe(channel, outcome string, n int) {
	if d.Observer != nil && n > 0 {
		d.Observer.Delivered(channel, outcome, n)
	}
}

// observeFailure reports a failed attempt on g's notices: given up for those at their last.
func (d *Deliverer) observeFailure(g *group) {
	givenUp := 0
	for _, n := range g.notices {
		if n.Attempts+1 >= d.cfg.MaxAttempts {
			givenUp++
		}
	}
	d.observe(g.channel, DeliveryFailed, len(g.notices)-givenUp)
	d.observe(g.channel, DeliveryGivenUp, givenUp)
}
