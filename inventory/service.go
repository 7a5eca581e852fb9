package inventory

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/bag"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/inventoryitem"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/stockcount"
	"github.com/hardcandy/hardcandy/viewer"
)

// Service manages inventory items.
type Service struct {
	client *ent.Client
	store  *database.Store
	clock  clockwork.Clock
	deps   Deps
}

// Deps are what an inventory service tells of its changes, each optional (nil: nobody is told),
// handed in at construction.
type Deps struct {
	// Reclaim is called after an item went to REBUILDING, so it is wiped at once.
	Reclaim func()
	// Restocked is called after new items went on the shelf (AVAILABLE), so the waiting lists
	// are served at once.
	Restocked func()
}

// NewService returns an inventory service; deps, at most one, say whom it tells of its changes.
func NewService(store *database.Store, clock clockwork.Clock, deps ...Deps) *Service {
	s := &Service{client: store.Client, store: store, clock: clock}
	if len(deps) > 0 {
		s.deps = deps[0]
	}
	return s
}

// NewItem describes an item to add. It is also the GraphQL AddInventoryItemInput.
type NewItem struct {
	SKU    string   `json:"sku"`
	Name   string   `json:"name"`
	Pool   *string  `json:"pool,omitempty"`
	Labels []string `json:"labels,omitempty"`
}

// maxBatch bounds one add or import, so a single request cannot hold the write lock for long.
const maxBatch = 10000

// Add creates items, all or nothing. Only admins may. Errors name the offending entry as
// "input[i].field".
func (s *Service) Add(ctx context.Context, items []*NewItem) ([]*ent.InventoryItem, error) {
	_, ctx, err := auth.AuthorizedAdmin(ctx, "addInventoryItems")
	if err != nil {
		return nil, err
	}
	return s.add(ctx, items, func(i int, field string) string { return fmt.Sprintf("input[%d].%s", i, field) })
}

// Import creates items from CSV with the header sku,name,pool,labels (pool and labels optional;
// labels separated by ';'), all or nothing. Errors name the row (1 is the header) and column: a
// file with bad rows is refused naming every one of them (up to maxReportedRows), so that they
// can all be fixed at once.
func (s *Service) Import(ctx context.Context, data string) ([]*ent.InventoryItem, error) {
	_, ctx, err := auth.AuthorizedAdmin(ctx, "importInventoryItems")
	if err != nil {
		return nil, err
	}
	items, err := ParseCSV(strings.NewReader(data))
	if err == nil {
		out, err := s.add(ctx, items, func(i int, field string) string { return fmt.Sprintf("row %d, column %s", i+2, field) })
		if !errors.Is(err, apperr.InvalidArgument) {
			return out, err
		}
	}
	// Something is wrong: the preview's row-by-row checks say everything that is. Only a failed
	// import pays for them.
	p, perr := s.preview(ctx, data)
	if perr != nil {
		return nil, perr // the file as a whole: its header, its size
	}
	if msg := badRows(p); msg != "" {
		return nil, apperr.New(apperr.InvalidArgument, "%s", msg)
	}
	return nil, err // a change between the import and the preview
}

// maxReportedRows bounds the bad rows one error names.
const maxReportedRows = 100

// badRows names every bad row of a preview (up to maxReportedRows) in one message, or "".
func badRows(p *ImportPreview) string {
	var parts []string
	bad := 0
	for _, r := range p.Rows {
		if len(r.Errors) == 0 {
			continue
		}
		bad++
		for _, e := range r.Errors {
			if len(parts) == maxReportedRows {
				continue
			}
			if strings.HasPrefix(e, "column ") {
				parts = append(parts, fmt.Sprintf("row %d, %s", r.Row, e))
			} else {
				parts = append(parts, fmt.Sprintf("row %d: %s", r.Row, e))
			}
		}
	}
	if bad == 0 {
		return ""
	}
	msg := strings.Join(parts, "; ")
	if bad == 1 {
		return msg
	}
	if len(parts) == maxReportedRows {
		return fmt.Sprintf("%s; … (%d bad rows, the first %d problems shown; inventoryImportPreview lists them all)", msg, bad, maxReportedRows)
	}
	return fmt.Sprintf("%s (%d bad rows)", msg, bad)
}

