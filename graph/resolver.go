// Package graph serves the GraphQL API: the schema, thin resolvers that call the services, the
// error presenter, authorization directives and the protections against expensive requests.
package graph

import (
	"log/slog"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
)

// Resolver is the root resolver; it holds the services every resolver calls.
type Resolver struct {
	Client    *ent.Client
	Auth      *auth.Service
	Catalog   *catalog.Service
	Inventory *inventory.Service
	Leasing   *lease.Service
	Clock     clockwork.Clock
	Logger    *slog.Logger
}
