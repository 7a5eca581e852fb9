// Package leasefeed carries lease events to live subscribers (the GraphQL leaseEvents
// subscription). Events are published after the change committed; a subscriber that cannot keep
// up loses events rather than slowing the publisher.
package leasefeed

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Event is one change of a lease, with what a subscriber needs to decide whether it may see it.
type Event struct {
	LeaseID      int       `json:"leaseId"`
	OwnerID      int       `json:"ownerId"`
	CostCenterID int       `json:"costCenterId,omitempty"`
	Kind         string    `json:"kind"` // the new status (ACTIVE, RETURNED, ...) or extended, expanded
	At           time.Time `json:"at"`
	// ItemsDone and ItemsTotal count the items a PROVISIONING lease's dispenser calls have done,
	// of how many: progress, published as it happens and never stored.
	ItemsDone  *int `json:"itemsDone,omitempty"`
	ItemsTotal *int `json:"itemsTotal,omitempty"`
}

// Filter decides which events a subscriber receives.
type Filter func(Event) bool

// bufferSize is how many events a slow subscriber may fall behind before losing some.
const bufferSize = 64

// Feed fans events out to subscribers in this process. A bridge, when set, carries published
// events to other replicas, which Deliver them to their own subscribers.
type Feed struct {
	mu   sync.RWMutex
	subs map[*subscriber]struct{}
	// bridge, when set, is called for every published event instead of delivering it here: a
	// replica-crossing transport that calls Deliver on every replica, this one included.
	bridge atomic.Pointer[func(Event)]
}

type subscriber struct {
	ch     chan Event
	filter Filter
}

// New returns an empty feed.
func New() *Feed { return &Feed{subs: map[*subscriber]struct{}{}} }

// Publish sends an event to every subscriber whose filter accepts it.
func (f *Feed) Publish(e Event) {
	if f == nil {
		return
	}
	if b := f.bridge.Load(); b != nil {
		(*b)(e)
		return
	}
	f.Deliver(e)
}

// SetBridge routes published events through bridge (nil: deliver them here). It may be called
// while events are being published.
func (f *Feed) SetBridge(bridge func(Event)) {
	if bridge == nil {
		f.bridge.Store(nil)
		return
	}
	f.bridge.Store(&bridge)
}

// Deliver hands an event to this process's subscribers.
func (f *Feed) Deliver(e Event) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	for s := range f.subs {
		if s.filter != nil && !s.filter(e) {
			continue
		}
		select {
		case s.ch <- e:
		default: // the subscriber is behind: drop rather than block the publisher
		}
	}
}

// Subscribe returns a channel of events that pass filter until ctx ends; then the channel closes.
func (f *Feed) Subscribe(ctx context.Context, filter Filter) <-chan Event {
	s := &subscriber{ch: make(chan Event, bufferSize), filter: filter}
	f.mu.Lock()
	f.subs[s] = struct{}{}
	f.mu.Unlock()
	go func() {
		<-ctx.Done()
		f.mu.Lock()
		delete(f.subs, s)
		close(s.ch)
		f.mu.Unlock()
	}()
	return s.ch
}

// Subscribers counts the live subscriptions.
func (f *Feed) Subscribers() int {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return len(f.subs)
}
