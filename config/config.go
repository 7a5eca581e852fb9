// Package config reads hardcandy.yaml, the file for what flags do not cover: dispenser drivers
// per product type and the leasing rules.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"gopkg.in/yaml.v3"

	"github.com/hardcandy/hardcandy/billing"
	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/notify"
	"github.com/hardcandy/hardcandy/reclaim"
	"github.com/hardcandy/hardcandy/scheduler"
)

// DefaultPath is read when it exists and no other file is named.
const DefaultPath = "hardcandy.yaml"

// File is the configuration file.
type File struct {
	// Dispensers maps a product type letter (A-E) or "default" to a driver.
	Dispensers map[string]dispenser.Config `yaml:"dispensers"`
	// Leasing holds the rules that are not per product.
	Leasing lease.Config `yaml:"leasing"`
	// Reclaim tunes the wiping of returned items.
	Reclaim reclaim.Config `yaml:"reclaim"`
	// Scheduler sets job schedules.
	Scheduler scheduler.Config `yaml:"scheduler"`
	// Notices sets thresholds and delivery channels (webhook, SMTP).
	Notices notify.Config `yaml:"notices"`
	// Billing sets the time zone whose months bills follow.
	Billing billing.Config `yaml:"billing"`
}

// Load reads path. When path is DefaultPath and the file does not exist, the defaults apply
// (the simulator for every type); a file named explicitly must exist. Unknown keys are errors,
// so a typo does not silently fall back to a default.
func Load(path string) (*File, error) {
	f := &File{}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && path == DefaultPath:
		return f, nil
	case err != nil:
		return nil, fmt.Errorf("config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	if err := f.Notices.Validate(); err != nil {
		return nil, fmt.Errorf("config %s: notices: %w", path, err)
	}
	for k := range f.Dispensers {
		switch k {
		case "default", "A", "B", "C", "D", "E":
		default:
			return nil, fmt.Errorf("config %s: dispensers: %q is not a product type (A-E) or default", path, k)
		}
	}
	return f, nil
}
