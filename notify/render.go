package notify

import (
	"fmt"
	"strings"
	"time"
)

// TimeLayout prints times in messages, in the recipient's zone: "Mon, 23 Nov 2026 09:00 CET".
const TimeLayout = "Mon, 02 Jan 2006 15:04 MST"

// subjectItems bounds the item names a subject lists; the text lists them all.
const subjectItems = 3

// location returns the zone a user reads times in: their own, else the configured default, else
// UTC. A bad zone falls back rather than failing the delivery: the message still names the zone.
func location(userZone *string, def string) *time.Location {
	if userZone != nil && *userZone != "" {
		if loc, err := time.LoadLocation(*userZone); err == nil {
			return loc
		}
	}
	if loc, err := time.LoadLocation(def); err == nil {
		return loc
	}
	return time.UTC
}

// Subject is the one-line summary of a notice, e.g. "Lease 123 ends in 24h (4D.small: 4d-small-01)".
func Subject(p Payload) string {
	what := itemSummary(p)
	if what != "" {
		what = " (" + what + ")"
	}
	item := "an item"
	if len(p.Items) > 0 {
		item = p.Items[0].Name
	}
	if p.LeaseID == nil {
		switch p.Kind {
		case KindReclaimed:
			return "Item " + item + " was reclaimed"
		case KindReclaimFailed:
			return "Reclaiming " + item + " failed"
		}
		return "Hardcandy: " + p.Kind + what
	}
	id := *p.LeaseID
	switch p.Kind {
	case KindExpiring:
		return fmt.Sprintf("Lease %d ends in %s%s", id, Left(p), what)
	case KindExpired:
		return fmt.Sprintf("Lease %d has expired%s", id, what)
	case KindVended:
		return fmt.Sprintf("Lease %d is ready%s", id, what)
	case KindRejected:
		return fmt.Sprintf("Lease %d was rejected%s", id, what)
	case KindReturned:
		return fmt.Sprintf("Lease %d was returned%s", id, what)
	case KindApprovalNeeded:
		return fmt.Sprintf("Lease %d by %s needs approval%s", id, p.Owner, what)
	case KindExtensionApprovalNeeded:
		return fmt.Sprintf("Extending lease %d of %s by %s needs approval%s", id, p.Owner, p.By, what)
	case KindExtensionApproved:
		return fmt.Sprintf("Extending lease %d by %s was approved%s", id, p.By, what)
	case KindExtensionRejected:
		return fmt.Sprintf("Extending lease %d by %s was rejected%s", id, p.By, what)
	case KindReclaimed:
		return fmt.Sprintf("Item %s of lease %d was reclaimed", item, id)
	case KindReclaimFailed:
		return fmt.Sprintf("Reclaiming %s of lease %d failed", item, id)
	case KindItemReplaced:
		return fmt.Sprintf("Item %s of lease %d was faulty and has been replaced", item, id)
	case KindItemFaulty:
		return fmt.Sprintf("Item %s of lease %d is faulty and could not be replaced", item, id)
	case KindStarting:
		return fmt.Sprintf("Lease %d starts in %s%s", id, p.Threshold, what)
	case KindBookingShort:
		return fmt.Sprintf("Lease %d is short of items at its start%s", id, what)
	}
	return fmt.Sprintf("Lease %d: %s%s", id, p.Kind, what)
}

// Left is how long the lease had left when an expiring notice was written, as the notice says it:
// "19h", "23h 57m", "45m", "under a minute". That is rarely the threshold itself: the job runs
// every few minutes, and after downtime a lease gets the nearest threshold's notice only. A notice
// without both times says its threshold.
func Left(p Payload) string {
	if p.EndsAt == nil || p.At.IsZero() {
		return p.Threshold
	}
	d := p.EndsAt.Sub(p.At).Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case d < time.Minute:
		return "under a minute"
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh %dm", h, m)
}

// itemSummary lists items by SKU ("4D.small: a, b; 2A.large: c"), or the requested lines when the
// lease holds no items yet.
func itemSummary(p Payload) string {
	if len(p.Items) == 0 {
		parts := make([]string, 0, len(p.Lines))
		for _, l := range p.Lines {
			if l.Quantity > 1 {
				parts = append(parts, fmt.Sprintf("%d× %s", l.Quantity, l.SKU))
			} else {
				parts = append(parts, l.SKU)
			}
		}
		return strings.Join(parts, ", ")
	}
	var skus []string
	names := map[string][]string{}
	for i, it := range p.Items {
		if i == subjectItems {
			break
		}
		if _, ok := names[it.SKU]; !ok {
			skus = append(skus, it.SKU)
		}
		names[it.SKU] = append(names[it.SKU], it.Name)
	}
	parts := make([]string, 0, len(skus))
	for _, s := range skus {
		parts = append(parts, s+": "+strings.Join(names[s], ", "))
	}
	out := strings.Join(parts, "; ")
	if more := len(p.Items) - subjectItems; more > 0 {
		out += fmt.Sprintf(" and %d more", more)
	}
	return out
}

