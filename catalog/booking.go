package catalog

import (
	"time"

	"github.com/hardcandy/hardcandy/duration"
)

// maxCleaningBuffer bounds a product's cleaning buffer: a wipe that takes longer is maintenance.
const maxCleaningBuffer = 7 * 24 * time.Hour

// checkBooking validates a product's booking rules: a cleaning buffer of 0 to 7 days, a positive
// booking horizon of at most two years.
func checkBooking(buffer, horizon *duration.Duration) error {
	if buffer != nil && (*buffer < 0 || buffer.Std() > maxCleaningBuffer) {
		return invalid("cleaningBuffer: 0 to 7d, got %s", buffer)
	}
	if horizon != nil && (*horizon <= 0 || horizon.Std() > 2*365*24*time.Hour) {
		return invalid("bookingHorizon: positive and at most 730d, got %s", horizon)
	}
	return nil
}
