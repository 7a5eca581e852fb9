package database

import (
	"fmt"
	"testing"

	"entgo.io/ent/dialect"
	"github.com/stretchr/testify/require"
)

// A cached page statement is used with the arguments PageShape.args lists: they must be the
// ones, in the order, that the builder binds, for every shape and dialect.
func TestPageShapeArgs(t *testing.T) {
	t.Parallel()
	for _, d := range []string{dialect.SQLite, dialect.Postgres} {
		s := &Store{Dialect: d}
		for _, first := range []int{0, 5} {
			for _, after := range []bool{false, true} {
				for _, total := range []bool{false, true} {
					for _, counters := range []bool{false, true} {
						if first == 0 && !total {
							continue
						}
						ids := []int{7, 3, 9}
						sh := PageShape{Products: len(ids), First: first, After: after, Total: total, Counters: counters}
						t.Run(fmt.Sprintf("%s/%+v", d, sh), func(t *testing.T) {
							query, args := s.pageSelect(sh, ids, 42, nil).Query()
							require.Equal(t, args, sh.args(ids, 42))
							// Other ids, same text: the statement depends only on the shape.
							other, _ := s.pageSelect(sh, []int{1, 2, 4}, 42, nil).Query()
							require.Equal(t, query, other)
						})
					}
				}
			}
		}
	}
}
