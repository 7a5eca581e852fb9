// Package graph serves the GraphQL API: the schema, thin resolvers that call the services, the
// error presenter, authorization directives and the protections against expensive requests.
package graph

import (
	"log/slog"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/custom"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/leasefeed"
	"github.com/hardcandy/hardcandy/scheduler"
)

// Resolver is the root resolver; it holds the services every resolver calls.
type Resolver struct {
	// Store is the database the services run their transactions on.
	Store     *database.Store
	Client    *ent.Client
	Auth      *auth.Service
	Catalog   *catalog.Service
	Inventory *inventory.Service
	Leasing   *lease.Service
	Billing   *billing.Service
	Custom    *custom.Service
	Clock     clockwork.Clock
	// Jobs is the scheduler; nil on an API-only replica.
	Jobs Jobs
	// Feed carries lease events to subscriptions.
	Feed   *leasefeed.Feed
	Logger *slog.Logger
}

// Jobs is what the API needs of the scheduler.
type Jobs interface {
	Jobs() []scheduler.Info
	Job(name string) (scheduler.Info, error)
	RunNow(name string) error
}
