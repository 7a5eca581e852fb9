package lease

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/ent"
)

func TestVendOutcome(t *testing.T) {
	t.Parallel()
	refusal := &dispenser.Error{Message: "quota", Refused: true}
	tests := []struct {
		name  string
		lease *ent.Lease
		err   error
		want  string
	}{
		{"active", &ent.Lease{Status: Active}, nil, OutcomeActive},
		{"awaiting approval", &ent.Lease{Status: Pending}, nil, OutcomePending},
		{"booked ahead", &ent.Lease{Status: Scheduled}, nil, OutcomeScheduled},
		{"refused by the check", nil, apperr.Wrap(refusal, apperr.PolicyViolation, "refused: quota"), OutcomeRefused},
		{"dispenser failed", nil, apperr.Wrap(&dispenser.Error{Message: "boom"}, apperr.DispenserFailed, "boom"), OutcomeFailed},
		{"out of stock", nil, apperr.New(apperr.OutOfStock, "4D.small: 1 requested, 0 available"), OutcomeOutOfStock},
		{"limits", nil, apperr.New(apperr.PolicyViolation, "per-user limit"), OutcomePolicy},
		{"bad input", nil, apperr.New(apperr.InvalidArgument, "lines"), OutcomeInvalid},
		{"unknown sku", nil, apperr.New(apperr.NotFound, "no product"), OutcomeInvalid},
		{"signed out", nil, apperr.New(apperr.Unauthenticated, "token"), OutcomeDenied},
		{"raced", nil, apperr.New(apperr.Conflict, "changed"), OutcomeConflict},
		{"internal", nil, errors.New("disk on fire"), OutcomeError},
		{"cancelled", nil, context.Canceled, OutcomeError},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, vendOutcome(tt.lease, tt.err), tt.name)
	}
}
