package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
	"github.com/hardcandy/hardcandy/ent/user"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/viewer"
)

// The shared benchmark's data shape: 20 products of 5,000 items each (100,000), 1,000 users
// holding 30 ACTIVE leases each (30,000) and 20 historical ones each (20,000: half RETURNED,
// half EXPIRED), plus a pool of AVAILABLE items of the SKU the vend row vends, so that it does
// not run out during the run.
const (
	shapeItemsPerProduct = 5_000
	shapeOwners          = 1_000
	shapeActivePer       = 30 // ACTIVE leases per owner
	shapeHistoricalPer   = 20 // historical leases per owner
	shapeVendSKU         = "4D.small"
	shapePageSKU         = "2D.small"
	shapeVendClients     = 32
)

// The shared benchmark's requests (its bodies for Hardcandy).
const (
	shapeVendBody    = `{"operationName":"W1","query":"mutation W1($sku: String!, $duration: Duration!) { vend(input: {sku: $sku, duration: $duration}) { id ownerID status endsAt allocations { itemID } } }","variables":{"sku":"` + shapeVendSKU + `","duration":"7d"}}`
	shapePageQuery   = `query R2($sku: String!) { product(sku: $sku) { items(first: 50, where: {status: AVAILABLE}) { edges { node { name product { sku name } } } } } }`
	shapeLeasesQuery = `query R3 { viewer { leases(first: 20, where: {status: ACTIVE}) { edges { node { id startsAt endsAt allocations { item { name product { sku } } } } } } } }`
)

// shapeOptions are the flags of the shape's runs.
type shapeOptions struct {
	vendPool int
	baseline string
	// stores are where the shape runs: sqlite, postgres.
	stores []string
}

// shapeProduct is one of the shared benchmark's products.
type shapeProduct struct {
	sku, name string
	price     int // minor units per day
}

// shapeProducts are the shared benchmark's 20 products: tiers 1-4 of types C and D in two sizes,
// and its tier 5 as tier 4 of types A and B.
func shapeProducts() []shapeProduct {
	var out []shapeProduct
	for t := 1; t <= 5; t++ {
		for _, ty := range []string{"C", "D"} {
			for _, sz := range []string{"large", "small"} {
				word := map[string]string{"C": "Compute", "D": "Dense"}[ty]
				price := t*10 + map[string]int{"C": 0, "D": 5}[ty] + map[string]int{"small": 0, "large": 20}[sz]
				sku := fmt.Sprintf("%d%s.%s", t, ty, sz)
				if t == 5 {
					sku = fmt.Sprintf("4%s.%s", map[string]string{"C": "A", "D": "B"}[ty], sz)
				}
				out = append(out, shapeProduct{sku: sku, name: fmt.Sprintf("Tier %d %s %s", t, word, sz), price: price * 100})
			}
		}
	}
	return out
}

// shapeTokens are the tokens of a shape seed: the admin's, the vend clients' (one user each)
// and the lease owners'.
type shapeTokens struct {
	admin  string
	vend   []string
	owners []string
}

// seedShape builds the shared benchmark's shape in the database at dsn, through the services
// for the catalog, users and items, and in bulk for the leases: the rows the vend flow writes
// (lease, allocation, VEND order with its contents), the items moved through
// inventory.TransitionAll (events and stock counters with them).
func seedShape(ctx context.Context, dsn string, vendPool int) (shapeTokens, error) {
	var tok shapeTokens
	st, svc, err := open(ctx, dsn)
	if err != nil {
		return tok, err
	}
	defer st.Close()
	actx := adminContext(ctx)
	ps := shapeProducts()
	for _, p := range ps {
		if _, err := svc.Catalog.Create(actx, catalog.CreateInput{SKU: p.sku, Name: p.name, PricePerDay: p.price, Currency: "USD"}); err != nil {
			return tok, fmt.Errorf("product %s: %w", p.sku, err)
		}
	}
	add := func(name string, role viewer.Role, cc string) (string, error) {
		_, t, err := svc.Auth.AddUser(ctx, auth.NewUser{Name: name, Role: role, CostCenter: cc})
		return t, err
	}
	if tok.admin, err = add("admin", viewer.RoleAdmin, "OPS"); err != nil {
		return tok, err
	}
	for i := range shapeVendClients {
		t, err := add(fmt.Sprintf("bench%02d", i), viewer.RoleUser, "BENCH")
		if err != nil {
			return tok, err
		}
		tok.vend = append(tok.vend, t)
	}
	for i := range shapeOwners {
		t, err := add(fmt.Sprintf("user%04d", i+1), viewer.RoleUser, "USERS")
		if err != nil {
			return tok, err
		}
		tok.owners = append(tok.owners, t)
	}
	items := make([]*inventory.NewItem, 0, len(ps)*shapeItemsPerProduct+vendPool)
	for n := range len(ps) * shapeItemsPerProduct {
		items = append(items, &inventory.NewItem{SKU: ps[n%len(ps)].sku, Name: fmt.Sprintf("host-%06d", n+1)})
	}
	for n := range vendPool {
		items = append(items, &inventory.NewItem{SKU: shapeVendSKU, Name: fmt.Sprintf("pool-%06d", n+1)})
	}
	if err := addItems(ctx, svc.Inventory, items); err != nil {
		return tok, err
	}
	return tok, seedShapeLeases(ctx, st, ps)
}

