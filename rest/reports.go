package rest

import (
	"io"
	"net/http"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/billing"
)

// Reports registers GET /reports/usage.csv?from=RFC3339&to=RFC3339&groupBy=COST_CENTER|USER|PRODUCT,
// the usage query as CSV for spreadsheets, with the same authorization.
func Reports(mux *http.ServeMux, b *billing.Service) {
	mux.HandleFunc("GET /reports/usage.csv", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		from, err1 := time.Parse(time.RFC3339, q.Get("from"))
		to, err2 := time.Parse(time.RFC3339, q.Get("to"))
		if err1 != nil || err2 != nil {
			auth.WriteError(w, apperr.New(apperr.InvalidArgument, "from and to: RFC 3339 times such as 2026-11-01T00:00:00Z"))
			return
		}
		by := billing.Grouping(q.Get("groupBy"))
		if by == "" {
			by = billing.ByCostCenter
		}
		rows, err := b.Usage(r.Context(), from, to, by)
		if err != nil {
			auth.WriteError(w, err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="usage.csv"`)
		_, _ = io.WriteString(w, billing.CSV(rows))
	})
}
