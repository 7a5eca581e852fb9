package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestInventoryImportPreview checks every row of a CSV at once, as the import would, and writes
// nothing; once the rows are fixed the preview is valid and the import writes them all.
func TestInventoryImportPreview(t *testing.T) {
	t.Parallel()
	b := setup(t)
	const q = `query($csv: String!) { inventoryImportPreview(csv: $csv) { valid rows { row sku name pool labels errors } } }`
	type row struct {
		Row    int      `json:"row"`
		SKU    string   `json:"sku"`
		Name   string   `json:"name"`
		Pool   *string  `json:"pool"`
		Labels []string `json:"labels"`
		Errors []string `json:"errors"`
	}
	var got struct {
		P struct {
			Valid bool  `json:"valid"`
			Rows  []row `json:"rows"`
		} `json:"inventoryImportPreview"`
	}
	before := b.snapshot(t)
	bad := "sku,name,pool,labels\n" +
		"4D.small,imp-1,rack-a,x;y\n" + // fine
		"4Q.small,imp-2,,\n" + // unknown product
		"4D.small,imp-1,,\n" + // name again
		"4D.small,4d-small-01,,\n" + // name taken by a demo item
		"4E.lab3,imp-3,,\n" + // a bundle
		"4D.small\n" + // short row
		"4D.small,,,\n" // no name
	b.ok(t, "admin", q, map[string]any{"csv": bad}, &got)
	require.False(t, got.P.Valid)
	require.Len(t, got.P.Rows, 7)
	want := map[int][]string{
		2: {},
		3: {`column sku: no product "4Q.small"`},
		4: {`column name: "imp-1" also at row 2`},
		5: {`column name: an item named "4d-small-01" already exists`},
		6: {`column sku: 4E.lab3 is a bundle; add items of its components`},
		7: {`1 columns, the header has 4`},
		8: {`column name: must not be empty`},
	}
	for _, r := range got.P.Rows {
		require.Equal(t, want[r.Row], r.Errors, "row %d", r.Row)
	}
	require.Equal(t, row{Row: 2, SKU: "4D.small", Name: "imp-1", Pool: strPtr("rack-a"), Labels: []string{"x", "y"}, Errors: []string{}}, got.P.Rows[0])
	require.Equal(t, before, b.snapshot(t), "a preview writes nothing")

	// The file as a whole: the same error as the import's.
	r := b.do(t, "admin", q, map[string]any{"csv": "sku,name,color\n4D.small,a,red\n"})
	require.Equal(t, "INVALID_ARGUMENT", r.code())
	require.Contains(t, r.Errors[0].Message, `row 1, column 3: unknown column "color"`)

	good := "sku,name,pool,labels\n4D.small,imp-1,rack-a,x;y\n4D.small,imp-2,,\n"
	b.ok(t, "admin", q, map[string]any{"csv": good}, &got)
	require.True(t, got.P.Valid)
	b.ok(t, "admin", `mutation($csv: String!) { importInventoryItems(csv: $csv) { id } }`, map[string]any{"csv": good}, nil)
	b.ok(t, "admin", q, map[string]any{"csv": good}, &got)
	require.False(t, got.P.Valid, "the names are taken now")
	require.Equal(t, []string{`column name: an item named "imp-1" already exists`}, got.P.Rows[0].Errors)
}
func strPtr(s string) *string { return &s }

// TestImportNamesEveryBadRow: an import with bad rows writes nothing and its error names every
// one of them, row and column, not only the first; beyond 100 problems it says how many rows
// are bad and where to see them all.
func TestImportNamesEveryBadRow(t *testing.T) {
	t.Parallel()
	b := setup(t)
	const m = `mutation($csv: String!) { importInventoryItems(csv: $csv) { id } }`
	before := b.snapshot(t)
	bad := "sku,name\n4D.small,ok-1\n4Q.small,imp-2\n4D.small,4d-small-01\n4D.small\n"
	res := b.do(t, "admin", m, map[string]any{"csv": bad})
	require.Equal(t, "INVALID_ARGUMENT", res.code())
	msg := res.Errors[0].Message
	require.Contains(t, msg, `row 3, column sku: no product "4Q.small"`)
	require.Contains(t, msg, `row 4, column name: an item named "4d-small-01" already exists`)
	require.Contains(t, msg, "row 5: 1 columns, the header has 2")
	require.Contains(t, msg, "(3 bad rows)")
	require.NotContains(t, msg, "row 2")
	require.Equal(t, before, b.snapshot(t), "nothing written")

	var many strings.Builder
	many.WriteString("sku,name\n")
	for i := range 150 {
		fmt.Fprintf(&many, "4Q.small,bad-%d\n", i)
	}
	res = b.do(t, "admin", m, map[string]any{"csv": many.String()})
	require.Equal(t, "INVALID_ARGUMENT", res.code())
	require.Equal(t, 100, strings.Count(res.Errors[0].Message, "column sku"))
	require.Contains(t, res.Errors[0].Message, "150 bad rows, the first 100 problems shown")
}
