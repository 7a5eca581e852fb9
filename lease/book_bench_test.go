package lease

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
)

// bookedBench is a product of 1,000 items with 10,000 bookings spread over the next 90 days (a
// few hours to a few days each), as the booking benchmarks start from.
func bookedBench(b *testing.B) (*bundle, time.Time) {
	bd := setup(b)
	bd.svc.cfg.MaxItemsPerUser = 1 << 30
	p := bd.bookable(b, "4B.booked", 1000, time.Hour)
	now := bd.clock.Now()
	rng := rand.New(rand.NewPCG(1, 2))
	ctx := database.System(context.Background())
	for chunk := range 10 {
		var creates []*ent.BookingCreate
		for i := range 1000 {
			from := now.Add(time.Duration(rng.IntN(90*24)) * time.Hour)
			to := from.Add(time.Duration(4+rng.IntN(68)) * time.Hour)
			creates = append(creates, segments(bd.client.Booking, 1_000_000+chunk*1000+i, p.ID, 1_000_000+i, nil, 1,
				p.CleaningBuffer, from, to, true)...)
		}
		for start := 0; start < len(creates); start += 1000 {
			require.NoError(b, bd.client.Booking.CreateBulk(creates[start:min(start+1000, len(creates))]...).Exec(ctx))
		}
	}
	return bd, now
}

// BenchmarkReservations books one item for a day per operation from 32 clients at once, beside
// 10,000 existing bookings over 1,000 items; it reports reservations per second.
func BenchmarkReservations(b *testing.B) {
	bd, now := bookedBench(b)
	who := []string{"alice", "bob", "manny", "admin"}
	var next atomic.Int64
	b.ResetTimer()
	began := time.Now()
	var wg sync.WaitGroup
	n := int64(b.N)
	for c := range 32 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 7))
			for next.Add(1) <= n {
				start := now.Add(time.Hour + time.Duration(rng.IntN(80*24))*time.Hour)
				_, err := bd.svc.Vend(bd.as[who[c%len(who)]], VendInput{Lines: lines("4B.booked", 1), StartsAt: &start, Duration: days(1)})
				if err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(began).Seconds(), "reservations/s")
}

// BenchmarkCalendar asks for a 30-day hourly calendar (720 slots) of the product with 10,000
// bookings; it reports the latency's p50 and p99.
func BenchmarkCalendar(b *testing.B) {
	bd, now := bookedBench(b)
	var took []time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		slots, err := bd.svc.Calendar(bd.as["alice"], "4B.booked", now, now.Add(30*24*time.Hour), duration.Duration(time.Hour))
		took = append(took, time.Since(t0))
		if err != nil || len(slots) != 720 {
			b.Fatal(err, len(slots))
		}
	}
	slices.Sort(took)
	pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
	fmt.Printf("calendar 30d hourly over 10,000 bookings: p50 %.1f ms, p99 %.1f ms (%d runs)\n", pct(0.50), pct(0.99), len(took))
}
