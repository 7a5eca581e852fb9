package graph_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestBookingOverGraphQL: a product with a cleaning buffer, a reservation (vend with startsAt:
// SCHEDULED, no items), one that does not fit (OUT_OF_STOCK naming the window), the calendar,
// earliestStart, rescheduleLease and a cancel by returnLease, through the API.
func TestBookingOverGraphQL(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var created struct {
		CreateProduct struct {
			ID             string
			CleaningBuffer string
			BookingHorizon *string
		}
	}
	b.ok(t, "admin", `mutation { createProduct(input: {sku: "4B.booked", name: "Booked", pricePerDay: 2400, currency: "USD",
		defaultDuration: "1d", maxDuration: "30d", cleaningBuffer: "1h", bookingHorizon: "30d"}) { id cleaningBuffer bookingHorizon } }`, nil, &created)
	require.Equal(t, "1h", created.CreateProduct.CleaningBuffer)
	require.Equal(t, "30d", *created.CreateProduct.BookingHorizon)
	b.ok(t, "admin", `mutation { addInventoryItems(input: [{sku: "4B.booked", name: "bk-1"}, {sku: "4B.booked", name: "bk-2"},
		{sku: "4B.booked", name: "bk-3"}]) { id } }`, nil, nil)

	now := b.clock.Now()
	start := now.Add(48 * time.Hour)
	var vend struct {
		Vend struct {
			ID, Status       string
			StartsAt, EndsAt time.Time
			Allocations      []struct{ ID string }
		}
	}
	b.ok(t, "alice", `mutation($at: Time!) { vend(input: {lines: [{sku: "4B.booked", quantity: 2}], duration: "1d", startsAt: $at}) {
		id status startsAt endsAt allocations { id } } }`, map[string]any{"at": start}, &vend)
	require.Equal(t, "SCHEDULED", vend.Vend.Status)
	require.True(t, vend.Vend.StartsAt.Equal(start))
	require.True(t, vend.Vend.EndsAt.Equal(start.Add(24*time.Hour)))
	require.Empty(t, vend.Vend.Allocations)

	r := b.do(t, "bob", `mutation($at: Time!) { vend(input: {lines: [{sku: "4B.booked", quantity: 2}], duration: "1d", startsAt: $at}) { id } }`,
		map[string]any{"at": start.Add(6 * time.Hour)})
	require.Equal(t, "OUT_OF_STOCK", r.code())
	require.Contains(t, r.Errors[0].Message, "1 of 3 bookable from "+start.Add(6*time.Hour).Format(time.RFC3339))

	var cal struct {
		AvailabilityCalendar []struct {
			From, To           time.Time
			Bookable, Capacity int
		}
	}
	b.ok(t, "bob", `query($from: Time!, $to: Time!) { availabilityCalendar(sku: "4B.booked", from: $from, to: $to, step: "1d") {
		from to bookable capacity } }`, map[string]any{"from": now, "to": now.Add(96 * time.Hour)}, &cal)
	require.Len(t, cal.AvailabilityCalendar, 4)
	// A slot counts what can be booked for it and its cleaning buffer after: the day before and the
	// day after alice's booking touch it.
	require.Equal(t, []int{3, 1, 1, 1}, []int{cal.AvailabilityCalendar[0].Bookable, cal.AvailabilityCalendar[1].Bookable,
		cal.AvailabilityCalendar[2].Bookable, cal.AvailabilityCalendar[3].Bookable})
	require.Equal(t, 3, cal.AvailabilityCalendar[0].Capacity)

	var first struct{ EarliestStart time.Time }
	b.ok(t, "bob", `query($after: Time) { earliestStart(lines: [{sku: "4B.booked", quantity: 2}], duration: "1d", after: $after) }`,
		map[string]any{"after": start}, &first)
	require.True(t, first.EarliestStart.Equal(start.Add(25*time.Hour)), "after alice's booking and its buffer: %s", first.EarliestStart)

	var moved struct {
		RescheduleLease struct {
			Status           string
			StartsAt, EndsAt time.Time
		}
	}
	b.ok(t, "alice", `mutation($id: ID!, $s: Time!, $e: Time!) { rescheduleLease(id: $id, startsAt: $s, endsAt: $e) { status startsAt endsAt } }`,
		map[string]any{"id": vend.Vend.ID, "s": start.Add(24 * time.Hour), "e": start.Add(72 * time.Hour)}, &moved)
	require.Equal(t, "SCHEDULED", moved.RescheduleLease.Status)
	require.True(t, moved.RescheduleLease.EndsAt.Equal(start.Add(72*time.Hour)))
	r = b.do(t, "bob", `mutation($id: ID!, $s: Time!, $e: Time!) { rescheduleLease(id: $id, startsAt: $s, endsAt: $e) { status } }`,
		map[string]any{"id": vend.Vend.ID, "s": start, "e": start.Add(time.Hour)})
	require.Equal(t, "NOT_FOUND", r.code())

	var ret struct {
		ReturnLease struct {
			Status        string
			StatusMessage string
			Orders        []struct{ Kind string }
		}
	}
	b.ok(t, "alice", `mutation($id: ID!) { returnLease(id: $id) { status statusMessage orders { kind } } }`,
		map[string]any{"id": vend.Vend.ID}, &ret)
	require.Equal(t, "REJECTED", ret.ReturnLease.Status)
	require.Contains(t, ret.ReturnLease.StatusMessage, "cancelled by alice")
	require.Empty(t, ret.ReturnLease.Orders, "nothing charged")
}
