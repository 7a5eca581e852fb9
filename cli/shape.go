package cli

import (
	"encoding/json"
	"time"
)

// LeaseJSON is what every lease verb (vend, show, mine, extend, expand, return, approve, reject)
// prints with --json: one stable shape, documented in the README, whatever the server's
// operation selected.
type LeaseJSON struct {
	ID               string      `json:"id"`
	Status           LeaseStatus `json:"status"`
	StatusMessage    *string     `json:"statusMessage"`
	AwaitingApproval bool        `json:"awaitingApproval"`
	Owner            string      `json:"owner"`
	Note             *string     `json:"note"`
	Duration         string      `json:"duration"`
	CreatedAt        time.Time   `json:"createdAt"`
	StartsAt         *time.Time  `json:"startsAt"`
	EndsAt           *time.Time  `json:"endsAt"`
	EndedAt          *time.Time  `json:"endedAt"`
	TimeLeft         *string     `json:"timeLeft"`
	Requested        []LineJSON  `json:"requested"`
	// Parameters are the lines' parameters; a SECRET's value only from `show --credentials`.
	Parameters []ParameterJSON `json:"parameters"`
	Items      []ItemJSON      `json:"items"`
	// QueuePosition is a QUEUED lease's place in its waiting list (1: served next), until
	// QueuedUntil, when it lapses.
	QueuePosition *int       `json:"queuePosition,omitempty"`
	QueuedUntil   *time.Time `json:"queuedUntil,omitempty"`
}

// LineJSON is one line of a vend as asked.
type LineJSON struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
	// The line's constraints, when it had some, and whether its product was picked (--any).
	Pool      *string  `json:"pool,omitempty"`
	Labels    []string `json:"labels,omitempty"`
	NotLabels []string `json:"notLabels,omitempty"`
	Picked    bool     `json:"picked,omitempty"`
}

// ItemJSON is one item of a lease (an allocation): which item, of which product, and, from
// `show --credentials --json` only, the credentials the dispenser gave for it.
type ItemJSON struct {
	AllocationID string          `json:"allocationId"`
	ItemID       string          `json:"itemId"`
	Name         string          `json:"name"`
	SKU          string          `json:"sku"`
	VendedAt     *time.Time      `json:"vendedAt"`
	ReleasedAt   *time.Time      `json:"releasedAt"`
	Credentials  json.RawMessage `json:"credentials,omitempty"`
}

// leaseJSON turns the LeaseSummary fragment into the printed shape; creds (by allocation id)
// adds credentials, which the dispenser gives as JSON (kept as a string when it is not).
func leaseJSON(l LeaseSummary, creds map[string]*string) LeaseJSON {
	out := LeaseJSON{ID: l.Id, Status: l.Status, StatusMessage: l.StatusMessage, AwaitingApproval: l.AwaitingApproval,
		Owner: l.Owner.Name, Note: l.Note, Duration: l.Duration, CreatedAt: l.CreatedAt, StartsAt: l.StartsAt,
		EndsAt: l.EndsAt, EndedAt: l.EndedAt, TimeLeft: l.TimeLeft, Requested: []LineJSON{}, Items: []ItemJSON{},
		Parameters: parametersJSON(l.Parameters, creds != nil), QueuePosition: l.QueuePosition, QueuedUntil: l.QueuedUntil}
	for _, r := range l.Requested {
		out.Requested = append(out.Requested, LineJSON{SKU: r.Sku, Quantity: r.Quantity, Pool: r.Pool,
			Labels: r.Labels, NotLabels: r.NotLabels, Picked: r.Picked})
	}
	for _, a := range l.Allocations {
		it := ItemJSON{AllocationID: a.Id, ItemID: a.Item.Id, Name: a.Item.Name, SKU: a.Item.Product.Sku,
			VendedAt: a.VendedAt, ReleasedAt: a.ReleasedAt}
		if c := creds[a.Id]; c != nil {
			if json.Valid([]byte(*c)) {
				it.Credentials = json.RawMessage(*c)
			} else {
				it.Credentials, _ = json.Marshal(*c)
			}
		}
		out.Items = append(out.Items, it)
	}
	return out
}

// detailJSON is leaseJSON for `show`, with the credentials when asked for.
func detailJSON(l LeaseDetail, withCreds bool) LeaseJSON {
	var creds map[string]*string
	if withCreds {
		creds = map[string]*string{}
		for _, a := range l.Allocations {
			creds[a.Id] = a.Credentials
		}
	}
	return leaseJSON(l.LeaseSummary, creds)
}
