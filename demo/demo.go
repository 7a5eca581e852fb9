// Package demo loads the demo catalog, inventory, cost centers and users on a fresh database, so
// a newcomer has something to lease at once.
package demo

import (
	"context"
	"fmt"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// User is a demo user and the token issued for it.
type User struct {
	Name, Role, CostCenter, Token string
}

type product struct {
	in    catalog.CreateInput
	items int
	pool  string
}

func days(n int) *duration.Duration {
	d := duration.Duration(duration.Day.Nanoseconds() * int64(n))
	return &d
}

func attrs(kv ...string) []*schematype.Attribute {
	var out []*schematype.Attribute
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, &schematype.Attribute{Key: kv[i], Value: kv[i+1]})
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// catalogue is the design's SKUs: one per tier and the usual types, and the lab3 bundle.
var catalogue = []product{
	{in: catalog.CreateInput{SKU: "1A.org", Name: "Heritage org on shared Pivotal CF",
		Description: ptr("An org on a shared PCF instance: org-level control, no Ops Manager."),
		Attributes:  attrs("platform", "pivotalcf", "memory_quota_gb", "64"), PricePerDay: 500, Currency: "USD",
		DefaultDuration: days(14), MaxDuration: days(30), MaxLifetime: days(90)}, items: 6, pool: "pcf-shared"},
	{in: catalog.CreateInput{SKU: "2C.small", Name: "Pivotal CF foundation on vCloud, small",
		Description: ptr("A pre-stood-up PCF foundation of your own on vCloud."),
		Attributes:  attrs("platform", "vcloud", "ram_gb", "128", "storage_gb", "250", "routable_ips", "2"),
		PricePerDay: 4500, Currency: "USD", DefaultDuration: days(14), MaxDuration: days(30), MaxLifetime: days(90),
		Parameters: []*schematype.ParameterSpec{{Name: "domain", Type: schematype.ParamString, MaxLength: ptr(253),
			Pattern:     ptr(`[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+`),
			Description: ptr("the apps domain of the foundation, e.g. apps.example.com")}}},
		items: 5, pool: "vcloud-a"},
	{in: catalog.CreateInput{SKU: "3A.small", Name: "OpenStack project, small",
		Description: ptr("Your own OpenStack project: VMs, networks, volumes."),
		Attributes:  attrs("platform", "openstack", "vcpus", "32", "ram_gb", "128", "storage_gb", "1000"),
		PricePerDay: 3000, Currency: "USD", DefaultDuration: days(14), MaxDuration: days(30), MaxLifetime: days(120),
		Parameters: []*schematype.ParameterSpec{
			{Name: "size_gb", Type: schematype.ParamInteger, Min: ptr(100), Max: ptr(1000), Default: ptr("250"),
				Description: ptr("the project's volume quota in GB")},
			{Name: "admin_password", Type: schematype.ParamSecret,
				Description: ptr("the project admin's password (sealed; only you and admins see it)")}}},
		items: 5, pool: "openstack-1"},
	{in: catalog.CreateInput{SKU: "3C.small", Name: "vCloud Director org, small",
		Description: ptr("Your own vCloud Director org."),
		Attributes:  attrs("platform", "vcloud", "vcpus", "32", "ram_gb", "128", "storage_gb", "1000"),
		PricePerDay: 3000, Currency: "USD", DefaultDuration: days(14), MaxDuration: days(30), MaxLifetime: days(120)},
		items: 5, pool: "vcloud-a"},
	{in: catalog.CreateInput{SKU: "4D.small", Name: "Bare-metal server, small",
		Description: ptr("A physical server with IPMI access: 2 sockets, 256 GB."),
		Attributes:  attrs("cpu_cores", "32", "ram_gb", "256", "storage_gb", "2000", "routable_ips", "1"),
		PricePerDay: 6000, Currency: "USD", DefaultDuration: days(7), MaxDuration: days(30), MaxLifetime: days(90),
		Parameters: metalParameters()}, items: 14, pool: "rack-a"},
	{in: catalog.CreateInput{SKU: "4D.large", Name: "Bare-metal server, large",
		Description: ptr("A physical server with IPMI access: 4 sockets, 1 TB."),
		Attributes:  attrs("cpu_cores", "96", "ram_gb", "1024", "storage_gb", "8000", "routable_ips", "2"),
		PricePerDay: 15000, Currency: "USD", DefaultDuration: days(7), MaxDuration: days(14), MaxLifetime: days(60),
		RequiresApproval: ptr(true), Parameters: metalParameters()}, items: 6, pool: "rack-b"},
	{in: catalog.CreateInput{SKU: "4E.small", Name: "Bare metal with a Juju controller, small",
		Description: ptr("A physical server targeted by a Juju console to configure as you wish."),
		Attributes:  attrs("cpu_cores", "32", "ram_gb", "256", "storage_gb", "2000", "juju", "true"),
		PricePerDay: 7000, Currency: "USD", DefaultDuration: days(7), MaxDuration: days(30), MaxLifetime: days(90)},
		items: 8, pool: "rack-a"},
	{in: catalog.CreateInput{SKU: "4E.lab3", Name: "lab3: 3-node metal lab with Juju",
		Description: ptr("Three raw servers and one Juju-targeted server, vended together or not at all."),
		PricePerDay: 25000, Currency: "USD", DefaultDuration: days(7), MaxDuration: days(14), MaxLifetime: days(60),
		Components: []*schematype.LeaseLine{{SKU: "4D.small", Quantity: 3}, {SKU: "4E.small", Quantity: 1}},
		Parameters: []*schematype.ParameterSpec{{Name: "4D.small.image", Type: schematype.ParamEnum, Default: ptr("ubuntu-22.04"),
			Description: ptr("the lab's servers run Ubuntu 22.04 unless a vend asks for another")}}}},
}

// metalParameters are what a vend of raw metal may pass: the OS image to install and an SSH key.
func metalParameters() []*schematype.ParameterSpec {
	return []*schematype.ParameterSpec{
		{Name: "image", Type: schematype.ParamEnum, Values: []string{"ubuntu-24.04", "ubuntu-22.04", "debian-12", "rocky-9"},
			Default: ptr("ubuntu-24.04"), Description: ptr("the OS image installed on the server")},
		{Name: "ssh_key", Type: schematype.ParamSSHPublicKey, Description: ptr("an SSH public key authorized for root")},
	}
}

var users = []auth.NewUser{
	{Name: "admin", Role: viewer.RoleAdmin, CostCenter: "ENG", Email: "admin@example.com"},
	{Name: "manny", Role: viewer.RoleManager, CostCenter: "ENG", Email: "manny@example.com"},
	{Name: "alice", Role: viewer.RoleUser, CostCenter: "ENG", Email: "alice@example.com"},
	{Name: "bob", Role: viewer.RoleUser, CostCenter: "FIELD", Email: "bob@example.com"},
}

// Services are what loading the demo needs.
type Services struct {
	Client    *ent.Client
	Auth      *auth.Service
	Catalog   *catalog.Service
	Inventory *inventory.Service
}

// Load fills an empty database and returns the demo users with their tokens; on a database that
// already has products or users it does nothing and returns nil.
func Load(ctx context.Context, s Services) ([]User, error) {
	sys := database.System(ctx)
	if n, err := s.Client.User.Query().Count(sys); err != nil || n > 0 {
		return nil, err
	}
	if n, err := s.Client.Product.Query().Count(sys); err != nil || n > 0 {
		return nil, err
	}
	var out []User
	var admin viewer.Viewer
	for _, nu := range users {
		u, tok, err := s.Auth.AddUser(ctx, nu)
		if err != nil {
			return nil, fmt.Errorf("demo user %s: %w", nu.Name, err)
		}
		out = append(out, User{Name: nu.Name, Role: string(nu.Role), CostCenter: nu.CostCenter, Token: tok})
		if nu.Role == viewer.RoleAdmin {
			admin = viewer.Viewer{UserID: u.ID, Name: u.Name, Role: viewer.RoleAdmin}
			if u.CostCenterID != nil {
				admin.CostCenterID = *u.CostCenterID
			}
		}
	}
	actx := viewer.NewContext(ctx, admin)
	for _, p := range catalogue {
		in := p.in
		// Create types the attributes in place; the catalogue is shared by every Load (tests
		// load it side by side), so each gets its own copies.
		in.Attributes = make([]*schematype.Attribute, len(p.in.Attributes))
		for i, a := range p.in.Attributes {
			c := *a
			in.Attributes[i] = &c
		}
		if _, err := s.Catalog.Create(actx, in); err != nil {
			return nil, fmt.Errorf("demo product %s: %w", p.in.SKU, err)
		}
		var items []*inventory.NewItem
		for i := 1; i <= p.items; i++ {
			it := &inventory.NewItem{SKU: p.in.SKU, Name: fmt.Sprintf("%s-%02d", hostPrefix(p.in.SKU), i),
				Pool: ptr(p.pool), Labels: []string{"demo"}}
			selectionDemo(it, i)
			items = append(items, it)
		}
		if len(items) > 0 {
			if _, err := s.Inventory.Add(actx, items); err != nil {
				return nil, fmt.Errorf("demo items %s: %w", p.in.SKU, err)
			}
		}
	}
	return out, nil
}

// hostPrefix turns "4D.small" into "4d-small".
func hostPrefix(sku string) string {
	b := []byte(sku)
	for i, c := range b {
		switch {
		case c == '.':
			b[i] = '-'
		case c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// selectionDemo varies the bare-metal items so that vends narrowed by pool and labels have
// something to choose from: every other server has a GPU and a 25G NIC label, and the last
// four small servers sit in the lab1 pool.
func selectionDemo(it *inventory.NewItem, i int) {
	if it.SKU != "4D.small" && it.SKU != "4E.small" {
		return
	}
	if i%2 == 0 {
		it.Labels = append(it.Labels, "gpu", "nic=25g")
	}
	if it.SKU == "4D.small" && i > 10 {
		it.Pool = ptr("lab1")
	}
}
