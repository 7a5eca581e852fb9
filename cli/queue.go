package cli

import (
	"fmt"
	"io"
)

// endsOrPlace is what `mine` shows in its ENDS column: a QUEUED lease's place in its waiting
// list and when it lapses, else when the lease ends.
func endsOrPlace(l LeaseJSON) string {
	if l.Status == LeaseStatusQueued {
		return queuePlace(l)
	}
	return when(l.EndsAt)
}

// queuePlace describes a QUEUED lease's wait: "#2 in the queue, lapses in 2d (…)".
func queuePlace(l LeaseJSON) string {
	pos := "in the queue"
	if l.QueuePosition != nil {
		pos = fmt.Sprintf("#%d in the queue", *l.QueuePosition)
	}
	if l.QueuedUntil == nil {
		return pos
	}
	return pos + ", lapses " + when(l.QueuedUntil)
}

// printQueued is the human form of a QUEUED lease.
func printQueued(w io.Writer, l LeaseJSON) {
	fmt.Fprintf(w, "lease %s is QUEUED: nothing is free now; %s\n", l.ID, queuePlace(l))
	fmt.Fprintf(w, "you are told when it is served; `hardcandy mine` shows your place, `hardcandy return %s` leaves the queue\n", l.ID)
}

// withdrawnNote is what `return` adds for a lease it withdrew rather than returned (from the
// waiting list, or awaiting approval): the reason, e.g. ": withdrawn from the waiting list by
// alice".
func withdrawnNote(l LeaseJSON) string {
	if l.Status != LeaseStatusRejected || l.StatusMessage == nil {
		return ""
	}
	return ": " + *l.StatusMessage
}