// utf8BOM is the byte-order mark spreadsheets (Excel's "CSV UTF-8") put before the header.
const utf8BOM = "\ufeff"

// ParseCSV reads items from CSV, checking the shape but not the catalog. A UTF-8 byte-order mark
// before the header is skipped.
func ParseCSV(r io.Reader) ([]*NewItem, error) {
	rows, err := parseCSV(r)
	if err != nil {
		return nil, err
	}
	out := make([]*NewItem, len(rows))
	for i, row := range rows {
		if row.err != "" {
			return nil, apperr.New(apperr.InvalidArgument, "csv: row %d: %s", row.row, row.err)
		}
		out[i] = row.item
	}
	return out, nil
}

// csvRow is one data row: the item it describes, or why its shape is wrong.
type csvRow struct {
	row  int // 1 is the header
	item *NewItem
	err  string
}

// parseCSV reads every data row; an error is for the file as a whole (header, size, emptiness).
func parseCSV(r io.Reader) ([]csvRow, error) {
	br := bufio.NewReader(r)
	if head, err := br.Peek(len(utf8BOM)); err == nil && string(head) == utf8BOM {
		_, _ = br.Discard(len(utf8BOM))
	}
	cr := csv.NewReader(br)
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, apperr.New(apperr.InvalidArgument, "csv: empty; the first row must be the header sku,name,pool,labels")
	} else if err != nil {
		return nil, apperr.New(apperr.InvalidArgument, "csv: row 1: %v", err)
	}
	cols := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains([]string{"sku", "name", "pool", "labels"}, h) {
			return nil, apperr.New(apperr.InvalidArgument, "csv: row 1, column %d: unknown column %q; use sku,name,pool,labels", i+1, h)
		}
		if _, dup := cols[h]; dup {
			return nil, apperr.New(apperr.InvalidArgument, "csv: row 1: column %q given twice", h)
		}
		cols[h] = i
	}
	for _, need := range []string{"sku", "name"} {
		if _, ok := cols[need]; !ok {
			return nil, apperr.New(apperr.InvalidArgument, "csv: row 1: the header needs a %q column", need)
		}
	}
	var out []csvRow
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// A broken quote leaves the reader lost: nothing after it can be trusted.
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrFieldCount) {
				out = append(out, csvRow{row: row, item: &NewItem{}, err: err.Error()})
				break
			}
			return nil, apperr.New(apperr.InvalidArgument, "csv: row %d: %v", row, err)
		}
		if len(rec) != len(header) {
			out = append(out, csvRow{row: row, item: &NewItem{}, err: fmt.Sprintf("%d columns, the header has %d", len(rec), len(header))})
			continue
		}
		get := func(c string) string {
			if i, ok := cols[c]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		it := &NewItem{SKU: get("sku"), Name: get("name")}
		if p := get("pool"); p != "" {
			it.Pool = &p
		}
		for _, l := range strings.Split(get("labels"), ";") {
			if l = strings.TrimSpace(l); l != "" {
				it.Labels = append(it.Labels, l)
			}
		}
		out = append(out, csvRow{row: row, item: it})
		if len(out) > maxBatch {
			return nil, apperr.New(apperr.InvalidArgument, "csv: more than %d rows; split the file", maxBatch)
		}
	}
	if len(out) == 0 {
		return nil, apperr.New(apperr.InvalidArgument, "csv: no rows after the header")
	}
	return out, nil
}

// ImportPreview is what an import would do, written nowhere: every row with its problems.
type ImportPreview struct {
	Rows []*ImportPreviewRow `json:"rows"`
	// Valid is true when no row has a problem: importing the same CSV would then write every row
	// (unless something changes in between).
	Valid bool `json:"valid"`
}

