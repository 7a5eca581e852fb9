// Package rest serves the JSON routes of the original inventory-service design through the same
// catalog service the GraphQL API uses:
//
//	GET    /products              SKUs of the catalog
//	GET    /admin/products        every product
//	GET    /admin/products/{id}   one product
//	POST   /admin/products        create (body: the GraphQL CreateProductInput)
//	PUT    /admin/products/{id}   update (body: the GraphQL UpdateProductInput)
//	DELETE /admin/products/{id}   delete when unreferenced, else retire
package rest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/hardcandy/hardcandy/apperr"
	"github.com/hardcandy/hardcandy/auth"
	"github.com/hardcandy/hardcandy/catalog"
	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/duration"
	"github.com/hardcandy/hardcandy/ent"
	"github.com/hardcandy/hardcandy/ent/product"
	"github.com/hardcandy/hardcandy/ent/schematype"
)

// Product is the JSON shape of a product.
type Product struct {
	ID                        int                    `json:"id"`
	SKU                       string                 `json:"sku"`
	Tier                      int                    `json:"tier"`
	Type                      string                 `json:"type"`
	Size                      string                 `json:"size"`
	Name                      string                 `json:"name"`
	Description               *string                `json:"description,omitempty"`
	Attributes                []schematype.Attribute `json:"attributes"`
	PricePerDay               int                    `json:"pricePerDay"`
	Currency                  string                 `json:"currency"`
	DefaultDuration           *duration.Duration     `json:"defaultDuration,omitempty"`
	MinDuration               *duration.Duration     `json:"minDuration,omitempty"`
	MaxDuration               *duration.Duration     `json:"maxDuration,omitempty"`
	MaxLifetime               *duration.Duration     `json:"maxLifetime,omitempty"`
	RequiresApproval          bool                   `json:"requiresApproval"`
	ExtensionRequiresApproval bool                   `json:"extensionRequiresApproval"`
	Bundle                    bool                   `json:"bundle"`
	Custom                    bool                   `json:"custom"`
	ExpiresAt                 *time.Time             `json:"expiresAt,omitempty"`
	Retired                   bool                   `json:"retired"`
}

func toJSON(p *ent.Product) Product {
	return Product{ID: p.ID, SKU: p.Sku, Tier: p.Tier, Type: p.Type, Size: p.Size, Name: p.Name,
		Description: p.Description, Attributes: p.Attributes, PricePerDay: p.PricePerDay, Currency: p.Currency,
		DefaultDuration: p.DefaultDuration, MinDuration: p.MinDuration, MaxDuration: p.MaxDuration,
		MaxLifetime: p.MaxLifetime, RequiresApproval: p.RequiresApproval,
		ExtensionRequiresApproval: p.ExtensionRequiresApproval, Bundle: p.ComponentsBagID != nil,
		Custom: p.Custom, ExpiresAt: p.ExpiresAt, Retired: p.RetiredAt != nil}
}

// maxBody bounds request bodies.
const maxBody = 1 << 20

// Routes registers the routes on mux.
func Routes(mux *http.ServeMux, client *ent.Client, cat *catalog.Service) {
	h := &handlers{client: client, catalog: cat}
	mux.HandleFunc("GET /products", h.skus)
	mux.HandleFunc("GET /admin/products", h.list)
	mux.HandleFunc("GET /admin/products/{id}", h.get)
	mux.HandleFunc("POST /admin/products", h.create)
	mux.HandleFunc("PUT /admin/products/{id}", h.update)
	mux.HandleFunc("DELETE /admin/products/{id}", h.remove)
}

type handlers struct {
	client  *ent.Client
	catalog *catalog.Service
}

func (h *handlers) skus(w http.ResponseWriter, r *http.Request) {
	if _, err := auth.Require(r.Context()); err != nil {
		auth.WriteError(w, err)
		return
	}
	skus, err := h.client.Product.Query().Where(catalog.Visible()).Order(ent.Asc(product.FieldSku)).
		Select(product.FieldSku).Strings(r.Context())
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	write(w, http.StatusOK, map[string]any{"skus": skus})
}

func (h *handlers) list(w http.ResponseWriter, r *http.Request) {
	if _, err := auth.RequireAdmin(r.Context(), "listing products"); err != nil {
		auth.WriteError(w, err)
		return
	}
	ps, err := h.client.Product.Query().Order(ent.Asc(product.FieldSku)).All(r.Context())
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	out := make([]Product, len(ps))
	for i, p := range ps {
		out[i] = toJSON(p)
	}
	write(w, http.StatusOK, map[string]any{"products": out})
}

func (h *handlers) get(w http.ResponseWriter, r *http.Request) {
	if _, err := auth.RequireAdmin(r.Context(), "reading a product"); err != nil {
		auth.WriteError(w, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	p, err := h.client.Product.Get(r.Context(), id)
	if err != nil {
		auth.WriteError(w, database.Wrap(err, "product %d", id))
		return
	}
	write(w, http.StatusOK, toJSON(p))
}

func (h *handlers) create(w http.ResponseWriter, r *http.Request) {
	var in catalog.CreateInput
	if err := decode(r, &in); err != nil {
		auth.WriteError(w, err)
		return
	}
	p, err := h.catalog.Create(r.Context(), in)
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	write(w, http.StatusCreated, toJSON(p))
}

func (h *handlers) update(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	var in catalog.UpdateInput
	if err := decode(r, &in); err != nil {
		auth.WriteError(w, err)
		return
	}
	p, err := h.catalog.Update(r.Context(), id, in)
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	write(w, http.StatusOK, toJSON(p))
}

func (h *handlers) remove(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	deleted, p, err := h.catalog.Remove(r.Context(), id)
	if err != nil {
		auth.WriteError(w, err)
		return
	}
	if deleted {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	write(w, http.StatusOK, map[string]any{"retired": true, "product": toJSON(p),
		"message": "the product is referenced, so it was retired instead of deleted"})
}

func pathID(r *http.Request) (int, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		return 0, apperr.New(apperr.InvalidArgument, "id: %q is not a product id", r.PathValue("id"))
	}
	return id, nil
}

func decode(r *http.Request, v any) error {
	if _, err := auth.Require(r.Context()); err != nil {
		return err
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return apperr.New(apperr.InvalidArgument, "body: expected a JSON object")
		}
		return apperr.New(apperr.InvalidArgument, "body: %v", err)
	}
	return nil
}

func write(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