// seedShapeLeases writes the standing leases, product by product: 1,500 ACTIVE ones per product
// (owners in turn, vended 0-29 days ago, ending 1-60 days from now) on the product's first items,
// now LEASED, and 1,000 historical ones (vended 120 days ago for 7 days, the odd ones returned a
// day later, the even ones expired at their end) on its next items, back AVAILABLE.
func seedShapeLeases(ctx context.Context, st *database.Store, ps []shapeProduct) error {
	c := st.Client
	sys := database.System(ctx)
	owners, err := c.User.Query().Where(user.NameHasPrefix("user")).Order(ent.Asc(user.FieldName)).All(sys)
	if err != nil {
		return err
	}
	if len(owners) != shapeOwners {
		return fmt.Errorf("%d lease owners, want %d", len(owners), shapeOwners)
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	day := 24 * time.Hour
	perProductActive := shapeOwners * shapeActivePer / len(ps)
	perProductHistorical := shapeOwners * shapeHistoricalPer / len(ps)
	active, historical := 0, 0
	for _, sp := range ps {
		p, err := c.Product.Query().Where(product.Sku(sp.sku)).Only(sys)
		if err != nil {
			return err
		}
		its, err := c.InventoryItem.Query().Where(inventoryitem.ProductID(p.ID), inventoryitem.NameHasPrefix("host-")).
			Order(ent.Asc(inventoryitem.FieldID)).Limit(perProductActive + perProductHistorical).IDs(sys)
		if err != nil {
			return err
		}
		var rows []shapeLease
		for i, id := range its {
			r := shapeLease{item: id, product: p}
			if i < perProductActive {
				k := active
				active++
				r.owner = owners[k%len(owners)]
				r.status = lease.StatusACTIVE
				r.starts = now.Add(-time.Duration(k%30) * day)
				r.ends = now.Add(time.Duration(1+k%60) * day)
			} else {
				k := historical
				historical++
				r.owner = owners[k%len(owners)]
				r.starts = now.Add(-120 * day)
				r.ends = r.starts.Add(7 * day)
				r.status, r.ended = lease.StatusEXPIRED, r.ends
				if k%2 == 1 {
					r.status, r.ended = lease.StatusRETURNED, r.starts.Add(day)
				}
			}
			rows = append(rows, r)
		}
		for chunk := range slices.Chunk(rows, 500) {
			if err := st.Write(sys, func(tx *database.Tx) error { return writeShapeLeases(sys, tx, chunk, now) }); err != nil {
				return fmt.Errorf("leases of %s: %w", sp.sku, err)
			}
		}
	}
	return nil
}

// shapeLease is one standing lease of the shape, on one item.
type shapeLease struct {
	item                int
	product             *ent.Product
	owner               *ent.User
	status              lease.Status
	starts, ends, ended time.Time
}

// writeShapeLeases writes leases with their allocation and VEND order, and moves the items of
// the ACTIVE ones to LEASED.
func writeShapeLeases(ctx context.Context, tx *database.Tx, rows []shapeLease, now time.Time) error {
	leases := make([]*ent.LeaseCreate, len(rows))
	bags := make([]*ent.BagCreate, len(rows))
	var leased []int
	for i, r := range rows {
		lc := tx.Lease.Create().SetOwnerID(r.owner.ID).SetNillableCostCenterID(r.owner.CostCenterID).SetStatus(r.status).
			SetStartsAt(r.starts).SetEndsAt(r.ends).SetDuration(duration.Duration(r.ends.Sub(r.starts))).
			SetRequest([]schematype.LeaseLine{{SKU: r.product.Sku, Quantity: 1}}).SetCreatedAt(r.starts).SetUpdatedAt(r.starts)
		if r.status != lease.StatusACTIVE {
			lc.SetEndedAt(r.ended).SetUpdatedAt(r.ended)
		} else {
			leased = append(leased, r.item)
		}
		leases[i] = lc
		bags[i] = tx.Bag.Create().SetCreatedAt(r.starts).SetUpdatedAt(r.starts)
	}
	ls, err := tx.Lease.CreateBulk(leases...).Save(ctx)
	if err != nil {
		return err
	}
	bs, err := tx.Bag.CreateBulk(bags...).Save(ctx)
	if err != nil {
		return err
	}
	allocs := make([]*ent.AllocationCreate, len(rows))
	stacks := make([]*ent.StackCreate, len(rows))
	orders := make([]*ent.OrderCreate, len(rows))
	for i, r := range rows {
		ac := tx.Allocation.Create().SetLeaseID(ls[i].ID).SetItemID(r.item).SetOwnerID(r.owner.ID).
			SetCreatedAt(r.starts).SetVendedAt(r.starts)
		if r.status != lease.StatusACTIVE {
			ac.SetReleasedAt(r.ended)
		}
		allocs[i] = ac
		price := r.product.PricePerDay * int(r.ends.Sub(r.starts)/(24*time.Hour))
		stacks[i] = tx.Stack.Create().SetBagID(bs[i].ID).SetProductID(r.product.ID).SetQuantity(1).
			SetPrice(price).SetCurrency(r.product.Currency).SetCreatedAt(r.starts).SetUpdatedAt(r.starts)
		orders[i] = tx.Order.Create().SetKind("VEND").SetLeaseID(ls[i].ID).SetNillableCostCenterID(r.owner.CostCenterID).
			SetUserID(r.owner.ID).SetContentsBagID(bs[i].ID).SetPeriodStart(r.starts).SetPeriodEnd(r.ends).SetCreatedAt(r.starts)
	}
	if err := tx.Allocation.CreateBulk(allocs...).Exec(ctx); err != nil {
		return err
	}
	if err := tx.Stack.CreateBulk(stacks...).Exec(ctx); err != nil {
		return err
	}
	if err := tx.Order.CreateBulk(orders...).Exec(ctx); err != nil {
		return err
	}
	for _, to := range []inventory.Status{inventory.Reserving, inventory.Leased} {
		if _, err := inventory.TransitionAll(ctx, tx, now, inventory.BulkMove{ItemIDs: leased, To: to, Actor: "seed", Reason: "standing lease"}); err != nil {
			return err
		}
	}
	return nil
}

// shape measures the shared benchmark's workloads on its data shape, on SQLite and on Postgres:
// vends of one SKU with 32 clients each its own user, the items page and a user's ACTIVE leases.
// With baseline (another checkout of the project) it also runs the Postgres vend row against
// that build, on a copy of the same seed brought down to that build's migrations, for a
// before/after in one run.
func shape(ctx context.Context, bin, dir string, dur time.Duration, vendPool int, baseline string, stores []string) error {
	cfg := filepath.Join(dir, "shape.yaml")
	yaml := "dispensers:\n  default:\n    driver: simulator\n    latency: 0ms\nleasing:\n  max_items_per_user: 1000000\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		return err
	}
	fmt.Printf("\nThe shared benchmark's shape: 20 products, 100,000 items, 30,000 ACTIVE leases (30 each of 1,000 users), 20,000 historical; %d more AVAILABLE %s to vend:\n", vendPool, shapeVendSKU)
	rows := func(tok shapeTokens, label string) []scenario {
		return []scenario{
			{name: label + "vend " + shapeVendSKU + ", 32 clients each its own user", clients: shapeVendClients, users: tok.vend, rotate: []string{shapeVendBody}},
			{name: label + "page: 50 AVAILABLE items of one SKU with product", clients: 32, users: []string{tok.admin}, query: shapePageQuery, vars: map[string]any{"sku": shapePageSKU}},
			{name: label + "a user's 20 ACTIVE leases", clients: 32, users: tok.owners, query: shapeLeasesQuery},
		}
	}

	var (
		tok shapeTokens
		err error
		t0  time.Time
	)
	if slices.Contains(stores, "sqlite") {
		db := filepath.Join(dir, "shape.db")
		t0 = time.Now()
		if tok, err = seedShape(ctx, db, vendPool); err != nil {
			return fmt.Errorf("seed the shape on SQLite: %w", err)
		}
		fmt.Fprintf(os.Stderr, "seeded the shape on SQLite in %s\n", time.Since(t0).Round(time.Millisecond))
		base, stop, err := startServer(bin, db, dir, "--config", cfg)
		if err != nil {
			return err
		}
		fmt.Printf("\nOn SQLite:\n\n")
		err = table([]string{base}, nil, dur, rows(tok, "SQLite: "))
		stop()
		if err != nil {
			return err
		}
	}
	if !slices.Contains(stores, "postgres") {
		return nil
	}

	server := os.Getenv("HARDCANDY_TEST_POSTGRES")
	if server == "" {
		server = defaultBenchPostgres
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return err
	}
	defer admin.Close()
	if err := admin.PingContext(ctx); err != nil {
		fmt.Printf("\nThe shape on Postgres: skipped, no server at %s (%v)\n", database.Redact(server), err)
		return nil
	}
	dsnOf := func(name string) string {
		u, _ := url.Parse(server)
		u.Path = "/" + name
		return u.String()
	}
	prefix := fmt.Sprintf("hardcandy_shape_%d", os.Getpid())
	var made []string
	defer func() {
		for i := len(made) - 1; i >= 0; i-- {
			_, _ = admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+made[i]+" WITH (FORCE)")
		}
	}()
	create := func(name, template string) error {
		stmt := "CREATE DATABASE " + name
		if template != "" {
			stmt += " TEMPLATE " + template
		}
		if _, err := admin.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
		made = append(made, name)
		return nil
	}
	seed := prefix + "_seed"
	if err := create(seed, ""); err != nil {
		return err
	}
	// Every server on a Postgres database must seal credentials with the same key.
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	os.Setenv("HARDCANDY_SECRET_KEY", base64.StdEncoding.EncodeToString(key))
	defer os.Unsetenv("HARDCANDY_SECRET_KEY")
	t0 = time.Now()
	if tok, err = seedShape(ctx, dsnOf(seed), vendPool); err != nil {
		return fmt.Errorf("seed the shape on Postgres: %w", err)
	}
	fmt.Fprintf(os.Stderr, "seeded the shape on Postgres in %s\n", time.Since(t0).Round(time.Millisecond))

	var baseBin string
	if baseline != "" {
		baseBin = filepath.Join(dir, "hardcandy-baseline")
		fmt.Fprintf(os.Stderr, "building the baseline server from %s…\n", baseline)
		build := exec.Command("go", "build", "-o", baseBin, ".")
		build.Dir = baseline
		if out, err := build.CombinedOutput(); err != nil {
			return fmt.Errorf("build the baseline: %v\n%s", err, out)
		}
		before := prefix + "_before"
		if err := create(before, seed); err != nil {
			return err
		}
		if err := downgrade(ctx, dsnOf(before), baseline); err != nil {
			return fmt.Errorf("bring the seed down to the baseline's migrations: %w", err)
		}
		bases, stop, err := startReplicas(baseBin, dsnOf(before), dir, 1, "--config", cfg, "--no-migrate")
		if err != nil {
			return err
		}
		fmt.Printf("\nOn Postgres (%s), before: the baseline build (%s):\n\n", database.Redact(server), filepath.Base(baseline))
		err = table(bases, nil, dur, rows(tok, "Postgres, before: ")[:1])
		stop()
		if err != nil {
			return err
		}
	}
	after := prefix + "_after"
	if err := create(after, seed); err != nil {
		return err
	}
	bases, stop, err := startReplicas(bin, dsnOf(after), dir, 1, "--config", cfg, "--no-migrate")
	if err != nil {
		return err
	}
	defer stop()
	fmt.Printf("\nOn Postgres (%s), one replica, this build:\n\n", database.Redact(server))
	return table(bases, nil, dur, rows(tok, "Postgres: "))
}