// ImportPreviewRow is one data row of a CSV import and what is wrong with it.
type ImportPreviewRow struct {
	// Row is the line's number in the file, 1 being the header.
	Row    int      `json:"row"`
	SKU    string   `json:"sku"`
	Name   string   `json:"name"`
	Pool   *string  `json:"pool,omitempty"`
	Labels []string `json:"labels"`
	// Errors name the column and the rule, as the import would; empty when the row is fine.
	Errors []string `json:"errors"`
}

// PreviewImport checks a CSV import as Import would, row by row, and writes nothing: an admin
// sees every bad row at once before importing. A problem with the file as a whole (its header,
// its size) is an INVALID_ARGUMENT error as from Import.
func (s *Service) PreviewImport(ctx context.Context, data string) (*ImportPreview, error) {
	_, ctx, err := auth.AuthorizedAdmin(ctx, "inventoryImportPreview")
	if err != nil {
		return nil, err
	}
	return s.preview(ctx, data)
}

// preview is PreviewImport for a caller already known to be an admin.
func (s *Service) preview(sys context.Context, data string) (*ImportPreview, error) {
	rows, err := parseCSV(strings.NewReader(data))
	if err != nil {
		return nil, err
	}
	skus := map[string]bool{}
	var names []string
	for _, r := range rows {
		skus[r.item.SKU] = true
		if n := strings.TrimSpace(r.item.Name); n != "" {
			names = append(names, n)
		}
	}
	prods, err := s.client.Product.Query().Where(product.SkuIn(keys(skus)...)).All(sys)
	if err != nil {
		return nil, database.Wrap(err, "preview import: products")
	}
	bySKU := map[string]*ent.Product{}
	for _, p := range prods {
		bySKU[p.Sku] = p
	}
	taken := map[string]bool{}
	for start := 0; start < len(names); start += 500 {
		got, err := s.client.InventoryItem.Query().Where(inventoryitem.NameIn(names[start:min(start+500, len(names))]...)).
			Select(inventoryitem.FieldName).Strings(sys)
		if err != nil {
			return nil, database.Wrap(err, "preview import: names")
		}
		for _, n := range got {
			taken[n] = true
		}
	}
	out := &ImportPreview{Valid: true}
	firstRow := map[string]int{}
	for _, r := range rows {
		it := r.item
		pr := &ImportPreviewRow{Row: r.row, SKU: it.SKU, Name: strings.TrimSpace(it.Name), Pool: it.Pool, Labels: it.Labels, Errors: []string{}}
		if pr.Labels == nil {
			pr.Labels = []string{}
		}
		at := func(field string) string { return fmt.Sprintf("column %s", field) }
		if r.err != "" {
			pr.Errors = append(pr.Errors, r.err)
		} else {
			if msg := nameProblem(pr.Name); msg != "" {
				pr.Errors = append(pr.Errors, at("name")+": "+msg)
			} else if j, dup := firstRow[pr.Name]; dup {
				pr.Errors = append(pr.Errors, fmt.Sprintf("%s: %q also at row %d", at("name"), pr.Name, j))
			} else if taken[pr.Name] {
				pr.Errors = append(pr.Errors, fmt.Sprintf("%s: an item named %q already exists", at("name"), pr.Name))
			}
			if _, dup := firstRow[pr.Name]; !dup && pr.Name != "" {
				firstRow[pr.Name] = r.row
			}
			if msg := labelsProblem(it.Labels); msg != "" {
				pr.Errors = append(pr.Errors, at("labels")+": "+msg)
			}
			if msg := productProblem(bySKU[it.SKU], it.SKU); msg != "" {
				pr.Errors = append(pr.Errors, at("sku")+": "+msg)
			}
		}
		if len(pr.Errors) > 0 {
			out.Valid = false
		}
		out.Rows = append(out.Rows, pr)
	}
	return out, nil
}

// nameProblem says what is wrong with an item's name, or "".
func nameProblem(name string) string {
	switch {
	case name == "":
		return "must not be empty"
	case len(name) > 253:
		return "at most 253 characters"
	}
	return ""
}

