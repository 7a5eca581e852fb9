package leasefeed

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestFeed(t *testing.T) {
	t.Parallel()
	f := New()
	ctx, cancel := context.WithCancel(t.Context())
	mine := f.Subscribe(ctx, func(e Event) bool { return e.OwnerID == 1 })
	all := f.Subscribe(ctx, nil)
	f.Publish(Event{LeaseID: 10, OwnerID: 2, Kind: "ACTIVE"})
	f.Publish(Event{LeaseID: 11, OwnerID: 1, Kind: "ACTIVE"})
	require.Equal(t, 11, (<-mine).LeaseID)
	require.Equal(t, 10, (<-all).LeaseID)
	require.Equal(t, 11, (<-all).LeaseID)
	require.Equal(t, 2, f.Subscribers())

	// A subscriber that does not read loses events instead of blocking the publisher.
	for i := range bufferSize * 3 {
		f.Publish(Event{LeaseID: i, OwnerID: 1})
	}
	cancel()
	require.Eventually(t, func() bool { return f.Subscribers() == 0 }, 30*time.Second, time.Millisecond)
	n := 0
	for range mine {
		n++
	}
	require.Equal(t, bufferSize, n)

	// A bridge replaces local delivery; Deliver is what it calls on each replica.
	var bridged []Event
	f.SetBridge(func(e Event) { bridged = append(bridged, e) })
	f.Publish(Event{LeaseID: 99})
	require.Len(t, bridged, 1)
	var nilFeed *Feed
	nilFeed.Publish(Event{}) // a nil feed drops events
}
