// Package schematype holds the Go types stored in JSON columns of the ent schema.
package schematype

// Attribute is one typed key/value of a product, such as ram_gb=128.
type Attribute struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// LeaseLine is one requested line of a lease: so many items of a SKU.
type LeaseLine struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
	// Parameters are the line's parameters (see ParameterValue): as a vend passes them, and in a
	// lease's request validated, defaults applied, secrets sealed. For a bundle they name its
	// components' parameters "SKU.name".
	Parameters []*ParameterValue `json:"parameters,omitempty"`
}
