package inventory_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/inventory"
)

func TestParseCSV(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []inventory.NewItem
		wantErr  string
	}{
		{name: "full", in: "sku,name,pool,labels\n4D.small,h1,rack-a,gpu;10g\n4D.large, h2 ,,\n",
			want: []inventory.NewItem{{SKU: "4D.small", Name: "h1", Pool: ptr("rack-a"), Labels: []string{"gpu", "10g"}}, {SKU: "4D.large", Name: "h2"}}},
		{name: "columns in any order", in: "name,sku\nh1,4D.small\n", want: []inventory.NewItem{{SKU: "4D.small", Name: "h1"}}},
		{name: "a UTF-8 byte-order mark, as Excel writes", in: "\ufeffsku,name\r\n4D.small,h1\r\n",
			want: []inventory.NewItem{{SKU: "4D.small", Name: "h1"}}},
		{name: "a byte-order mark inside a row is data", in: "sku,name\n4D.small,\ufeffh1\n",
			want: []inventory.NewItem{{SKU: "4D.small", Name: "\ufeffh1"}}},
		{name: "empty", in: "", wantErr: "csv: empty"},
		{name: "header only", in: "sku,name\n", wantErr: "no rows after the header"},
		{name: "missing name column", in: "sku,pool\n4D.small,a\n", wantErr: `row 1: the header needs a "name" column`},
		{name: "unknown column", in: "sku,name,owner\n", wantErr: `row 1, column 3: unknown column "owner"`},
		{name: "duplicate column", in: "sku,name,sku\n", wantErr: `column "sku" given twice`},
		{name: "ragged row", in: "sku,name\n4D.small,a\n4D.small\n", wantErr: "row 3: 1 columns, the header has 2"},
		{name: "bad quoting", in: "sku,name\n4D.small,\"a\n", wantErr: "row 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := inventory.ParseCSV(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				require.ErrorIs(t, err, apperr.InvalidArgument)
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, len(tt.want))
			for i := range got {
				require.Equal(t, tt.want[i], *got[i])
			}
		})
	}
}
