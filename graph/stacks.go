package graph

import (
	"context"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/stack"
)

// stacksOf loads a bag's stacks with their products in two statements. Its callers reached the
// bag through what holds it (an order, a product, a cost center) the viewer may see, and a stack
// is visible exactly when its holder is: the stack policy's check would only repeat theirs.
func stacksOf(ctx context.Context, c *ent.Client, bagID int) ([]*ent.Stack, error) {
	return c.Stack.Query().Where(stack.BagID(bagID)).WithProduct().Order(ent.Asc(stack.FieldID)).All(database.System(ctx))
}
