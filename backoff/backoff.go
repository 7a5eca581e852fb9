// Package backoff computes the waits between retries: exponential, capped, optionally jittered.
package backoff

import (
	"math"
	"time"
)

// Delay returns the wait before attempt number attempt (1-based; below 1 counts as 1): initial,
// doubled for each attempt after the first, capped at max, then shortened by the fraction
// jitter of itself (rounded up to the nanosecond). Callers that retry together pass a random jitter (e.g. in (0, 1/2] for a
// wait in [d/2, d)) so they do not retry in lockstep; 0 means no jitter.
//
// An initial of zero or less gives 0. A max of zero or less means no cap but the largest
// Duration, which the doubling saturates at rather than overflowing. A jitter outside [0, 1]
// (or NaN) is clamped to it, NaN to 0.
func Delay(initial, max time.Duration, attempt int, jitter float64) time.Duration {
	if initial <= 0 {
		return 0
	}
	if max <= 0 {
		max = math.MaxInt64
	}
	d := min(initial, max)
	for i := 1; i < attempt && d < max; i++ {
		if d > max/2 {
			d = max
			break
		}
		d *= 2
	}
	switch {
	case !(jitter > 0): // also NaN
		return d
	case jitter >= 1:
		return 0
	}
	// Rounding up keeps a jittered wait below d however small the jitter.
	return d - time.Duration(math.Ceil(jitter*float64(d)))
}