// downgrade brings a Postgres database migrated by this build down to the migrations of the
// checkout at baseline: it runs the down migrations this build has beyond the baseline's, newest
// first, and records the baseline's latest version.
func downgrade(ctx context.Context, dsn, baseline string) error {
	mine, err := migrationVersions("database/migrations/postgres")
	if err != nil {
		return err
	}
	theirs, err := migrationVersions(filepath.Join(baseline, "database/migrations/postgres"))
	if err != nil {
		return err
	}
	if len(theirs) == 0 {
		return fmt.Errorf("no migrations in %s", baseline)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for i := len(mine) - 1; i >= 0; i-- {
		v := mine[i]
		if slices.Contains(theirs, v) {
			continue
		}
		files, _ := filepath.Glob(filepath.Join("database/migrations/postgres", strconv.Itoa(v)+"_*.down.sql"))
		if len(files) != 1 {
			return fmt.Errorf("down migration of %d: %d files", v, len(files))
		}
		body, err := os.ReadFile(files[0])
		if err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(files[0]), err)
		}
	}
	return database.ForcePostgresMigration(dsn, theirs[len(theirs)-1])
}

// migrationVersions are the versions of the up migrations in dir, in order.
func migrationVersions(dir string) ([]int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.up.sql"))
	if err != nil {
		return nil, err
	}
	var out []int
	for _, f := range files {
		v, _, _ := strings.Cut(filepath.Base(f), "_")
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", f, err)
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}
