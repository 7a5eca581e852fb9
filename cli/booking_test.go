package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// scripted is a GraphQL client that answers each operation from a script, in order, and
// records the variables it was sent.
type scripted struct {
	mu      sync.Mutex
	answers map[string][]func(vars map[string]any) (any, error)
	sent    map[string][]map[string]any
}

func (s *scripted) on(op string, f func(vars map[string]any) (any, error)) {
	if s.answers == nil {
		s.answers, s.sent = map[string][]func(map[string]any) (any, error){}, map[string][]map[string]any{}
	}
	s.answers[op] = append(s.answers[op], f)
}

func (s *scripted) MakeRequest(_ context.Context, req *graphql.Request, resp *graphql.Response) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var vars map[string]any
	b, _ := json.Marshal(req.Variables)
	_ = json.Unmarshal(b, &vars)
	s.sent[req.OpName] = append(s.sent[req.OpName], vars)
	queue := s.answers[req.OpName]
	if len(queue) == 0 {
		return gqlerror.List{{Message: "unexpected " + req.OpName, Extensions: map[string]any{"code": "INTERNAL"}}}
	}
	s.answers[req.OpName] = queue[1:]
	data, err := queue[0](vars)
	if err != nil {
		return err
	}
	b, _ = json.Marshal(data)
	return json.Unmarshal(b, resp.Data)
}

func lease(id, status string, start time.Time) map[string]any {
	return map[string]any{"id": id, "status": status, "createdAt": time.Now().UTC(), "startsAt": start, "endsAt": start.Add(72 * time.Hour),
		"duration": "3d", "owner": map[string]any{"name": "alice"}, "requested": []any{map[string]any{"sku": "4D.small", "quantity": 6}}, "allocations": []any{}}
}

// TestEarliestRetriesOnceOnALostRace: --earliest books the first fit; when someone takes it in
// between, it looks again and books the next one, once; a second loss is the error.
func TestEarliestRetriesOnceOnALostRace(t *testing.T) {
	first := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Second)
	second := first.Add(72 * time.Hour)
	outOfStock := func(map[string]any) (any, error) {
		return nil, gqlerror.List{{Message: "4D.small: 6 asked, 2 bookable from ... to ...", Extensions: map[string]any{"code": "OUT_OF_STOCK"}}}
	}
	run := func(t *testing.T, c *scripted) (string, string, error) {
		o := &options{json: true}
		var out, errOut bytes.Buffer
		o.out = &out
		cmd := &cobra.Command{}
		cmd.SetErr(&errOut)
		cmd.SetContext(context.Background())
		sku, dur := "4D.small", "3d"
		err := o.bookEarliest(cmd, c, VendInput{Lines: []LeaseLineInput{{Sku: &sku, Quantity: 6}}, Duration: &dur}, time.Time{})
		return out.String(), errOut.String(), err
	}

	c := &scripted{}
	c.on("EarliestStart", func(map[string]any) (any, error) { return map[string]any{"earliestStart": first}, nil })
	c.on("EarliestStart", func(map[string]any) (any, error) { return map[string]any{"earliestStart": second}, nil })
	c.on("Book", outOfStock)
	c.on("Book", func(map[string]any) (any, error) { return map[string]any{"vend": lease("7", "SCHEDULED", second)}, nil })
	out, errOut, err := run(t, c)
	require.NoError(t, err)
	require.Contains(t, errOut, "was taken meanwhile")
	require.Contains(t, errOut, "OUT_OF_STOCK")
	var l LeaseJSON
	require.NoError(t, json.Unmarshal([]byte(out), &l))
	require.Equal(t, "7", l.ID)
	require.Equal(t, LeaseStatusScheduled, l.Status)
	require.Len(t, c.sent["Book"], 2)
	in := c.sent["Book"][1]["input"].(map[string]any)
	require.Equal(t, second.Format(time.RFC3339), in["startsAt"], "the second fit is booked")
	require.Equal(t, "3d", c.sent["EarliestStart"][0]["duration"])
	require.NotContains(t, in, "wait", "unset fields are left out")

	// Lost twice: the error, no third try.
	c = &scripted{}
	c.on("EarliestStart", func(map[string]any) (any, error) { return map[string]any{"earliestStart": first}, nil })
	c.on("EarliestStart", func(map[string]any) (any, error) { return map[string]any{"earliestStart": second}, nil })
	c.on("Book", outOfStock)
	c.on("Book", outOfStock)
	_, _, err = run(t, c)
	require.Error(t, err)
	require.Equal(t, "OUT_OF_STOCK", errorCode(err))
	require.Len(t, c.sent["Book"], 2)

	// A fit that is now vends now: no startsAt.
	c = &scripted{}
	c.on("EarliestStart", func(map[string]any) (any, error) {
		return map[string]any{"earliestStart": time.Now().Add(-time.Second).UTC()}, nil
	})
	c.on("Book", func(map[string]any) (any, error) {
		return map[string]any{"vend": lease("8", "ACTIVE", time.Now())}, nil
	})
	_, _, err = run(t, c)
	require.NoError(t, err)
	require.NotContains(t, c.sent["Book"][0]["input"].(map[string]any), "startsAt")
}

func TestPrintWaiting(t *testing.T) {
	start := time.Now().Add(50 * time.Hour)
	var out bytes.Buffer
	l := LeaseJSON{ID: "12", Status: LeaseStatusScheduled, StartsAt: &start, EndsAt: &start, Requested: []LineJSON{{SKU: "4D.small", Quantity: 6}}}
	printLease(&out, l)
	require.Contains(t, out.String(), "lease 12 is SCHEDULED: starts in 2d 1h")
	require.Contains(t, out.String(), "(6×4D.small)")
	require.Contains(t, out.String(), "hardcandy reschedule 12 --at TIME")
	require.Contains(t, out.String(), "hardcandy return 12")

}
