package cli

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/hardcandy/hardcandy/duration"
)

// SlotJSON is one slot of `avail SKU --from/--to --json`: how many items of the product can
// still be booked for the whole of [from, to), out of the items that can serve.
type SlotJSON struct {
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Bookable int       `json:"bookable"`
	Capacity int       `json:"capacity"`
}

// maxSlots bounds a calendar the CLI asks for: a screenful of rows, not a table dump.
const maxSlots = 2000

// calendarSpan resolves avail's --from, --to and --step: from defaults to the start of today
// (of this hour for steps under a day), to to a week later (exclusive), and step to a day, or
// an hour for a span under three days.
func calendarSpan(from, to, step string, now time.Time) (f, t time.Time, st time.Duration, stepText string, err error) {
	if step != "" {
		if err = durationFlag("step", step); err != nil {
			return
		}
		d, _ := duration.Parse(step)
		st = d.Std()
	}
	if from != "" {
		if f, err = timeFlag("from", from, now); err != nil {
			return
		}
	}
	if to != "" {
		if t, err = timeFlag("to", to, now); err != nil {
			return
		}
	}
	if f.IsZero() {
		f = now.Local().Truncate(time.Hour)
		if st == 0 || st >= duration.Day {
			y, m, d := now.Local().Date()
			f = time.Date(y, m, d, 0, 0, 0, 0, time.Local)
		}
	}
	if t.IsZero() {
		t = f.AddDate(0, 0, 7)
	}
	if !t.After(f) {
		err = UsageError{fmt.Errorf("--to %s is not after --from %s", localTime(t), localTime(f))}
		return
	}
	if st == 0 {
		st = duration.Day
		if t.Sub(f) < 3*duration.Day {
			st = time.Hour
		}
	}
	if n := math.Ceil(float64(t.Sub(f)) / float64(st)); n > maxSlots {
		err = UsageError{fmt.Errorf("%.0f slots of %s from %s to %s: at most %d; take a longer --step or a shorter span", n, duration.Duration(st), localTime(f), localTime(t), maxSlots)}
		return
	}
	return f, t, st, duration.Duration(st).String(), nil
}

// calendar is `avail SKU --from --to [--step]`: the product's bookable items per slot.
func (o *options) calendar(cmd *cobra.Command, args []string, from, to, step string) error {
	if len(args) != 1 {
		return UsageError{errors.New("avail --from/--to shows one product's calendar: give its SKU, e.g. hardcandy avail 4D.small --from 2026-12-07 --to 2026-12-14")}
	}
	f, t, st, stepText, err := calendarSpan(from, to, step, time.Now())
	if err != nil {
		return err
	}
	c, err := o.client()
	if err != nil {
		return err
	}
	res, err := Calendar(cmd.Context(), c, args[0], f.UTC(), t.UTC(), stepText)
	if err != nil {
		return err
	}
	slots := make([]SlotJSON, 0, len(res.AvailabilityCalendar))
	for _, s := range res.AvailabilityCalendar {
		slots = append(slots, SlotJSON{From: s.From, To: s.To, Bookable: s.Bookable, Capacity: s.Capacity})
	}
	return o.print(slots, func(w io.Writer) { renderTimeline(w, args[0], slots, st, time.Local) })
}

// barWidth is the widest bar of the timeline, in characters.
const barWidth = 24

// renderTimeline prints a calendar as a row per slot: when, bookable of capacity, and a bar
// (█ bookable, ░ taken). Slots that are whole local days are labelled by their day.
func renderTimeline(w io.Writer, sku string, slots []SlotJSON, step time.Duration, loc *time.Location) {
	if len(slots) == 0 {
		fmt.Fprintf(w, "%s: no slots\n", sku)
		return
	}
	first, last := slots[0].From.In(loc), slots[len(slots)-1].To.In(loc)
	fmt.Fprintf(w, "%s: items bookable for the whole slot, %s to %s, slots of %s\n",
		sku, first.Format("Mon 02 Jan 2006 15:04"), last.Format("Mon 02 Jan 2006 15:04 MST"), duration.Duration(step))
	most := 0
	for _, s := range slots {
		most = max(most, s.Capacity)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SLOT\tBOOKABLE\t")
	for _, s := range slots {
		fmt.Fprintf(tw, "%s\t%d/%d\t%s\n", slotLabel(s, step, loc), s.Bookable, s.Capacity, bar(s.Bookable, s.Capacity, most))
	}
	_ = tw.Flush()
}

// slotLabel names a slot: "Mon 07 Dec" for a whole local day, else its start, "Mon 07 Dec 09:00".
func slotLabel(s SlotJSON, step time.Duration, loc *time.Location) string {
	from := s.From.In(loc)
	if step%(24*time.Hour) == 0 && from.Hour() == 0 && from.Minute() == 0 {
		if step == 24*time.Hour {
			return from.Format("Mon 02 Jan")
		}
		return from.Format("Mon 02 Jan") + " – " + s.To.In(loc).Add(-time.Nanosecond).Format("Mon 02 Jan")
	}
	return from.Format("Mon 02 Jan 15:04")
}

// bar draws bookable of capacity, scaled so that the largest capacity is barWidth wide.
func bar(bookable, capacity, most int) string {
	if capacity <= 0 || most <= 0 {
		return "(no items can serve)"
	}
	width := capacity
	if most > barWidth {
		width = int(math.Round(float64(capacity) * barWidth / float64(most)))
	}
	width = max(width, 1)
	filled := int(math.Round(float64(max(bookable, 0)) * float64(width) / float64(capacity)))
	if bookable > 0 && filled == 0 {
		filled = 1 // some is not none
	}
	if bookable < capacity && filled == width && width > 1 {
		filled = width - 1 // short is not full
	}
	filled = min(filled, width)
	out := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	if bookable <= 0 {
		out += " full"
	}
	return out
}
