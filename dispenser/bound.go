package dispenser

import "time"

// Bounded is implemented by the dispensers of this package: VendBound is the longest one Vend
// call can take before the driver gives up on its own (every attempt, retry and backoff
// included). The lease service compares it with the request timeout at start: a request that
// may end while its backend still provisions would lose the answer.
type Bounded interface {
	VendBound() time.Duration
}

// VendBound is the latency plus the largest jitter.
func (s *simulator) VendBound() time.Duration { return s.latency + s.jitter }

// VendBound is every attempt's timeout plus the waits between them, each at most MaxBackoff
// (a backend's Retry-After may ask for that much).
func (h *httpDriver) VendBound() time.Duration {
	return time.Duration(h.retries+1)*h.timeout + time.Duration(h.retries)*MaxBackoff
}

// VendBound is the command's timeout.
func (x *execDriver) VendBound() time.Duration { return x.timeout }

// VendBound is the largest bound of the drivers the router may pick; item types without a
// driver of their own use the default's, or the zero-latency simulator's.
func (r *Router) VendBound() time.Duration {
	var d time.Duration
	for _, b := range r.Bounds() {
		d = max(d, b)
	}
	return d
}

// Bounds is each item type's VendBound, for a message naming the slow ones.
func (r *Router) Bounds() map[string]time.Duration {
	out := map[string]time.Duration{}
	for _, t := range ItemTypes {
		if b, ok := unwrap(r.For(t)).(Bounded); ok {
			out[t] = b.VendBound()
		}
	}
	return out
}

var (
	_ Bounded = (*simulator)(nil)
	_ Bounded = (*httpDriver)(nil)
	_ Bounded = (*execDriver)(nil)
	_ Bounded = (*Router)(nil)
)

// unwrap returns the driver inside decorators (WithDecorator) that offer Unwrap.
func unwrap(d Dispenser) Dispenser {
	for {
		w, ok := d.(interface{ Unwrap() Dispenser })
		if !ok {
			return d
		}
		d = w.Unwrap()
	}
}
