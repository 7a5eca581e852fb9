package graph

import (
	"fmt"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/ent"
)

// A cached page statement is used with arguments listed by pageShape.args: they must be the
// ones, in the order, that the builder binds, for every shape.
func TestPageShapeArgs(t *testing.T) {
	t.Parallel()
	for _, d := range []string{dialect.SQLite, dialect.Postgres} {
		l := &itemsLoader{sql: entsql.Dialect(d)}
		for _, first := range []int{0, 5} {
			for _, after := range []*ent.Cursor{nil, {ID: 42}} {
				for _, total := range []bool{false, true} {
					for _, counters := range []bool{false, true} {
						if first == 0 && !total {
							continue
						}
						ids := []int{7, 3, 9}
						sh := pageShape{products: len(ids), first: first, after: after != nil, total: total, counters: counters}
						t.Run(fmt.Sprintf("%s/%+v", d, sh), func(t *testing.T) {
							query, args := l.pageSelect(sh, ids, after, nil).Query()
							require.Equal(t, args, sh.args(ids, after))
							// Other ids, same text: the statement depends only on the shape.
							other, _ := l.pageSelect(sh, []int{1, 2, 4}, after, nil).Query()
							require.Equal(t, query, other)
						})
					}
				}
			}
		}
	}
}
