// Package catalog owns products: SKUs, prices, lease policies, bundles and custom products.
package catalog

import (
	"fmt"
	"strings"
)

// Tier names, by tier number.
var Tiers = map[int]string{1: "heritage", 2: "PaaS", 3: "IaaS", 4: "MaaS"}

// Types names, by type letter.
var Types = map[string]string{"A": "OpenStack", "B": "vSphere", "C": "vCloud", "D": "raw metal", "E": "metal + Juju"}

// SKU is a parsed "[tier][type].[size]" such as "2C.small".
type SKU struct {
	Tier int
	Type string
	Size string
}

func (s SKU) String() string { return fmt.Sprintf("%d%s.%s", s.Tier, s.Type, s.Size) }

const maxSizeLen = 32

// ParseSKU parses and validates a SKU. The error names the rule that is broken, e.g.
// `"2Z.small": type must be one of A-E`.
func ParseSKU(s string) (SKU, error) {
	fail := func(rule string, args ...any) (SKU, error) {
		return SKU{}, fmt.Errorf("%q: %s", s, fmt.Sprintf(rule, args...))
	}
	if len(s) < 4 {
		return fail("a SKU is [tier][type].[size], e.g. 2C.small")
	}
	if s[0] < '1' || s[0] > '4' {
		return fail("tier must be one of 1-4")
	}
	if s[1] < 'A' || s[1] > 'E' {
		return fail("type must be one of A-E")
	}
	if s[2] != '.' {
		return fail("a '.' must follow tier and type, e.g. 2C.small")
	}
	size := s[3:]
	if len(size) > maxSizeLen {
		return fail("size must be at most %d characters", maxSizeLen)
	}
	if size[0] < 'a' || size[0] > 'z' {
		return fail("size must be a lower-case word starting with a letter")
	}
	if i := strings.IndexFunc(size, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }); i >= 0 {
		return fail("size must be a lower-case word (a-z, 0-9)")
	}
	return SKU{Tier: int(s[0] - '0'), Type: s[1:2], Size: size}, nil
}
