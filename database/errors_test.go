package database_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/privacy"
)

func TestCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		code apperr.Code
		ok   bool
	}{
		{"not found", &ent.NotFoundError{}, apperr.NotFound, true},
		{"not found, wrapped", fmt.Errorf("lease 3: %w", &ent.NotFoundError{}), apperr.NotFound, true},
		{"constraint", &ent.ConstraintError{}, apperr.Conflict, true},
		{"validation", &ent.ValidationError{Name: "sku"}, apperr.InvalidArgument, true},
		{"privacy", fmt.Errorf("query: %w", privacy.Deny), apperr.Forbidden, true},
		{"serialization failure", fmt.Errorf("commit: %w", &pgconn.PgError{Code: "40001"}), apperr.Conflict, true},
		{"deadlock", &pgconn.PgError{Code: "40P01"}, apperr.Conflict, true},
		{"another database error", &pgconn.PgError{Code: "53300"}, "", false},
		{"a plain error", errors.New("disk full"), "", false},
		{"a deadline", context.DeadlineExceeded, "", false},
		{"nil", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, text, ok := database.Code(tt.err)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.code, code)
			if ok {
				require.NotEmpty(t, text)
				wrapped := database.Wrap(tt.err, "lease %d", 3)
				require.ErrorIs(t, wrapped, tt.code)
				require.Contains(t, wrapped.Error(), "lease 3: ")
				require.ErrorIs(t, wrapped, tt.err, "the cause stays reachable")
			}
		})
	}
}
