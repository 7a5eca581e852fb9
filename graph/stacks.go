package graph

import (
	"context"

	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/stack"
)

// stacksOf loads a bag's stacks with their products in two statements.
func stacksOf(ctx context.Context, c *ent.Client, bagID int) ([]*ent.Stack, error) {
	return c.Stack.Query().Where(stack.BagID(bagID)).WithProduct().Order(ent.Asc(stack.FieldID)).All(ctx)
}