// labelsProblem says what is wrong with an item's labels, or "".
func labelsProblem(labels []string) string {
	for _, l := range labels {
		if msg := LabelProblem(l); msg != "" {
			return msg
		}
	}
	return ""
}

// productProblem says why items cannot be added to the product with this SKU (nil: none), or "".
func productProblem(p *ent.Product, sku string) string {
	switch {
	case p == nil:
		return fmt.Sprintf("no product %q", sku)
	case p.RetiredAt != nil:
		return fmt.Sprintf("%s is retired", sku)
	case p.ComponentsBagID != nil:
		return fmt.Sprintf("%s is a bundle; add items of its components", sku)
	}
	return ""
}

func (s *Service) add(sys context.Context, items []*NewItem, where func(i int, field string) string) ([]*ent.InventoryItem, error) {
	if len(items) == 0 {
		return nil, apperr.New(apperr.InvalidArgument, "no items given")
	}
	if len(items) > maxBatch {
		return nil, apperr.New(apperr.InvalidArgument, "at most %d items at once, got %d", maxBatch, len(items))
	}
	names := map[string]int{}
	skus := map[string]bool{}
	for i, it := range items {
		it.Name = strings.TrimSpace(it.Name)
		if msg := nameProblem(it.Name); msg != "" {
			return nil, apperr.New(apperr.InvalidArgument, "%s: %s", where(i, "name"), msg)
		}
		if j, dup := names[it.Name]; dup {
			return nil, apperr.New(apperr.InvalidArgument, "%s: %q also at %s", where(i, "name"), it.Name, where(j, "name"))
		}
		names[it.Name] = i
		if msg := labelsProblem(it.Labels); msg != "" {
			return nil, apperr.New(apperr.InvalidArgument, "%s: %s", where(i, "labels"), msg)
		}
		skus[it.SKU] = true
	}
	now := s.clock.Now().UTC()
	actor := viewer.Actor(sys)
	var created []*ent.InventoryItem
	err := s.store.Write(sys, func(tx *database.Tx) error {
		prods, err := tx.Product.Query().Where(product.SkuIn(keys(skus)...)).All(sys)
		if err != nil {
			return err
		}
		bySKU := map[string]*ent.Product{}
		for _, p := range prods {
			bySKU[p.Sku] = p
		}
		nameList := make([]string, 0, len(names))
		for n := range names {
			nameList = append(nameList, n)
		}
		taken, err := tx.InventoryItem.Query().Where(inventoryitem.NameIn(nameList...)).
			Select(inventoryitem.FieldName).Strings(sys)
		if err != nil {
			return err
		}
		if len(taken) > 0 {
			slices.Sort(taken)
			i := names[taken[0]]
			return apperr.New(apperr.Conflict, "%s: an item named %q already exists", where(i, "name"), taken[0])
		}
		creates := make([]*ent.InventoryItemCreate, len(items))
		delta := map[stockKey]int{}
		for i, it := range items {
			p := bySKU[it.SKU]
			if msg := productProblem(p, it.SKU); msg != "" {
				return apperr.New(apperr.InvalidArgument, "%s: %s", where(i, "sku"), msg)
			}
			labels := it.Labels
			if labels == nil {
				labels = []string{}
			}
			creates[i] = tx.InventoryItem.Create().SetName(it.Name).SetNillablePool(it.Pool).SetLabels(labels).
				SetProductID(p.ID).SetStatus(Available).SetStatusChangedAt(now).SetCreatedAt(now).SetUpdatedAt(now)
			delta[stockKey{p.ID, Available}]++
		}
		for start := 0; start < len(creates); start += 500 {
			batch, err := tx.InventoryItem.CreateBulk(creates[start:min(start+500, len(creates))]...).Save(sys)
			if err != nil {
				return err
			}
			created = append(created, batch...)
		}
		if err := writeLabels(sys, tx, created); err != nil {
			return err
		}
		events := make([]*ent.EventCreate, len(created))
		for i, it := range created {
			events[i] = tx.Event.Create().SetAt(now).SetActor(actor).SetKind("created").
				SetTo(string(Available)).SetItemID(it.ID)
		}
		for start := 0; start < len(events); start += 500 {
			if err := tx.Event.CreateBulk(events[start:min(start+500, len(events))]...).Exec(sys); err != nil {
				return err
			}
		}
		adjustStockAtCommit(tx, delta)
		return nil
	})
	if err != nil {
		return nil, database.Wrap(err, "add items")
	}
	for i := range created {
		created[i] = created[i].Unwrap()
	}
	if s.deps.Restocked != nil {
		s.deps.Restocked()
	}
	return created, nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// SetMaintenance takes an item out of service with a reason. Only admins may.
func (s *Service) SetMaintenance(ctx context.Context, id int, reason string) (*ent.InventoryItem, error) {
	_, ctx, err := auth.AuthorizedAdmin(ctx, "setItemMaintenance")
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(reason) == "" {
		return nil, apperr.New(apperr.InvalidArgument, "reason: say why the item goes into maintenance")
	}
	return s.move(ctx, id, Maintenance, strings.TrimSpace(reason))
}

// ReleaseFromMaintenance puts an item back into service through a wipe: MAINTENANCE →
// REBUILDING, and the reclaim job returns it to the shelf once wiped (or to MAINTENANCE again
// when the wipe keeps failing). Only admins may.
func (s *Service) ReleaseFromMaintenance(ctx context.Context, id int) (*ent.InventoryItem, error) {
	_, ctx, err := auth.AuthorizedAdmin(ctx, "releaseItemFromMaintenance")
	if err != nil {
		return nil, err
	}
	if err := s.requireStatus(ctx, id, Maintenance); err != nil {
		return nil, err
	}
	it, err := s.move(ctx, id, Rebuilding, "released from maintenance: wiped before reuse")
	if err == nil && s.deps.Reclaim != nil {
		s.deps.Reclaim()
	}
	return it, err
}

// Archive decommissions an item: AVAILABLE or MAINTENANCE → ARCHIVING → ARCHIVED, both steps
// recorded. The item is kept for history. Only admins may.
func (s *Service) Archive(ctx context.Context, id int) (*ent.InventoryItem, error) {
	_, ctx, err := auth.AuthorizedAdmin(ctx, "archiveItem")
	if err != nil {
		return nil, err
	}
	now := s.clock.Now().UTC()
	err = s.store.Write(ctx, func(tx *database.Tx) error {
		m := Move{ItemIDs: []int{id}, To: Archiving, Actor: viewer.Actor(ctx), Reason: "archive requested"}
		if err := Transition(ctx, tx, now, m); err != nil {
			return err
		}
		m.To, m.Reason = Archived, "decommissioned"
		return Transition(ctx, tx, now, m)
	})
	if err != nil {
		return nil, database.Wrap(err, "archive item %d", id)
	}
	return s.client.InventoryItem.Get(ctx, id)
}

// requireStatus refuses with CONFLICT when the item is not in want.
func (s *Service) requireStatus(sys context.Context, id int, want Status) error {
	it, err := s.client.InventoryItem.Get(sys, id)
	if err != nil {
		return database.Wrap(err, "item %d", id)
	}
	if it.Status != want {
		return apperr.New(apperr.Conflict, "item %s is %s, not %s", it.Name, it.Status, want)
	}
	return nil
}

func (s *Service) move(sys context.Context, id int, to Status, reason string) (*ent.InventoryItem, error) {
	err := s.store.Write(sys, func(tx *database.Tx) error {
		return Transition(sys, tx, s.clock.Now().UTC(), Move{ItemIDs: []int{id}, To: to, Actor: viewer.Actor(sys), Reason: reason})
	})
	if err != nil {
		return nil, database.Wrap(err, "item %d", id)
	}
	return s.client.InventoryItem.Get(sys, id)
}

// Availability is the count of a product's items per status. For a bundle, Available is how
// many whole bundles could be vended now.
type Availability struct {
	SKU         string       `json:"sku"`
	Product     *ent.Product `json:"-"`
	Available   int          `json:"available"`
	Reserving   int          `json:"reserving"`
	Leased      int          `json:"leased"`
	Rebuilding  int          `json:"rebuilding"`
	Maintenance int          `json:"maintenance"`
}

// AvailabilityQuery selects what Availability reports.
type AvailabilityQuery struct {
	// SKU names one product (any, retired included); nil means the catalog Visible selects.
	SKU     *string
	Visible func(*ent.ProductQuery)
	// WithProduct loads whole product rows; without it only what the counts need is read.
	WithProduct bool
	// Selection, when not empty, counts only the items it matches (reading the items, through
	// the indexes Selection.Predicates names, rather than the stock counters).
	Selection Selection
}

// Availability reports counts per product. It reads the stock counters, never the items table.
func (s *Service) Availability(ctx context.Context, aq AvailabilityQuery) ([]*Availability, error) {
	if _, err := auth.Require(ctx); err != nil {
		return nil, err
	}
	sku := aq.SKU
	q := s.client.Product.Query().Order(ent.Asc(product.FieldSku))
	if sku != nil {
		q.Where(product.Sku(*sku))
	} else if aq.Visible != nil {
		aq.Visible(q)
	}
	if !aq.WithProduct {
		q.Select(product.FieldID, product.FieldSku, product.FieldComponentsBagID)
	}
	prods, err := q.All(ctx)
	if err != nil {
		return nil, database.Wrap(err, "availability")
	}
	if sku != nil && len(prods) == 0 {
		return nil, apperr.New(apperr.NotFound, "no product %q", *sku)
	}
	ids := make([]int, 0, len(prods))
	var bagIDs []int
	for _, p := range prods {
		ids = append(ids, p.ID)
		if p.ComponentsBagID != nil {
			bagIDs = append(bagIDs, *p.ComponentsBagID)
		}
	}
	// The products are the ones the viewer may see; what they are made of and how many of their
	// items match is read whoever's it is.
	sys := database.System(ctx)
	// Bundles need their components' counters too.
	components := map[int]*bag.Bag{}
	for _, id := range bagIDs {
		b, err := bag.Load(sys, s.client, id)
		if err != nil {
			return nil, err
		}
		components[id] = b
		for _, st := range b.Stacks() {
			ids = append(ids, st.ProductID)
		}
	}
	counts, err := s.client.StockCount.Query().Where(stockcount.ProductIDIn(ids...)).
		Select(stockcount.FieldProductID, stockcount.FieldStatus, stockcount.FieldCount).All(ctx)
	if err != nil {
		return nil, database.Wrap(err, "availability")
	}
	byProduct := map[int]map[Status]int{}
	for _, c := range counts {
		if byProduct[c.ProductID] == nil {
			byProduct[c.ProductID] = map[Status]int{}
		}
		byProduct[c.ProductID][Status(c.Status)] += c.Count // the sum of its slots
	}
	if !aq.Selection.Empty() {
		if byProduct, err = s.countSelected(sys, ids, aq.Selection); err != nil {
			return nil, err
		}
	}
	out := make([]*Availability, 0, len(prods))
	for _, p := range prods {
		m := byProduct[p.ID]
		a := &Availability{SKU: p.Sku, Product: p, Available: m[Available], Reserving: m[Reserving],
			Leased: m[Leased], Rebuilding: m[Rebuilding], Maintenance: m[Maintenance]}
		if p.ComponentsBagID != nil {
			a.Available = -1
			for _, st := range components[*p.ComponentsBagID].Stacks() {
				if st.Quantity <= 0 {
					continue
				}
				n := byProduct[st.ProductID][Available] / st.Quantity
				if a.Available < 0 || n < a.Available {
					a.Available = n
				}
			}
			a.Available = max(a.Available, 0)
		}
		out = append(out, a)
	}
	return out, nil
}