// Text is the body of one notice for a reader in loc: the lease, its items, its end in loc, and
// for expiring notices the command to extend it.
func Text(p Payload, loc *time.Location, serverURL string) string {
	var b strings.Builder
	lease := "the lease"
	if p.LeaseID != nil {
		lease = fmt.Sprintf("Lease %d", *p.LeaseID)
		if p.Owner != "" {
			lease += " of " + p.Owner
		}
	}
	end := "(no end set)"
	if p.EndsAt != nil {
		end = p.EndsAt.In(loc).Format(TimeLayout)
	}
	switch p.Kind {
	case KindExpiring:
		fmt.Fprintf(&b, "%s ends in %s, on %s.\n", lease, Left(p), end)
	case KindExpired:
		fmt.Fprintf(&b, "%s expired on %s. Its items are being wiped and go back to the pool.\n", lease, end)
	case KindVended:
		fmt.Fprintf(&b, "%s is ready. It ends on %s.\n", lease, end)
	case KindRejected:
		fmt.Fprintf(&b, "%s was rejected.\n", lease)
	case KindReturned:
		fmt.Fprintf(&b, "%s was returned. Its items are being wiped and go back to the pool.\n", lease)
	case KindApprovalNeeded:
		fmt.Fprintf(&b, "%s needs approval", lease)
		if p.Duration != "" {
			fmt.Fprintf(&b, " for %s", p.Duration)
		}
		b.WriteString(".\n")
	case KindExtensionApprovalNeeded:
		fmt.Fprintf(&b, "%s asks to be extended by %s, beyond the products' policy; it ends on %s unless approved.\n", lease, p.By, end)
		b.WriteString("Decide with: hardcandy requests, then hardcandy approve ID or hardcandy reject ID --reason TEXT\n")
	case KindExtensionApproved:
		fmt.Fprintf(&b, "Extending %s by %s was approved. It now ends on %s.\n", lease, p.By, end)
	case KindExtensionRejected:
		fmt.Fprintf(&b, "Extending %s by %s was rejected. It still ends on %s.\n", lease, p.By, end)
	case KindReclaimed:
		b.WriteString("An item was reclaimed.\n")
	case KindReclaimFailed:
		b.WriteString("Reclaiming an item failed; it may need a look.\n")
	case KindItemReplaced:
		fmt.Fprintf(&b, "An item of %s was faulty; it has been replaced by one of the same product (see its credentials).\n", lease)
	case KindItemFaulty:
		fmt.Fprintf(&b, "An item of %s is faulty and was taken out of it; none was available to replace it. The lease keeps its other items.\n", lease)
	default:
		fmt.Fprintf(&b, "%s: %s.\n", lease, p.Kind)
	}
	if p.Message != "" {
		fmt.Fprintf(&b, "\nMessage: %s\n", p.Message)
	}
	switch {
	case len(p.Items) > 0:
		b.WriteString("\nItems:\n")
		for _, it := range p.Items {
			fmt.Fprintf(&b, "  - %s (%s)\n", it.Name, it.SKU)
		}
	case len(p.Lines) > 0:
		b.WriteString("\nRequested:\n")
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "  - %d× %s\n", l.Quantity, l.SKU)
		}
	}
	if p.Kind == KindExpiring && p.LeaseID != nil {
		b.WriteString("\nTo keep it longer, extend it:\n  ")
		b.WriteString(ExtendCommand(*p.LeaseID, serverURL))
		b.WriteString("\n")
	}
	if serverURL != "" && p.Kind != KindExpiring {
		fmt.Fprintf(&b, "\nServer: %s\n", serverURL)
	}
	return b.String()
}

// ExtendCommand is the CLI command that extends lease id by three days.
func ExtendCommand(id int, serverURL string) string {
	if serverURL != "" {
		return fmt.Sprintf("hardcandy --server %s extend %d --by 3d", serverURL, id)
	}
	return fmt.Sprintf("hardcandy extend %d --by 3d", id)
}

// digest combines the views of several notices into one subject and text.
func digest(userName string, views []NoticeView) (string, string) {
	if len(views) == 1 {
		return views[0].Subject, views[0].Text
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d Hardcandy notices for %s:\n", len(views), userName)
	for i, v := range views {
		fmt.Fprintf(&b, "\n%d. %s\n\n", i+1, v.Subject)
		for _, line := range strings.Split(strings.TrimRight(v.Text, "\n"), "\n") {
			if line == "" {
				b.WriteString("\n")
				continue
			}
			b.WriteString("   " + line + "\n")
		}
	}
	return fmt.Sprintf("%d Hardcandy notices", len(views)), b.String()
}
